/**
 * Finds where a live recording can be cut without cutting a word: in the middle of a pause.
 * Fed 16 kHz mono samples as they arrive; reports cut points (sample offsets) so the finished
 * part can be transcribed while the rep is still talking.
 */
export interface SegmenterOptions {
  /** Silence at least this long is a pause that may be cut. */
  pauseSeconds: number;
  /** No segment shorter than this (very short segments cost more than they save). */
  minSegmentSeconds: number;
  /** Cut anyway at the quietest moment once a segment reaches this length (no pause found). */
  maxSegmentSeconds: number;
  /** A 20 ms frame below this level (dBFS) is silence. */
  silenceDb: number;
}

/**
 * Short pauses and short segments: the sooner a finished stretch goes to the worker, the less is
 * left when the rep stops (the tail is what the rep waits for). A 0.3 s pause is a breath between
 * phrases; cuts stay in the middle of it, so no word is split.
 */
export const DEFAULT_SEGMENTER: SegmenterOptions = {
  pauseSeconds: 0.3,
  minSegmentSeconds: 1.5,
  maxSegmentSeconds: 25,
  silenceDb: -42,
};

const RATE = 16000;
const FRAME = 320; // 20 ms

export class PauseSegmenter {
  private readonly frameLevels: number[] = [];
  private pending = new Int16Array(0);
  private segmentStartFrame = 0;
  private silentRun = 0;
  private heardSpeech = false;
  /** Sample offsets where the recording was cut, in order. */
  readonly cuts: number[] = [];

  constructor(private readonly options: SegmenterOptions = DEFAULT_SEGMENTER) {}

  /** Was anything louder than silence heard since the last cut (or the start)? */
  get speechSinceLastCut(): boolean {
    return this.heardSpeech;
  }

  /** Adds samples; returns the new cut points (sample offsets), if any. */
  push(samples: Int16Array): number[] {
    const all = new Int16Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    const found: number[] = [];
    let offset = 0;
    for (; offset + FRAME <= all.length; offset += FRAME) {
      let sum = 0;
      for (let i = offset; i < offset + FRAME; i++) sum += all[i]! * all[i]!;
      const db = 20 * Math.log10(Math.sqrt(sum / FRAME) / 32768 || 1e-9);
      const cut = this.frame(db);
      if (cut !== null) found.push(cut);
    }
    this.pending = all.slice(offset);
    return found;
  }

  private frame(db: number): number | null {
    const { pauseSeconds, minSegmentSeconds, maxSegmentSeconds, silenceDb } = this.options;
    const index = this.frameLevels.length;
    this.frameLevels.push(db);
    const silent = db < silenceDb;
    this.silentRun = silent ? this.silentRun + 1 : 0;
    if (!silent) this.heardSpeech = true;
    const length = (index + 1 - this.segmentStartFrame) * FRAME;
    const pauseFrames = Math.round((pauseSeconds * RATE) / FRAME);
    // A pause after some speech, in a segment long enough: cut in the middle of the pause.
    if (this.heardSpeech && this.silentRun === pauseFrames && length >= minSegmentSeconds * RATE) {
      return this.cutAt(index + 1 - Math.floor(pauseFrames / 2));
    }
    // Too long without a pause: cut at the quietest frame of the last 5 seconds.
    if (length >= maxSegmentSeconds * RATE) {
      const from = Math.max(this.segmentStartFrame + 1, index - Math.round((5 * RATE) / FRAME));
      let quietest = index;
      for (let f = from; f <= index; f++) if (this.frameLevels[f]! < this.frameLevels[quietest]!) quietest = f;
      return this.cutAt(quietest);
    }
    return null;
  }

  private cutAt(frame: number): number {
    this.segmentStartFrame = frame;
    this.heardSpeech = this.frameLevels.slice(frame).some((db) => db >= this.options.silenceDb);
    const sample = frame * FRAME;
    this.cuts.push(sample);
    return sample;
  }
}
