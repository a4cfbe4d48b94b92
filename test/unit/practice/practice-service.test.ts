/**
 * Leaving, resuming, discarding and finishing through the practice service (real SQLite, typed answers: no whisper.cpp
 * needed).
 */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const typedCore = (dataDir = tempDir()) => makeCore(dataDir, { modelPath: null });

describe('practice service', () => {
  it('a left attempt is incomplete with no overall score or summary, and resumes at the next step', () => {
    const core = typedCore();
    const { attemptId } = core.practice.start('price-objection');
    core.practice.submitTyped(attemptId, 0, 'I hear you. Teams your size cut onboarding time by 40%.');
    const left = core.practice.leave(attemptId);
    expect(left).toMatchObject({ status: 'incomplete', overallScore: null, turnCount: 1 });
    expect(core.history.get(attemptId).summary).toBeNull();
    expect(() => core.practice.submitTyped(attemptId, 1, 'x')).toThrow(/not in progress: resume it/);

    const resumed = core.practice.resume(attemptId);
    expect(resumed).toMatchObject({ attemptId, untranscribed: null, next: { kind: 'turn', step: 1 } });
    expect(core.history.get(attemptId).status).toBe('in_progress');
    core.practice.submitTyped(attemptId, 1, 'Help me understand what your CFO will compare it with.');
    const done = core.practice.finish(attemptId);
    expect(done.status).toBe('complete');
    expect(done.overallScore).toEqual(expect.any(Number));
    expect(() => core.practice.resume(attemptId)).toThrow(/already complete/);
    core.close();
  });

  it('discard hides an attempt, restore brings it back, and the next start deletes what stayed discarded', () => {
    const dataDir = tempDir();
    const core = typedCore(dataDir);
    const kept = core.practice.start('price-objection').attemptId;
    const dropped = core.practice.start('price-objection').attemptId;
    core.practice.discard(kept);
    expect(core.history.list({ limit: 50, offset: 0 }).total).toBe(1);
    expect(core.practice.restore(kept).id).toBe(kept);
    core.practice.discard(dropped);
    expect(() => core.practice.resume(dropped)).toThrow(/was not found/);
    core.close();

    const again = typedCore(dataDir);
    // Discarding closed both (a restored attempt comes back incomplete, to resume); only `dropped` is deleted.
    expect(again.recovery).toMatchObject({ attempts: 0, purged: 1 });
    expect(again.history.get(kept).status).toBe('incomplete');
    expect(again.history.list({ limit: 50, offset: 0 }).items.map((a) => a.id)).toEqual([kept]);
    expect(() => again.practice.restore(dropped)).toThrow(/deleted when Sparring restarts/);
    again.close();
  });

  it('an attempt whose every step was answered resumes straight to its end', () => {
    const core = typedCore();
    const { attemptId } = core.practice.start('drill-open-questions');
    let next = core.practice.submitTyped(attemptId, 0, 'What would make onboarding easier for your team?').next;
    for (let step = 1; next.kind === 'turn'; step++)
      next = core.practice.submitTyped(attemptId, step, 'How do you decide that today?').next;
    core.practice.leave(attemptId);
    expect(core.practice.resume(attemptId).next.kind).toBe('end');
    core.close();
  });
});
