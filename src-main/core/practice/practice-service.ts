import type { TurnTries } from './turn-tries';
import type { CoreContext } from '../context';
import type { AttemptSummary, NextStep, Scenario, Transcript, TurnRecord } from '../domain';
import { SparringError, notFound } from '../errors';
import { answerDecidesWayOn, turnsToEnd } from '../scenarios/branching';
import type { Transcriber } from '../transcription/transcriber';
import type { AnswerScorer } from './answer-scorer';
import type { PracticePath } from './practice-path';
import { type AnswersInFlight, typedInstead } from './answers-in-flight';

/**
 * A rep's role-play from start to finish: starting one, typed answers, transcribing a stored
 * answer again, moving on, leaving (kept to resume later, or discarded with undo), resuming.
 * Spoken answers arrive through the RecordingService.
 */
export class PracticeService {
  constructor(
    private readonly ctx: Pick<
      CoreContext,
      'db' | 'attempts' | 'people' | 'turns' | 'records' | 'catalog' | 'audio' | 'events'
    >,
    private readonly transcriber: Transcriber,
    private readonly scorer: AnswerScorer,
    private readonly path: PracticePath,
    private readonly tries: TurnTries,
    private readonly inFlight: AnswersInFlight,
  ) {}

  start(scenarioId: string): { attemptId: number; scenario: Scenario } {
    const { scenario, content } = this.ctx.catalog.find(scenarioId);
    const profile = this.ctx.people.self();
    const attemptId = this.ctx.db.get().transaction(() => {
      this.ctx.attempts.recordScenarioVersion(scenario, content);
      return this.ctx.attempts.createAttempt(profile.id, scenario);
    })();
    this.transcriber.warm(); // the model loads while the buyer speaks
    this.scorer.warm();
    return { attemptId, scenario: forPractice(scenario) };
  }

  /**
   * Picks up an attempt that was left or cut short, at the step it stopped at, on the scenario
   * version it was started on. `untranscribed` names an answered step whose audio still needs
   * transcribing (a crash, or a failure): the UI transcribes it first.
   */
  resume(attemptId: number): { attemptId: number; scenario: Scenario; next: NextStep; untranscribed: number | null } {
    if (this.ctx.records.ref(attemptId).status === 'complete')
      throw new SparringError(
        'attempt_complete',
        `Attempt ${attemptId} is already complete: start a new attempt to practise again.`,
      );
    const scenario = this.ctx.records.scenarioOf(attemptId);
    this.tries.restoreUnanswered(attemptId);
    this.ctx.attempts.setStatus(attemptId, 'in_progress');
    this.ctx.records.refreshOverall(attemptId);
    const last = this.ctx.turns.path(attemptId).at(-1);
    const untranscribed = last && !last.hasTranscript && !last.nextTarget ? last.step : null;
    // An untranscribed answer has no branch yet: resume on its own turn (its transcription decides the way on).
    let next: NextStep;
    if (untranscribed === null) next = this.path.next(attemptId, scenario);
    else {
      const { turnIndex, turn } = this.path.turnAt(attemptId, untranscribed, scenario);
      next = { kind: 'turn', step: untranscribed, turnIndex, turn };
    }
    this.transcriber.warm();
    this.scorer.warm();
    return { attemptId, scenario: forPractice(scenario), next, untranscribed };
  }

  /** Leaves an attempt to resume later: it is listed as incomplete, with no overall score. */
  leave(attemptId: number): AttemptSummary {
    this.tries.restoreUnanswered(attemptId);
    if (this.ctx.records.ref(attemptId).status === 'in_progress') this.ctx.attempts.setStatus(attemptId, 'incomplete');
    this.ctx.records.refreshOverall(attemptId);
    return this.ctx.attempts.summary(attemptId)!;
  }

  /** Hides an attempt from the history; `restore` undoes it until the app next starts, when it is deleted. */
  discard(attemptId: number): { attemptId: number; discarded: true } {
    if (this.ctx.records.ref(attemptId, { evenDiscarded: true }).status === 'in_progress')
      this.ctx.attempts.setStatus(attemptId, 'incomplete');
    this.ctx.attempts.discard(attemptId);
    return { attemptId, discarded: true };
  }

