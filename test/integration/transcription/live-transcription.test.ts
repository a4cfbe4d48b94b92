/**
 * Transcribing while the rep speaks, through the real whisper.cpp worker and the generated model:
 * the recording is cut in its pauses, finished segments are transcribed in the background, and on
 * stop only the last one remains. The generated model "says" a fixed sentence whatever the audio,
 * so this proves the cutting, the timing and the plumbing, never that the words are right.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveTranscriber } from '../../../src-main/core/transcription/live-transcriber';
import { WhisperWorker } from '../../../src-main/core/transcription/whisper-worker';
import { pcmOf } from '../../support/answer-audio';
import { ROOT, speechWav, TINY_MODEL } from '../../support/paths';

const worker = new WhisperWorker(join(ROOT, 'native/whisper/sparring-whisper-worker'), TINY_MODEL);
afterAll(() => worker.close());

describe('live transcription', () => {
  it('cuts the answer in its pauses, transcribes segments on a warm worker, joins them on one timeline', async () => {
    // Two spoken sentences with a 1.2 s pause between them.
    const first = pcmOf(speechWav('open-question'));
    const pause = Buffer.alloc(1.2 * 16000 * 2);
    const second = pcmOf(speechWav('short-answer'));
    const answer = Buffer.concat([first, pause, second]);
    const firstEnds = first.length / 2 / 16000;
    const duration = answer.length / 2 / 16000;

    await worker.start();
    const served = worker.served;
    const live = new LiveTranscriber(worker);
    for (let i = 0; i < answer.length; i += 8000) live.append(answer.subarray(i, i + 8000));
    // The cut fell in the pause (espeak ends its sentence with a little silence of its own).
    expect(live.cutSeconds.length).toBeGreaterThanOrEqual(1);
    const cut = live.cutSeconds.find((c) => c > firstEnds - 0.5)!;
    expect(cut).toBeGreaterThan(firstEnds - 0.5);
    expect(cut).toBeLessThan(firstEnds + 1.2);

    const progress: { done: number; total: number }[] = [];
    live.onProgress = (p) => progress.push(p);
    const { transcript, timings } = await live.finish();
    // One run per segment, the model loaded once. espeak ends on a little silence of its own, so
    // the last cut may fall after the last word: then the silent tail is not transcribed.
    const segments = live.cutSeconds.length + (timings.tail ? 1 : 0);
    expect(worker.served - served).toBe(segments);
    expect(timings.segments).toBe(segments);
    // Progress counted every segment to the last.
    expect(progress.at(-1)).toEqual({ done: segments, total: segments });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(transcript.words.length).toBeGreaterThan(0);
    const starts = transcript.words.map((w) => w.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(transcript.words.every((w) => w.start >= 0 && w.end <= duration + 1e-9)).toBe(true);
    // Words of the second segment are placed after the cut, not at the start of the recording.
    expect(transcript.words.some((w) => w.start >= cut)).toBe(true);
  });

  it('a short answer with no pause is one segment, its tail timed after the stop', async () => {
    const live = new LiveTranscriber(worker);
    // Cut just after the last word: no pause inside, none after.
    const answer = pcmOf(speechWav('short-answer')).subarray(0, Math.round(3.4 * 16000) * 2);
    for (let i = 0; i < answer.length; i += 8000) live.append(answer.subarray(i, i + 8000));
    expect(live.cutSeconds).toEqual([]);
    const { transcript, timings } = await live.finish();
    expect(transcript.words.length).toBeGreaterThan(0);
    expect(timings.segments).toBe(1);
    // Where the time after the stop went: the tail's own length, encode and decode, from whisper.cpp.
    expect(timings.tailSeconds).toBeCloseTo(3.4, 2);
    expect(timings.tail!.encodeMs).toBeGreaterThan(0);
    expect(timings.tail!.decodeMs).toBeGreaterThan(0);
    expect(timings.tail!.runMs).toBeGreaterThanOrEqual(timings.tail!.encodeMs);
    expect(timings.tail!.threads).toBeGreaterThanOrEqual(1);
  });

  it('silence after the last cut is not transcribed: a rep who stops after a pause waits for nothing', async () => {
    const speech = pcmOf(speechWav('open-question'));
    const answer = Buffer.concat([speech, Buffer.alloc(2 * 16000 * 2)]); // then 2 s of silence
    await worker.start();
    const served = worker.served;
    const live = new LiveTranscriber(worker);
    for (let i = 0; i < answer.length; i += 8000) live.append(answer.subarray(i, i + 8000));
    const cuts = live.cutSeconds.length;
    expect(cuts).toBeGreaterThanOrEqual(1);
    const { transcript, timings } = await live.finish();
    expect(worker.served - served).toBe(cuts); // the silent tail never went to whisper
    expect(timings.tailSeconds).toBe(0);
    expect(timings.tail).toBeNull();
    expect(transcript.words.length).toBeGreaterThan(0);
  });

  it('a quiet microphone (no speech above the threshold) still has its whole answer transcribed', async () => {
    const quiet = Buffer.from(pcmOf(speechWav('short-answer')));
    for (let i = 0; i < quiet.length; i += 2) quiet.writeInt16LE(Math.round(quiet.readInt16LE(i) / 400), i);
    const live = new LiveTranscriber(worker);
    for (let i = 0; i < quiet.length; i += 8000) live.append(quiet.subarray(i, i + 8000));
    expect(live.cutSeconds).toEqual([]);
    const { timings } = await live.finish();
    expect(timings.segments).toBe(1);
    expect(timings.tailSeconds).toBeGreaterThan(1);
  });

  it('cancelling drops the segments still queued: only the one already running is transcribed', async () => {
    // Six sentences with pauses, fed at once: six segments queue on the worker.
    const sentence = pcmOf(speechWav('short-answer'));
    const pause = Buffer.alloc(0.8 * 16000 * 2);
    const answer = Buffer.concat(Array.from({ length: 6 }, () => Buffer.concat([sentence, pause])));
    await worker.start();
    const served = worker.served;
    const live = new LiveTranscriber(worker);
    live.append(answer);
    expect(live.cutSeconds.length).toBeGreaterThanOrEqual(5);
    live.cancel();
    // The worker is free for the next answer once the running segment is done.
    await worker.transcribe({ wavPath: speechWav('short-answer'), durationSeconds: 3, beamSize: 1, noFallback: true });
    expect(worker.served - served).toBeLessThanOrEqual(2);
  });
});
