/**
 * The practice screen as a state machine: one role-play, step by step. Pure (no React, no API):
 * the store feeds it events, the hooks and the view read its state. A transition that does not
 * apply in the current phase leaves the state as it is, so a late event (a second stop, a stage
 * that arrives after the result) can never put the screen in a wrong place.
 */
import type { AttemptSummary, NextStep, Scenario, ScenarioTurn, TurnRecord } from '../../src-main/core/domain';

export type Phase = 'buyer' | 'ready' | 'recording' | 'processing' | 'result' | 'done';
export type Stage = 'saving' | 'transcribing' | 'scoring' | 'done';

export interface PracticeState {
  attemptId: number;
  scenario: Scenario;
  /** The step in this attempt (branches decide which scenario turn it is). */
  step: number;
  turn: ScenarioTurn;
  phase: Phase;
  stage: Stage;
  mode: 'voice' | 'typed';
  result: TurnRecord | null;
  /** Where the role-play goes after this step, once the answer is scored. */
  next: NextStep | null;
  error: string | null;
  /** Something the rep should know that is not a failure (the microphone went away mid-answer). */
  notice: string | null;
  /** The notice is about answering again ("Try 2: ..."): it goes once that answer is scored. */
  noticeUntilAnswered: boolean;
  /** The leave dialog is open (the microphone is already off). */
  leaving: boolean;
  finished: AttemptSummary | null;
  /** The named end reached, if it is not the plain end. */
  ending: string | null;
  /** The stopped answer's live segments transcribed so far, of how many (null until core says). */
  progress: { done: number; total: number } | null;
  /** The rep chose to type the answer being transcribed. */
  typingInstead: boolean;
  /** Answers the rep moved on from while they were being scored: their feedback arrives here. */
  earlier: EarlierAnswer[];
}

export interface EarlierAnswer {
  step: number;
  buyerLine: string;
  progress: { done: number; total: number } | null;
  result: TurnRecord | null;
  error: string | null;
}

export type PracticeEvent =
  | { type: 'line-done' }
  | { type: 'replay' }
  | { type: 'record-start' }
  | { type: 'record-stop' }
  | { type: 'typed-submit' }
  | { type: 'retry' }
  | { type: 'retry-turn-asked' }
  | { type: 'retry-turn'; tries: number }
  | { type: 'stage'; step: number; stage: Stage }
  | { type: 'progress'; step: number; done: number; total: number }
  | { type: 'type-instead'; on: boolean }
  | { type: 'continue-early'; next: Extract<NextStep, { kind: 'turn' }> }
  | { type: 'answered'; turn: TurnRecord; next: NextStep }
  | { type: 'failed'; message: string; answerKept: boolean; step?: number }
  | { type: 'turn-updated'; turn: TurnRecord }
  | { type: 'continue'; next: Extract<NextStep, { kind: 'turn' }> }
  | { type: 'finished'; summary: AttemptSummary; ending: string | null }
  | { type: 'notice'; message: string }
  | { type: 'mode'; mode: 'voice' | 'typed' }
  | { type: 'leave-asked' }
  | { type: 'leave-cancelled' };

export function startState(
  attemptId: number,
  scenario: Scenario,
  step: number,
  turn: ScenarioTurn,
  mode: 'voice' | 'typed',
): PracticeState {
  return {
    attemptId,
    scenario,
    step,
    turn,
    phase: 'buyer',
    stage: 'saving',
    mode,
    result: null,
    next: null,
    error: null,
    notice: null,
    noticeUntilAnswered: false,
    leaving: false,
    finished: null,
    ending: null,
    progress: null,
    typingInstead: false,
    earlier: [],
  };
}

/** Can the rep move on from this turn before its answer is scored? Not where the answer picks the branch. */
export function canMoveOnEarly(s: PracticeState): boolean {
  // Only once core has the answer stored ("transcribing"): before that it cannot say where the role-play goes.
  return (
    s.phase === 'processing' && s.stage === 'transcribing' && !(s.scenario.answerDecides ?? []).includes(s.turn.id)
  );
}

const updateEarlier = (s: PracticeState, step: number, change: Partial<EarlierAnswer>): PracticeState => ({
  ...s,
  earlier: s.earlier.map((a) => (a.step === step ? { ...a, ...change } : a)),
});
const isEarlier = (s: PracticeState, step: number) => s.earlier.some((a) => a.step === step);

