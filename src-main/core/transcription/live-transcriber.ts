import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimedWord, Transcript } from '../domain';
import { wavHeader } from '../audio/wav';
import { DEFAULT_SEGMENTER, PauseSegmenter, type SegmenterOptions } from './pause-segmenter';
import type { WhisperWorker, WorkerTimings } from './whisper-worker';

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

/** Segments of a recording transcribed so far, of those cut (the tail counts once the rep stopped). */
export interface LiveProgress {
  done: number;
  total: number;
}

/** Where the time after the stop went (ms unless said), for the bench's breakdown. */
export interface TailTimings {
  /** Waiting for segments cut before the stop that were still being transcribed. */
  waitForSegmentsMs: number;
  /** The audio after the last cut; 0 when it held no speech (then it is not transcribed). */
  tailSeconds: number;
  tail: WorkerTimings | null;
  joinMs: number;
  segments: number;
}

type Part = { startSeconds: number; endSeconds: number; transcript: Transcript; timings: WorkerTimings | null };

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
  private readonly parts: Promise<Part>[] = [];
  private done = 0;
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly dir = mkdtempSync(join(tmpdir(), 'sparring-live-'));
  /** Told each time a segment is cut or transcribed (the screen shows it while the rep waits). */
  onProgress: ((progress: LiveProgress) => void) | null = null;

  constructor(
    private readonly worker: WhisperWorker,
    private readonly options: { prompt?: string; beamSize?: number; segmenter?: SegmenterOptions } = {},
  ) {
    this.segmenter = new PauseSegmenter(options.segmenter ?? DEFAULT_SEGMENTER);
  }

  /** Segments transcribed, of those cut so far. */
  get progress(): LiveProgress {
    return { done: this.done, total: this.parts.length };
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
      .transcribeTimed({
        wavPath: file,
        durationSeconds: endSeconds - startSeconds,
        prompt: this.options.prompt,
        beamSize: this.options.beamSize,
        noFallback: true,
        signal: this.abort.signal,
      })
      .then(({ transcript, timings }) => {
        this.done++;
        this.tell();
        return { startSeconds, endSeconds, transcript, timings };
      });
    part.catch(() => undefined); // awaited in finish(); this only avoids an unhandled rejection meanwhile
    this.parts.push(part);
    this.tell();
  }

  private tell(): void {
    if (!this.abort.signal.aborted) this.onProgress?.(this.progress);
  }

  /**
   * The recording has stopped: transcribes what is left since the last cut (at once, queued right
   * behind any segment still running) and returns the whole transcript with where the time went.
   * A tail with no speech in it (the rep stopped after a pause) is not transcribed at all. Rejects
   * if any segment failed (the caller then transcribes the file as a whole).
   */
  async finish(): Promise<{ transcript: Transcript; timings: TailTimings }> {
    const stoppedAt = performance.now();
    this.stopped = true;
    try {
      const tailSamples = this.totalSamples - this.segmentStart;
      // Silence after the last cut is left out only once speech was heard and cut before it: so
      // a microphone too quiet for the segmenter's threshold still has its answer transcribed.
      const speechInTail = tailSamples > 0 && (this.parts.length === 0 || this.segmenter.speechSinceLastCut);
      if (speechInTail) this.transcribeSegment(this.segmentStart, this.totalSamples);
      const before = this.parts.slice(0, speechInTail ? -1 : undefined);
      const waited = Promise.all(before).then(() => performance.now() - stoppedAt);
      waited.catch(() => undefined); // a failure is reported by the await below
      const parts = await Promise.all(this.parts);
      const waitForSegmentsMs = await waited;
      const joinStart = performance.now();
      const transcript = joinSegments(parts);
      const tail = speechInTail ? parts[parts.length - 1]! : null;
      return {
        transcript,
        timings: {
          waitForSegmentsMs: tail?.timings ? tail.timings.queuedMs : waitForSegmentsMs,
          tailSeconds: tail ? tail.endSeconds - tail.startSeconds : 0,
          tail: tail?.timings ?? null,
          joinMs: performance.now() - joinStart,
          segments: parts.length,
        },
      };
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /**
   * The recording was cancelled, or the rep typed the answer instead: segments not started yet are
   * dropped (never run); a running one finishes and is ignored.
   */
  cancel(): void {
    this.abort.abort();
    for (const p of this.parts) p.catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Has the recording stopped (finish called)? */
  get finished(): boolean {
    return this.stopped;
  }
}
