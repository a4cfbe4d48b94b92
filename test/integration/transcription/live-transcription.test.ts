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

    const transcript = await live.finish();
    expect(worker.served - served).toBe(live.cutSeconds.length + 1); // one run per segment, the model loaded once
    expect(transcript.words.length).toBeGreaterThan(0);
    const starts = transcript.words.map((w) => w.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(transcript.words.every((w) => w.start >= 0 && w.end <= duration + 1e-9)).toBe(true);
    // Words of the second segment are placed after the cut, not at the start of the recording.
    expect(transcript.words.some((w) => w.start >= cut)).toBe(true);
  });

  it('a short answer with no pause is one segment, transcribed on stop with a short audio context', async () => {
    const live = new LiveTranscriber(worker);
    const answer = pcmOf(speechWav('short-answer'));
    for (let i = 0; i < answer.length; i += 8000) live.append(answer.subarray(i, i + 8000));
    expect(live.cutSeconds).toEqual([]);
    const transcript = await live.finish();
    expect(transcript.words.length).toBeGreaterThan(0);
  });
});