export function practiceReducer(s: PracticeState, e: PracticeEvent): PracticeState {
  switch (e.type) {
    case 'line-done':
      return s.phase === 'buyer' ? { ...s, phase: 'ready' } : s;
    case 'replay':
      return s.phase === 'ready' ? { ...s, phase: 'buyer' } : s;
    case 'record-start':
      return s.phase === 'ready' ? { ...s, phase: 'recording', error: null } : s;
    case 'record-stop':
      return s.phase === 'recording'
        ? { ...s, phase: 'processing', stage: 'saving', progress: null, typingInstead: false }
        : s;
    case 'typed-submit':
      return s.phase === 'ready' || s.phase === 'buyer' || (s.phase === 'processing' && s.typingInstead)
        ? { ...s, phase: 'processing', stage: 'scoring', error: null }
        : s;
    case 'progress':
      if (isEarlier(s, e.step)) return updateEarlier(s, e.step, { progress: { done: e.done, total: e.total } });
      return s.phase === 'processing' && e.step === s.step ? { ...s, progress: { done: e.done, total: e.total } } : s;
    case 'type-instead':
      return s.phase === 'processing' && s.stage !== 'scoring' ? { ...s, typingInstead: e.on } : s;
    case 'continue-early':
      // On to the next line; this answer's feedback arrives in "earlier" when it is scored.
      return canMoveOnEarly(s)
        ? {
            ...s,
            earlier: [
              ...s.earlier,
              { step: s.step, buyerLine: s.turn.buyer, progress: s.progress, result: null, error: null },
            ],
            phase: 'buyer',
            step: e.next.step,
            turn: e.next.turn,
            result: null,
            next: null,
            error: null,
            notice: null,
            noticeUntilAnswered: false,
            stage: 'saving',
            progress: null,
            typingInstead: false,
          }
        : s;
    case 'retry':
      return s.phase === 'done'
        ? s
        : { ...s, phase: 'processing', stage: 'transcribing', error: null, progress: null, typingInstead: false };
    case 'retry-turn-asked':
      // Until the answer is put aside, nothing else (Continue) can be pressed.
      return s.phase === 'result' ? { ...s, phase: 'processing', stage: 'saving', error: null } : s;
    case 'retry-turn':
      // The same buyer line again, answered afresh; the better of the answers will count.
      return s.phase === 'processing'
        ? {
            ...s,
            phase: 'ready',
            result: null,
            next: null,
            error: null,
            notice: `Try ${e.tries}: answer the same line again. Every answer is kept; the better one counts.`,
            noticeUntilAnswered: true,
            stage: 'saving',
          }
        : s;
    case 'stage':
      return s.phase === 'processing' && e.step === s.step ? { ...s, stage: e.stage } : s;
    case 'answered':
      if (isEarlier(s, e.turn.index)) return updateEarlier(s, e.turn.index, { result: e.turn, error: null });
      return e.turn.index === s.step && s.phase !== 'done'
        ? {
            ...s,
            phase: 'result',
            result: e.turn,
            next: e.next,
            error: null,
            typingInstead: false,
            ...(s.noticeUntilAnswered ? { notice: null, noticeUntilAnswered: false } : {}),
          }
        : s;
    case 'failed':
      if (e.step !== undefined && isEarlier(s, e.step)) return updateEarlier(s, e.step, { error: e.message });
      if (e.step !== undefined && e.step !== s.step) return s;
      // A kept answer (audio on disk) shows its result with the error and a retry; otherwise answer again.
      return { ...s, phase: e.answerKept ? 'result' : 'ready', error: e.message };
    case 'turn-updated':
      if (isEarlier(s, e.turn.index)) return updateEarlier(s, e.turn.index, { result: e.turn });
      return s.result && e.turn.index === s.result.index ? { ...s, result: e.turn } : s;
    case 'continue':
      return s.phase === 'result'
        ? {
            ...s,
            phase: 'buyer',
            step: e.next.step,
            turn: e.next.turn,
            result: null,
            next: null,
            error: null,
            notice: null,
            noticeUntilAnswered: false,
            stage: 'saving',
            progress: null,
            typingInstead: false,
          }
        : s;
    case 'finished':
      return { ...s, phase: 'done', finished: e.summary, ending: e.ending, leaving: false };
    case 'notice':
      return { ...s, notice: e.message, noticeUntilAnswered: false };
    case 'mode':
      return { ...s, mode: e.mode };
    case 'leave-asked':
      return { ...s, leaving: true };
    case 'leave-cancelled':
      return { ...s, leaving: false };
  }
}