  restore(attemptId: number): AttemptSummary {
    const ref = this.ctx.attempts.attemptRef(attemptId);
    if (!ref)
      throw new SparringError(
        'not_found',
        `Attempt ${attemptId} can no longer be restored: discarded attempts are deleted when Sparring restarts.`,
      );
    this.ctx.attempts.restore(attemptId);
    return this.ctx.attempts.summary(attemptId)!;
  }

  finish(attemptId: number): AttemptSummary {
    this.ctx.records.ref(attemptId);
    this.tries.restoreUnanswered(attemptId);
    this.ctx.attempts.setStatus(attemptId, 'complete');
    this.ctx.records.refreshOverall(attemptId);
    this.ctx.records.decideCertification(attemptId);
    return this.ctx.attempts.summary(attemptId)!;
  }

  /**
   * Where the role-play goes now. The rep may move on while their last answer is still being
   * transcribed, when that turn leads the same way whatever is said; a turn whose branches depend
   * on the answer waits for its score.
   */
  next(attemptId: number): NextStep {
    this.ctx.records.ref(attemptId, { evenDiscarded: true });
    this.tries.restoreUnanswered(attemptId);
    const last = this.ctx.turns.path(attemptId).at(-1);
    if (last && this.inFlight.has(attemptId, last.step)) {
      const scenario = this.ctx.records.scenarioOf(attemptId);
      const turnIndex = scenario.turns.findIndex((t) => t.id === last.turnId);
      if (turnIndex >= 0 && answerDecidesWayOn(scenario, turnIndex))
        throw new SparringError(
          'still_scoring',
          `Where the role-play goes after turn ${last.step + 1} depends on your answer: wait for its score.`,
        );
    }
    return this.path.next(attemptId);
  }

  /**
   * A typed answer (no microphone, or no speech model yet, or "type instead" while a spoken answer
   * is being transcribed): scored the same way, with the delivery metrics that need audio marked
   * not available, and flagged as typed. A recording already stored for the step (its
   * transcription cancelled, or failed) stays with the typed answer.
   */
  submitTyped(attemptId: number, step: number, text: string): { turn: TurnRecord; next: NextStep } {
    this.ctx.records.requireOpen(attemptId);
    const answer = text.trim();
    if (!answer) throw new SparringError('empty_answer', 'Type an answer first.');
    const { scenario, turn } = this.path.turnAt(attemptId, step);
    this.inFlight.cancel(attemptId, step);
    this.path.requireUnanswered(attemptId, step);
    const stored = this.ctx.turns.at(attemptId, step);
    const recorded = stored?.audioPath && !stored.transcript ? stored : null;
    const base = {
      index: step,
      turnId: turn.id,
      buyerLine: turn.buyer,
      audioPath: recorded?.audioPath ?? null,
      durationSeconds: recorded?.durationSeconds ?? null,
    };
    const saved = this.scorer.scoreAndStore(attemptId, base, { text: answer, words: [] }, turn, scenario, true);
    // A retried step: the better of its answers counts, and decides the way on.
    const counted = this.tries.keepBetter(attemptId, saved);
    return { turn: counted, next: this.path.advance(attemptId, counted, scenario) };
  }

  /**
   * "Cancel and type instead": stops waiting for a spoken answer's transcription (segments not
   * started are dropped). Its recording stays stored with the step, to be typed, or transcribed
   * again later.
   */
  cancelTranscription(attemptId: number, step: number): { cancelled: boolean } {
    this.ctx.records.requireOpen(attemptId);
    return { cancelled: this.inFlight.cancel(attemptId, step) };
  }

  /** "Retry this turn": the answer just given is put aside and the same buyer line answered again. */
  retryTurn(attemptId: number, step: number) {
    return this.tries.retry(attemptId, step);
  }

