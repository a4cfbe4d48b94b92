/**
 * The path a rep took is stored, not replayed: after a detector changes its mind about an old
 * answer, the attempt still follows the branch the rep actually took. Real SQLite and scenarios;
 * the detector change is simulated by swapping what the text analysis reports.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const detectors = vi.hoisted(() => ({ changed: false }));
vi.mock('../../../src-main/core/scoring/analyze', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/scoring/analyze')>();
  return {
    ...real,
    // "A new release": the open-question detector no longer hears an open question anywhere.
    analyzeText: (text: string) => {
      const a = real.analyzeText(text);
      if (!detectors.changed) return a;
      return { ...a, techniques: { ...a.techniques, 'open-question': { detected: false, evidence: [] } } };
    },
  };
});

afterEach(() => {
  detectors.changed = false;
});

describe('the stored practice path', () => {
  it('an old attempt follows the branch its answer took, after a detector change', () => {
    const dataDir = tempDir();
    const core = makeCore(dataDir, { modelPath: null });
    const { attemptId } = core.practice.start('discovery-vague-buyer');
    const { next } = core.practice.submitTyped(
      attemptId,
      0,
      'What does a normal week look like for your dispatch team?',
    );
    expect(next).toMatchObject({ kind: 'turn', step: 1 });
    const taken = next.kind === 'turn' ? next.turn.id : '';
    core.practice.leave(attemptId);
    core.close();

    // Today's detectors would send the same answer elsewhere...
    detectors.changed = true;
    const again = makeCore(dataDir, { modelPath: null });
    const probe = again.practice.start('discovery-vague-buyer');
    const replayed = again.practice.submitTyped(
      probe.attemptId,
      0,
      'What does a normal week look like for your dispatch team?',
    ).next;
    expect(replayed.kind === 'turn' && replayed.turn.id).not.toBe(taken);

    // ...but the old attempt resumes on the path the rep took, and answers land on that turn.
    const resumed = again.practice.resume(attemptId);
    expect(resumed.next).toMatchObject({ kind: 'turn', step: 1, turn: { id: taken } });
    expect(again.practice.next(attemptId)).toMatchObject({ kind: 'turn', turn: { id: taken } });
    const answered = again.practice.submitTyped(attemptId, 1, 'Tell me more about that.').turn;
    expect(answered.turnId).toBe(taken);
    again.close();
  });

  it('finishing an answer returns the scored turn and the next step at once; the branch is decided once', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    const { attemptId } = core.practice.start('not-the-right-time');
    const first = core.practice.submitTyped(attemptId, 0, "Sure, I'll call you next year then.");
    expect(first.turn.score!.overall).toEqual(expect.any(Number));
    expect(first.next).toMatchObject({ kind: 'turn', step: 1, turn: { id: 'brush-off' } });
    // Overriding a criterion later does not re-route a step already taken.
    core.people.use(core.people.add('Morgan Manager', ['manager']).id);
    for (const c of first.turn.score!.criteria) core.review.overrideScore(first.turn.id, c.id, 100, 'Reviewed: fine');
    expect(core.practice.next(attemptId)).toMatchObject({ kind: 'turn', turn: { id: 'brush-off' } });
    core.close();
  });

  it('stage events carry the attempt and step, for spoken answers and for transcribing one again', async () => {
    const { feedAnswer } = await import('../../support/answer-audio');
    const { speechWav } = await import('../../support/paths');
    const core = makeCore(tempDir());
    const events: unknown[] = [];
    core.events.on((e) => events.push(e));
    const { attemptId } = core.practice.start('price-objection');
    const { recordingId } = core.recording.start(attemptId, 0);
    feedAnswer(core, recordingId, speechWav('short-answer'));
    const finished = await core.recording.finish(recordingId);
    expect(finished.next).toMatchObject({ kind: 'turn', step: 1 });
    const stages = (from: number) =>
      events
        .slice(from)
        .filter((e) => (e as { type: string }).type === 'turn.stage')
        .map((e) => (e as { stage: string }).stage);
    expect(stages(0)).toEqual(['saving', 'transcribing', 'scoring', 'done']);
    // While transcribing, how many of the answer's parts are done, to the last.
    const progress = events.filter((e) => (e as { type: string }).type === 'turn.progress');
    expect(progress.at(-1)).toMatchObject({ type: 'turn.progress', attemptId, step: 0 });
    const last = progress.at(-1) as { done: number; total: number };
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThanOrEqual(1);
    expect(events[0]).toEqual({ type: 'turn.stage', attemptId, step: 0, stage: 'saving' });
    const before = events.length;
    await core.practice.retry(attemptId, 0);
    expect(stages(before)).toEqual(['transcribing', 'scoring', 'done']);
    expect(events[before]).toEqual({ type: 'turn.stage', attemptId, step: 0, stage: 'transcribing' });
    core.close();
  });
});
