/**
 * The real whisper.cpp build running the generated model. The model emits a fixed sentence for
 * any audio: these tests prove running, parsing, timestamps and error handling, not accuracy.
 */
import { copyFileSync, openSync, readFileSync, writeFileSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import { TranscriptionError } from '../../../src-main/core/transcription/transcription-error';
import { transcribeWav } from '../../../src-main/core/transcription/whisper-cpp';
import { TEST_MODEL_WORDS } from '../../support/whisper-test-model';
import { speechWav, TINY_MODEL, tempDir, WHISPER_MAIN } from '../../support/paths';

const run = (wav: string, modelPath = TINY_MODEL, signal?: AbortSignal) =>
  transcribeWav(wav, { binaryPath: WHISPER_MAIN, modelPath, signal });

async function failure(p: Promise<unknown>): Promise<TranscriptionError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranscriptionError);
  return error as TranscriptionError;
}

describe('whisper.cpp transcription', () => {
  it('returns words with start and end times inside the audio, in order', async () => {
    const wav = speechWav('open-question');
    const duration = readWavInfo(readFileSync(wav)).durationSeconds;
    const t = await run(wav);
    expect(t.words.length).toBeGreaterThan(5);
    expect(t.text).toBe(t.words.map((w) => w.word).join(' '));
    expect(t.words[0]!.word).toBe(TEST_MODEL_WORDS[0]); // the generated model's fixed output
    for (const [i, w] of t.words.entries()) {
      expect(w.start).toBeGreaterThanOrEqual(0);
      expect(w.end).toBeGreaterThanOrEqual(w.start);
      expect(w.end).toBeLessThanOrEqual(duration);
      if (i > 0) expect(w.start).toBeGreaterThanOrEqual(t.words[i - 1]!.start);
    }
  });

  it('reads WAVs at other sample rates (espeak writes 22,050 Hz) by converting them first', async () => {
    const dir = tempDir();
    // Duplicate every sample: a 32 kHz file with the same length in seconds.
    const src = readFileSync(speechWav('short-answer'));
    const info = readWavInfo(src);
    const body = Buffer.alloc(info.dataBytes * 2);
    for (let i = 0; i < info.dataBytes / 2; i++) {
      const v = src.readInt16LE(info.dataOffset + i * 2);
      body.writeInt16LE(v, i * 4);
      body.writeInt16LE(v, i * 4 + 2);
    }
    const { wavHeader } = await import('../../../src-main/core/audio/wav');
    const file = join(dir, 'wide.wav');
    writeFileSync(file, Buffer.concat([wavHeader(body.length, { sampleRate: 32000, channels: 1 }), body]));
    const t = await run(file);
    expect(t.words.length).toBeGreaterThan(0);
    expect(t.words.at(-1)!.end).toBeLessThanOrEqual(info.durationSeconds + 0.01);
  });

  it('says clearly when the model file is missing', async () => {
    const e = await failure(run(speechWav('short-answer'), '/nowhere/ggml-base.en.bin'));
    expect(e.code).toBe('model_missing');
    expect(e.message).toMatch(/model:download/);
  });

  it('says clearly when the model file is not a model', async () => {
    const bogus = join(tempDir(), 'ggml-bogus.bin');
    writeFileSync(bogus, 'this is not a model');
    expect((await failure(run(speechWav('short-answer'), bogus))).code).toBe('model_invalid');
  });

  it('says clearly when the model file is cut short (whisper.cpp itself fails to load it)', async () => {
    const cut = join(tempDir(), 'ggml-cut.bin');
    copyFileSync(TINY_MODEL, cut);
    const fd = openSync(cut, 'r+');
    ftruncateSync(fd, 10_000_000);
    closeSync(fd);
    const e = await failure(run(speechWav('short-answer'), cut));
    expect(e.code).toBe('model_invalid');
    expect(e.message).toMatch(/could not be loaded/);
  });

  it('says clearly when the audio is unreadable, and leaves the file alone', async () => {
    const notAudio = join(tempDir(), 'answer.wav');
    writeFileSync(notAudio, 'RIFF....garbage');
    const e = await failure(run(notAudio));
    expect(e.code).toBe('audio_unreadable');
    expect(readFileSync(notAudio, 'utf8')).toBe('RIFF....garbage');
    expect((await failure(run(join(tempDir(), 'missing.wav')))).code).toBe('audio_unreadable');
  });

  it('can be cancelled: the child process is killed', async () => {
    const controller = new AbortController();
    const pending = run(speechWav('open-question'), TINY_MODEL, controller.signal);
    setTimeout(() => controller.abort(), 100);
    expect((await failure(pending)).code).toBe('cancelled');
  });

  it('stops a run that takes too long, with a clear message, and keeps the audio', async () => {
    // With this generated model, a 3 s cut of speech sends whisper.cpp 1.5 into its slow
    // temperature-fallback decoding (found by the crash-recovery test); a real hang looks the same.
    const cut = join(tempDir(), 'cut.wav');
    const src = readFileSync(speechWav('open-question'));
    const info = readWavInfo(src);
    const { wavHeader } = await import('../../../src-main/core/audio/wav');
    writeFileSync(
      cut,
      Buffer.concat([
        wavHeader(96000, { sampleRate: 16000, channels: 1 }),
        src.subarray(info.dataOffset, info.dataOffset + 96000),
      ]),
    );
    const started = Date.now();
    const e = await failure(transcribeWav(cut, { binaryPath: WHISPER_MAIN, modelPath: TINY_MODEL, timeoutMs: 3000 }));
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/longer than 3 s.*recording is kept/);
    expect(Date.now() - started).toBeLessThan(10000);
    expect(readFileSync(cut).length).toBe(44 + 96000);
  });

  it('never changes the working directory of the process', async () => {
    const before = process.cwd();
    await run(speechWav('short-answer'));
    expect(process.cwd()).toBe(before);
  });
});