  /** Transcribes a stored answer again (after a failure, a crash, or with another model), with progress events. */
  async retry(attemptId: number, step: number): Promise<{ turn: TurnRecord; next: NextStep }> {
    const stored = this.ctx.turns.at(attemptId, step);
    if (!stored?.audioPath) throw notFound(`Audio for turn ${step + 1} of attempt ${attemptId}`);
    const { scenario, turn } = this.path.turnAt(attemptId, step);
    const stage = (s: 'transcribing' | 'scoring' | 'done') =>
      this.ctx.events.emit({ type: 'turn.stage', attemptId, step, stage: s });
    const status = this.transcriber.requireReady();
    stage('transcribing');
    // "Cancel and type instead" works here too: a typed answer then wins, whatever finishes later.
    const flight = this.inFlight.add(attemptId, step, () => undefined);
    let transcript: Transcript;
    try {
      transcript = await this.transcriber.transcribeFile(
        this.ctx.audio.absolute(stored.audioPath),
        stored.durationSeconds ?? 0,
        status,
      );
    } finally {
      flight.done();
    }
    if (flight.cancelled()) throw typedInstead();
    stage('scoring');
    const { id: _id, transcript: _t, score: _s, ...base } = stored;
    const scored = this.scorer.scoreAndStore(attemptId, base, transcript, turn, scenario, false);
    const saved = this.tries.keepBetter(attemptId, scored);
    this.ctx.records.refreshOverall(attemptId);
    const next = this.path.advance(attemptId, saved, scenario);
    stage('done');
    return { turn: this.ctx.records.turn(attemptId, step)!, next };
  }

  /**
   * Scores one answer to one turn of a scenario without storing anything: typed text, or a WAV
   * transcribed exactly as a spoken answer is (the CLI's `score`).
   */
  async tryAnswer(scenarioId: string, turnId: string, answer: { text: string } | { wav: Uint8Array; name: string }) {
    const { scenario } = this.ctx.catalog.find(scenarioId);
    const turn = scenario.turns.find((t) => t.id === turnId);
    if (!turn) {
      throw new SparringError(
        'no_such_turn',
        `Scenario "${scenario.id}" has no turn "${turnId}"; its turns are: ` +
          `${scenario.turns.map((t) => t.id).join(', ')}.`,
      );
    }
    const typed = 'text' in answer;
    const transcript = typed
      ? { text: answer.text, words: [] }
      : await this.transcriber.transcribeBytes(answer.wav, answer.name);
    // Nothing is stored, so there is nothing for model grading to complete later: it is left off here.
    const { score } = this.scorer.score(transcript, turn, scenario, typed, { judge: false });
    return { scenarioId: scenario.id, scenarioTitle: scenario.title, turnId: turn.id, transcript, score };
  }

  /**
   * The scenario's example answers that pass, for the turn a rep just answered (on the scenario
   * version the attempt was taken on), each scored as a typed answer so the words that earn each
   * point can be highlighted: learning from a good answer right after giving one's own.
   */
  exampleAnswers(attemptId: number, step: number) {
    const answered = this.ctx.records.turn(attemptId, step);
    if (!answered) throw notFound(`Step ${step + 1} of attempt ${attemptId}`);
    const scenario = this.ctx.records.scenarioOf(attemptId);
    const turn = scenario.turns.find((t) => t.id === answered.turnId);
    if (!turn) throw notFound(`Turn "${answered.turnId}" of scenario "${scenario.id}"`);
    return turn.examples
      .filter((e) => e.expect === 'pass')
      .map((e) => {
        const transcript = { text: e.answer, words: [] };
        const { score } = this.scorer.score(transcript, turn, scenario, true, { judge: false });
        return {
          answer: e.answer,
          note: e.note ?? null,
          overall: score.overall,
          evidence: score.criteria.flatMap((c) => c.evidence),
          criteria: score.criteria.filter((c) => c.passed).map((c) => c.title),
        };
      })
      .sort((a, b) => b.overall - a.overall);
  }
}

/** A scenario as the practice screen gets it: with the turns left from each turn ("Turn 2 of 4"). */
const forPractice = (scenario: Scenario): Scenario => ({
  ...scenario,
  turnsToEnd: turnsToEnd(scenario),
  answerDecides: scenario.turns.filter((_, i) => answerDecidesWayOn(scenario, i)).map((t) => t.id),
});
