/**
 * The practice screen's state machine: each transition applies only in its phase, so late or doubled events change
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { NextStep, Scenario, TurnRecord } from '../../../../src-main/core/domain';
import { type PracticeEvent, practiceReducer, startState } from '../../../../src-renderer/practice/practice-machine';

const turn = (id: string) => ({ id, buyer: `line ${id}`, criteria: [], examples: [] });
const scenario = { id: 's', turns: [turn('a'), turn('b')] } as unknown as Scenario;
const answer = (index: number) => ({ id: index + 1, index, turnId: 'a' }) as TurnRecord;
const toB: Extract<NextStep, { kind: 'turn' }> = { kind: 'turn', step: 1, turnIndex: 1, turn: scenario.turns[1]! };

const run = (...events: PracticeEvent[]) =>
  events.reduce(practiceReducer, startState(1, scenario, 0, scenario.turns[0]!, 'voice'));

describe('practice state machine', () => {
  it('goes buyer → ready → recording → processing → result → next step', () => {
    const s = run(
      { type: 'line-done' },
      { type: 'record-start' },
      { type: 'record-stop' },
      { type: 'stage', step: 0, stage: 'transcribing' },
      { type: 'answered', turn: answer(0), next: toB },
    );
    expect(s).toMatchObject({ phase: 'result', result: { index: 0 }, next: toB });
    expect(practiceReducer(s, { type: 'continue', next: toB })).toMatchObject({
      phase: 'buyer',
      step: 1,
      turn: { id: 'b' },
      result: null,
      next: null,
    });
  });

  it('ignores events that do not apply: recording before the line, a second stop, a stage of another step', () => {
    expect(run({ type: 'record-start' }).phase).toBe('buyer');
    const stopped = run({ type: 'line-done' }, { type: 'record-start' }, { type: 'record-stop' });
    expect(practiceReducer(stopped, { type: 'record-stop' })).toBe(stopped);
    expect(practiceReducer(stopped, { type: 'stage', step: 3, stage: 'scoring' })).toBe(stopped);
    expect(practiceReducer(run(), { type: 'continue', next: toB }).step).toBe(0);
  });

  it('a failure keeps a saved answer on screen (with retry) or lets the rep answer again', () => {
    const processing = run({ type: 'line-done' }, { type: 'record-start' }, { type: 'record-stop' });
    expect(practiceReducer(processing, { type: 'failed', message: 'no model', answerKept: true })).toMatchObject({
      phase: 'result',
      error: 'no model',
    });
    expect(
      practiceReducer(run({ type: 'line-done' }), { type: 'failed', message: 'no mic', answerKept: false }),
    ).toMatchObject({ phase: 'ready', error: 'no mic' });
    expect(practiceReducer(processing, { type: 'retry' })).toMatchObject({
      phase: 'processing',
      stage: 'transcribing',
      error: null,
    });
  });

  it('retrying a turn goes back to answering the same step, from its result only', () => {
    const result = run(
      { type: 'line-done' },
      { type: 'typed-submit' },
      { type: 'answered', turn: answer(0), next: toB },
    );
    const asked = practiceReducer(result, { type: 'retry-turn-asked' });
    expect(asked).toMatchObject({ phase: 'processing', result: { index: 0 } });
    // Continue cannot slip in while the answer is being put aside.
    expect(practiceReducer(asked, { type: 'continue', next: toB })).toBe(asked);
    const again = practiceReducer(asked, { type: 'retry-turn', tries: 2 });
    expect(again).toMatchObject({ phase: 'ready', step: 0, turn: { id: 'a' }, result: null, next: null });
    expect(again.notice).toMatch(/^Try 2: .*the better one counts\.$/);
    // Once that answer is scored, the notice has done its job.
    const rescored = practiceReducer(practiceReducer(again, { type: 'typed-submit' }), {
      type: 'answered',
      turn: answer(0),
      next: toB,
    });
    expect(rescored).toMatchObject({ phase: 'result', notice: null });
    expect(practiceReducer(result, { type: 'retry-turn', tries: 2 })).toBe(result);
    expect(practiceReducer(run(), { type: 'retry-turn-asked' }).phase).toBe('buyer');
  });

  it('the leave dialog opens and closes without losing the step; finishing closes it', () => {
    const asked = run({ type: 'line-done' }, { type: 'leave-asked' });
    expect(asked).toMatchObject({ leaving: true, phase: 'ready', step: 0 });
    expect(practiceReducer(asked, { type: 'leave-cancelled' }).leaving).toBe(false);
    const summary = { id: 1 } as never;
    expect(practiceReducer(asked, { type: 'finished', summary, ending: 'Booked' })).toMatchObject({
      phase: 'done',
      leaving: false,
      ending: 'Booked',
    });
  });

  describe('while an answer is scored', () => {
    const processing = () => run({ type: 'line-done' }, { type: 'record-start' }, { type: 'record-stop' });

    it('shows how many parts are transcribed, for this step only', () => {
      const s = practiceReducer(processing(), { type: 'progress', step: 0, done: 2, total: 3 });
      expect(s.progress).toEqual({ done: 2, total: 3 });
      expect(practiceReducer(s, { type: 'progress', step: 4, done: 1, total: 1 }).progress).toEqual({
        done: 2,
        total: 3,
      });
    });

    it('"type instead" opens the typing form; the typed answer is scored; not once scoring began', () => {
      const typing = practiceReducer(processing(), { type: 'type-instead', on: true });
      expect(typing).toMatchObject({ phase: 'processing', typingInstead: true });
      expect(practiceReducer(typing, { type: 'typed-submit' })).toMatchObject({
        phase: 'processing',
        stage: 'scoring',
      });
      const scoring = practiceReducer(processing(), { type: 'stage', step: 0, stage: 'scoring' });
      expect(practiceReducer(scoring, { type: 'type-instead', on: true }).typingInstead).toBe(false);
      // Without "type instead", a typed submit during transcription is ignored.
      expect(practiceReducer(processing(), { type: 'typed-submit' }).stage).toBe('saving');
    });

    it('moves on to the next line; the feedback lands among the earlier answers when it comes', () => {
      // Not while the answer is still being saved: core cannot say where the role-play goes yet.
      expect(practiceReducer(processing(), { type: 'continue-early', next: toB }).step).toBe(0);
      const transcribing = practiceReducer(processing(), { type: 'stage', step: 0, stage: 'transcribing' });
      const moved = practiceReducer(transcribing, { type: 'continue-early', next: toB });
      expect(moved).toMatchObject({ phase: 'buyer', step: 1, turn: { id: 'b' } });
      expect(moved.earlier).toEqual([{ step: 0, buyerLine: 'line a', progress: null, result: null, error: null }]);
      const progressed = practiceReducer(moved, { type: 'progress', step: 0, done: 1, total: 2 });
      expect(progressed.earlier[0]!.progress).toEqual({ done: 1, total: 2 });
      const scored = practiceReducer(progressed, { type: 'answered', turn: answer(0), next: toB });
      expect(scored).toMatchObject({ phase: 'buyer', step: 1 });
      expect(scored.earlier[0]!.result).toMatchObject({ index: 0 });
      const failed = practiceReducer(progressed, { type: 'failed', message: 'broke', answerKept: true, step: 0 });
      expect(failed).toMatchObject({ phase: 'buyer', error: null });
      expect(failed.earlier[0]!.error).toBe('broke');
    });

    it('does not move on where the answer picks the branch', () => {
      const branching = { ...scenario, answerDecides: ['a'] } as Scenario;
      const s = [
        { type: 'line-done' },
        { type: 'record-start' },
        { type: 'record-stop' },
        { type: 'stage', step: 0, stage: 'transcribing' },
      ].reduce(
        (st, e) => practiceReducer(st, e as PracticeEvent),
        startState(1, branching, 0, branching.turns[0]!, 'voice'),
      );
      expect(s.stage).toBe('transcribing');
      expect(practiceReducer(s, { type: 'continue-early', next: toB })).toBe(s);
    });
  });
});
