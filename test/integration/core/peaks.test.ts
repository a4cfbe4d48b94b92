/** Peaks are computed once when a spoken answer is saved, kept beside its audio, and served to the review page. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedAnswer } from '../../support/answer-audio';
import { makeCore } from '../../support/core';
import { speechWav, tempDir } from '../../support/paths';

describe('waveform peaks', () => {
  it('are written when the answer is saved, and computed once for an answer saved without them', async () => {
    const dataDir = tempDir();
    const core = makeCore(dataDir);
    const { attemptId } = core.practice.start('price-objection');
    const { recordingId } = core.recording.start(attemptId, 0);
    const seconds = feedAnswer(core, recordingId, speechWav('short-answer'));
    const { turn } = await core.recording.finish(recordingId);
    const file = join(dataDir, turn.audioPath!.replace(/\.wav$/, '.peaks.json'));
    expect(existsSync(file)).toBe(true);
    const peaks = core.history.peaks(turn.id);
    expect(peaks.durationSeconds).toBeCloseTo(seconds, 2);
    expect(peaks.peaks.length).toBe(Math.ceil(seconds * 100));
    expect(Math.max(...peaks.peaks)).toBeGreaterThan(0.05); // speech, not silence
    expect(peaks.peaks.every((p) => p >= 0 && p <= 1)).toBe(true);

    rmSync(file); // an answer from before peaks were kept
    expect(core.history.peaks(turn.id)).toEqual(peaks);
    expect(existsSync(file)).toBe(true);
    const typed = core.practice.submitTyped(attemptId, 1, 'Help me understand the budget.').turn;
    expect(() => core.history.peaks(typed.id)).toThrow(/Audio of answer/);
    // All of an attempt's at once (what its page asks for): the spoken answer's, and none for the typed one.
    expect(core.history.attemptPeaks(attemptId)).toEqual({ [turn.id]: peaks });
    core.close();
  });
});
