/** "Retry this turn": both answers kept, the better one counts and decides the way on (real SQLite, typed answers). */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const WEAK = 'Let us keep in touch.';
const GOOD = 'Could we book thirty minutes on Thursday at 2pm to agree the rollout?';

describe('retry this turn', () => {
  it('keeps every answer, counts the better one, and shows the others with the attempt', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('drill-next-step');
    const first = core.practice.submitTyped(attemptId, 0, WEAK).turn;

    const again = core.practice.retryTurn(attemptId, 0);
    expect(again).toMatchObject({ step: 0, tries: 2 });
    expect(again.turn.buyer).toBe(first.buyerLine);
    const better = core.practice.submitTyped(attemptId, 0, GOOD);
    expect(better.turn.transcript!.text).toBe(GOOD);
    expect(better.turn.score!.overall).toBeGreaterThan(first.score!.overall);

    // A third, worse try: the better one still counts, whatever the order.
    core.practice.retryTurn(attemptId, 0);
    const worse = core.practice.submitTyped(attemptId, 0, 'OK.');
    expect(worse.turn.transcript!.text).toBe(GOOD);

    const detail = core.history.get(attemptId);
    const step = detail.turns[0]!;
    expect(step.transcript!.text).toBe(GOOD);
    expect(step.tries!.map((t) => t.transcript!.text)).toEqual([WEAK, 'OK.']);
    expect(step.tries!.every((t) => t.score!.overall < step.score!.overall)).toBe(true);
    core.close();
  });

  it("a reviewer on another computer sees the tries too (they travel with the attempt's file)", async () => {
    const rep = makeCore(tempDir(), { modelPath: null });
    rep.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = rep.practice.start('drill-next-step');
    rep.practice.submitTyped(attemptId, 0, WEAK);
    rep.practice.retryTurn(attemptId, 0);
    rep.practice.submitTyped(attemptId, 0, GOOD);
    rep.practice.finish(attemptId);
    const { zip } = rep.bundles.exportAttempts([attemptId]);
    rep.close();

    const manager = makeCore(tempDir(), { modelPath: null });
    manager.people.setUpMe('Morgan Manager', ['manager']);
    const report = await manager.bundles.import(zip, 'riley.sparring-attempts');
    const step = manager.history.get(report.attemptIds[0]!).turns[0]!;
    expect(step.transcript!.text).toBe(GOOD);
    expect(step.tries!.map((t) => t.transcript!.text)).toEqual([WEAK]);
    manager.close();
  });

  it('a retry never answered again (left, continued, or the app closed) gives the step its answer back', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('drill-next-step');
    core.practice.submitTyped(attemptId, 0, GOOD);
    core.practice.retryTurn(attemptId, 0);
    core.practice.leave(attemptId);
    const resumed = core.practice.resume(attemptId);
    expect(resumed.untranscribed).toBeNull();
    expect(resumed.next).toMatchObject({ kind: 'turn', step: 1 });
    const step = core.history.get(attemptId).turns[0]!;
    expect(step.transcript!.text).toBe(GOOD);
    expect(step.tries).toBeUndefined();

    // Retry, then Continue without answering: the answer is back and decides the way on.
    core.practice.retryTurn(attemptId, 0);
    expect(core.practice.next(attemptId)).toMatchObject({ kind: 'turn', step: 1 });
    expect(core.history.get(attemptId).turns[0]!.transcript!.text).toBe(GOOD);
    core.close();
  });

  it('stops at twenty answers to one turn', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('drill-next-step');
    core.practice.submitTyped(attemptId, 0, WEAK);
    for (let n = 2; n <= 20; n++) {
      core.practice.retryTurn(attemptId, 0);
      core.practice.submitTyped(attemptId, 0, `${WEAK} ${n}`);
    }
    expect(() => core.practice.retryTurn(attemptId, 0)).toThrow(/answered 20 times/);
    core.close();
  });

  it('only the turn just answered, while the role-play is open', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('drill-next-step');
    expect(() => core.practice.retryTurn(attemptId, 0)).toThrow(/Only the turn just answered/);
    core.practice.submitTyped(attemptId, 0, WEAK);
    core.practice.submitTyped(attemptId, 1, GOOD);
    expect(() => core.practice.retryTurn(attemptId, 0)).toThrow(/Only the turn just answered/);
    core.practice.finish(attemptId);
    expect(() => core.practice.retryTurn(attemptId, 1)).toThrow();
    core.close();
  });
});
