import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimedWord, Transcript } from '../domain';
import { wavHeader } from '../audio/wav';
import { DEFAULT_SEGMENTER, PauseSegmenter, type SegmenterOptions } from './pause-segmenter';
import type { WhisperWorker } from './whisper-worker';

const RATE = 16000;

/** Words of a segment moved to the recording's timeline, kept inside the segment. */
function shift(words: TimedWord[], startSeconds: number, endSeconds: number): TimedWord[] {
  return words.map((w) => ({
    word: w.word,
    start: Math.min(startSeconds + w.start, endSeconds),
    end: Math.min(startSeconds + w.end, endSeconds),
  }));
}

/** Joins segment transcripts, in order, into one transcript of the whole recording. */
export function joinSegments(
  parts: { startSeconds: number; endSeconds: number; transcript: Transcript }[],
): Transcript {
  const words = parts.flatMap((p) => shift(p.transcript.words, p.startSeconds, p.endSeconds));
  return { text: words.map((w) => w.word).join(' '), words };
}

/**
 * Transcribes a recording while it is being made: each time the rep pauses, the audio since the
 * last cut goes to the warm whisper worker in the background; on stop only the last stretch
 * remains. Cuts fall in the middle of pauses, so no word is split between two segments.
 */
export class LiveTranscriber {
  private readonly segmenter: PauseSegmenter;
  private readonly chunks: Int16Array[] = [];
  private totalSamples = 0;
  private segmentStart = 0;
  private readonly parts: Promise<{ startSeconds: number; endSeconds: number; transcript: Transcript }>[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'sparring-live-'));

  constructor(
    private readonly worker: WhisperWorker,
    private readonly options: { prompt?: string; beamSize?: number; segmenter?: SegmenterOptions } = {},
  ) {
    this.segmenter = new PauseSegmenter(options.segmenter ?? DEFAULT_SEGMENTER);
  }

  /** Seconds where the recording has been cut so far. */
  get cutSeconds(): number[] {
    return this.segmenter.cuts.map((s) => s / RATE);
  }

  /** Adds 16-bit little-endian PCM as it arrives; may start a background transcription. */
  append(pcm16: Uint8Array): void {
    const copy = new Int16Array(pcm16.byteLength >> 1);
    new Uint8Array(copy.buffer).set(pcm16.subarray(0, copy.byteLength));
    this.chunks.push(copy);
    this.totalSamples += copy.length;
    for (const cut of this.segmenter.push(copy)) this.transcribeSegment(this.segmentStart, cut);
  }

  private samples(from: number, to: number): Int16Array {
    const out = new Int16Array(to - from);
    let offset = 0;
    for (const chunk of this.chunks) {
      const start = Math.max(from - offset, 0);
      const end = Math.min(to - offset, chunk.length);
      if (end > start) out.set(chunk.subarray(start, end), offset + start - from);
      offset += chunk.length;
      if (offset >= to) break;
    }
    return out;
  }

  private transcribeSegment(from: number, to: number): void {
    this.segmentStart = to;
    const pcm = this.samples(from, to);
    const file = join(this.dir, `segment-${this.parts.length}.wav`);
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    writeFileSync(file, Buffer.concat([wavHeader(bytes.length, { sampleRate: RATE, channels: 1 }), bytes]));
    const startSeconds = from / RATE;
    const endSeconds = to / RATE;
    const part = this.worker
      // Live segments are decoded in one pass (no temperature fallback) so that no segment can
      // hold up the feedback; a retry transcribes the whole file with the fallback.
      .transcribe({
        wavPath: file,
        durationSeconds: endSeconds - startSeconds,
        prompt: this.options.prompt,
        beamSize: this.options.beamSize,
        noFallback: true,
      })
      .then((transcript) => ({ startSeconds, endSeconds, transcript }));
    part.catch(() => undefined); // awaited in finish(); this only avoids an unhandled rejection meanwhile
    this.parts.push(part);
  }

  /**
   * The recording has stopped: transcribes what is left since the last cut and returns the whole
   * transcript. Rejects if any segment failed (the caller then transcribes the file as a whole).
   */
  async finish(): Promise<Transcript> {
    try {
      if (this.totalSamples > this.segmentStart) this.transcribeSegment(this.segmentStart, this.totalSamples);
      const parts = await Promise.all(this.parts);
      return joinSegments(parts);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** The recording was cancelled: drop the segments (running ones finish and are ignored). */
  cancel(): void {
    for (const p of this.parts) p.catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
