/**
 * Each way whisper.cpp can fail on a rep's answer (missing model, corrupt model file, unreadable
 * audio) gives a clear message, keeps the recorded audio and the turn, and a retry succeeds once
 * the cause is fixed. Real SQLite, real whisper.cpp worker, the generated model.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import { type Core, makeCore } from '../../support/core';
import { feedAnswer } from '../../support/answer-audio';
import { speechWav, TINY_MODEL, tempDir } from '../../support/paths';

/** Records one answer with the given model file; returns the core, the attempt and the outcome of finishing. */
async function answerWith(modelPath: string, dataDir = tempDir()) {
  const core = makeCore(dataDir, { modelPath, judge: null, speech: null });
  const { attemptId } = core.practice.start('price-objection');
  const { recordingId } = core.recording.start(attemptId, 0);
  feedAnswer(core, recordingId, speechWav('short-answer'));
  const outcome = await core.recording.finish(recordingId).then(
    (turn) => ({ turn, error: null }),
    (error: Error & { code?: string }) => ({ turn: null, error }),
  );
  return { core, attemptId, dataDir, outcome };
}

function expectAudioKept(core: Core, attemptId: number, dataDir: string) {
  const saved = core.history.get(attemptId).turns[0]!;
  expect(saved.transcript).toBeNull();
  expect(saved.audioPath).toMatch(/^audio\//);
  expect(existsSync(join(dataDir, saved.audioPath!))).toBe(true);
  expect(readWavInfo(readFileSync(join(dataDir, saved.audioPath!))).durationSeconds).toBeGreaterThan(3);
  return saved;
}

describe('whisper.cpp failures keep the audio and allow a retry', () => {
  it('a missing model file', async () => {
    const dataDir = tempDir();
    const { core, attemptId, outcome } = await answerWith(join(dataDir, 'models', 'ggml-base.en.bin'), dataDir);
    expect(outcome.error).toMatchObject({
      code: 'model_not_ready',
      message: expect.stringMatching(
        /speech model .*ggml-base\.en\.bin is missing\. Download it again or choose another/,
      ),
    });
    expectAudioKept(core, attemptId, dataDir);
    core.close();
    // The rep downloads the model (here: copies it into place) and retries.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dataDir, 'models'), { recursive: true });
    copyFileSync(TINY_MODEL, join(dataDir, 'models', 'ggml-base.en.bin'));
    const fixed = makeCore(dataDir, {
      modelPath: join(dataDir, 'models', 'ggml-base.en.bin'),
      judge: null,
      speech: null,
    });
    expect((await fixed.practice.retry(attemptId, 0)).turn.transcript!.words.length).toBeGreaterThan(0);
    fixed.close();
  });

  it('a corrupt model file (right magic, truncated)', async () => {
    const dataDir = tempDir();
    const corrupt = join(dataDir, 'corrupt.bin');
    writeFileSync(corrupt, readFileSync(TINY_MODEL).subarray(0, 300_000));
    const { core, attemptId, outcome } = await answerWith(corrupt, dataDir);
    expect(outcome.error).toMatchObject({
      code: 'model_not_ready',
      message: expect.stringMatching(
        new RegExp(
          'speech model .*corrupt\\.bin is damaged \\(it ends early .*cut short\\)\\. ' +
            'Download it again or choose another in Settings',
        ),
      ),
    });
    expectAudioKept(core, attemptId, dataDir);
    core.close();
    copyFileSync(TINY_MODEL, corrupt); // the model is downloaded again
    const fixed = makeCore(dataDir, { modelPath: corrupt, judge: null, speech: null });
    expect((await fixed.practice.retry(attemptId, 0)).turn.transcript!.words.length).toBeGreaterThan(0);
    fixed.close();
  });

  it('audio that cannot be read', async () => {
    const { core, attemptId, dataDir, outcome } = await answerWith(TINY_MODEL);
    expect(outcome.error).toBeNull();
    // The stored file gets damaged (disk error, a sync tool): a retry says so, and the turn stays.
    const saved = core.history.get(attemptId).turns[0]!;
    const file = join(dataDir, saved.audioPath!);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.from('not a wav file at all'));
    await expect(core.practice.retry(attemptId, 0)).rejects.toMatchObject({
      code: 'audio_unreadable',
      message: expect.stringMatching(/audio/),
    });
    expect(core.history.get(attemptId).turns[0]!.audioPath).toBe(saved.audioPath);
    expect(existsSync(file)).toBe(true);
    writeFileSync(file, good); // restored from a backup
    expect((await core.practice.retry(attemptId, 0)).turn.transcript!.words.length).toBeGreaterThan(0);
    core.close();
  });
});
