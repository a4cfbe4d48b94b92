import type { TurnTries } from './turn-tries';
import type { WavAppendWriter } from '../audio/wav-append-writer';
import type { CoreContext } from '../context';
import type { NextStep, Scenario, ScenarioTurn, TurnRecord } from '../domain';
import { SparringError } from '../errors';
import type { Transcriber } from '../transcription/transcriber';
import type { AnswerScorer } from './answer-scorer';
import type { PracticePath } from './practice-path';
import { type AnswersInFlight, typedInstead } from './answers-in-flight';
import type { TailTimings } from '../transcription/live-transcriber';

/** Where the time from the stop to the stored score went (ms), for the bench and for tuning. */
export interface StopTimings {
  /** Making the audio durable and storing the turn row (the tail is transcribed meanwhile). */
  saveMs: number;
  /** The live transcription after the stop; null when the whole file was transcribed instead. */
  live: TailTimings | null;
  /** From the stop until the transcript was complete. */
  transcribedMs: number;
  scoringMs: number;
  storeMs: number;
  totalMs: number;
}

/** The longest answer (the UI stops at it too; core holds the line for any client). */
export const MAX_ANSWER_SECONDS = 180;
/** Answers being recorded at once: one in the app; a client that never stops its recordings is capped. */
export const MAX_OPEN_RECORDINGS = 4;

const isDiskFull = (error: unknown) => {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
};

/** A full disk, said plainly, with what was kept. */
const diskFull = (seconds: number, then: string) =>
  new SparringError(
    'disk_full',
    `The disk is full. What you said so far (${seconds.toFixed(1)} s) is kept; free some space, then ${then}.`,
  );

interface ActiveRecording {
  attemptId: number;
  step: number;
  scenario: Scenario;
  turn: ScenarioTurn;
  writer: WavAppendWriter;
  nextSeq: number;
  /** Transcribing as the rep speaks, when live transcription is on and a model is ready. */
  live: ReturnType<Transcriber['startLive']>;
}

/**
 * Answers being spoken: audio is appended to a WAV on disk as it arrives (a crash loses at most a
 * chunk), transcribed while the rep speaks, and on stop made durable, stored with its step,
 * transcribed, scored, and the role-play's next step decided, in that order.
 */
export class RecordingService {
  private readonly active = new Map<string, ActiveRecording>();

  constructor(
    private readonly ctx: Pick<CoreContext, 'audio' | 'recordings' | 'turns' | 'records' | 'events'>,
    private readonly transcriber: Transcriber,
    private readonly scorer: AnswerScorer,
    private readonly path: PracticePath,
    private readonly tries: TurnTries,
    private readonly inFlight: AnswersInFlight,
  ) {}

  start(attemptId: number, step: number): { recordingId: string } {
    this.ctx.records.requireOpen(attemptId);
    // Refuses a step that is not reached yet, one after the end, or one already answered.
    const { scenario, turn } = this.path.turnAt(attemptId, step);
    this.path.requireUnanswered(attemptId, step);
    // A recording of this very step still open was abandoned (the page reloaded): its audio is
    // filed for recovery; any other open one beyond the cap is refused, never left open for good.
    for (const [id, other] of this.active)
      if (other.attemptId === attemptId && other.step === step) this.setAside(id, other);
    if (this.active.size >= MAX_OPEN_RECORDINGS)
      throw new SparringError(
        'too_many_recordings',
        `${this.active.size} answers are being recorded already: stop one before starting another.`,
      );
    const { id, writer } = this.ctx.audio.begin();
    this.ctx.recordings.add(id, attemptId, step, this.ctx.audio.relativePath(writer.path));
    this.active.set(id, { attemptId, step, scenario, turn, writer, nextSeq: 0, live: this.transcriber.startLive() });
    return { recordingId: id };
  }

  private get(recordingId: string): ActiveRecording {
    const r = this.active.get(recordingId);
    if (!r)
      throw new SparringError(
        'no_such_recording',
        `Recording ${recordingId} is not active (already finished or cancelled).`,
      );
    return r;
  }

  /** Appends 16 kHz mono 16-bit PCM straight to the WAV on disk. Chunks must arrive in order. */
  append(recordingId: string, seq: number, pcm16: Uint8Array): { seconds: number } {
    const r = this.get(recordingId);
    if (seq !== r.nextSeq)
      throw new SparringError('chunk_out_of_order', `Audio chunk ${seq} arrived, expected ${r.nextSeq}.`);
    // The chunk that reaches the limit is taken; nothing after it.
    if (r.writer.durationSeconds >= MAX_ANSWER_SECONDS && pcm16.byteLength > 0)
      throw new SparringError(
        'answer_too_long',
        `An answer is at most ${MAX_ANSWER_SECONDS / 60} minutes: stop and save this one (all of it so far is kept).`,
      );
    try {
      r.writer.append(pcm16);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      r.writer.dropPartial();
      throw diskFull(r.writer.durationSeconds, 'stop the answer to save it');
    }
    r.nextSeq++;
    r.live?.live.append(pcm16);
    return { seconds: r.writer.durationSeconds };
  }

  cancel(recordingId: string): { cancelled: true } {
    const r = this.get(recordingId);
    this.active.delete(recordingId);
    r.live?.live.cancel();
    this.ctx.audio.discard(r.writer);
    this.ctx.recordings.remove(recordingId);
    return { cancelled: true };
  }

  /**
   * Ends the answer: the audio is made durable and stored with its step first, then transcribed
   * and scored, and where the role-play goes next decided. If transcription fails the step keeps
   * its audio and the error is raised (the rep can try again, or move on).
   */
  async finish(recordingId: string): Promise<{ turn: TurnRecord; next: NextStep; timings: StopTimings }> {
    const stoppedAt = performance.now();
    const r = this.get(recordingId);
    this.active.delete(recordingId);
    const stage = (s: 'saving' | 'transcribing' | 'scoring' | 'done') =>
      this.ctx.events.emit({ type: 'turn.stage', attemptId: r.attemptId, step: r.step, stage: s });
    // The tail goes to the worker at the stop, before anything else: it is what the rep waits for.
    const heard = r.live ? this.transcriber.finishLive(r.live) : null;
    stage('saving');
    const durationSeconds = r.writer.durationSeconds;
    let base: Omit<TurnRecord, 'id' | 'transcript' | 'score'>;
    try {
      // The row first, then the file into place. If anything fails in between (a full disk), the
      // recording stays open and where recovery finds it; filed later, it lands at the very name
      // the row gives (the name is its content's hash), so the row is never left wrong.
      const prepared = this.ctx.audio.prepare(r.writer);
      base = {
        index: r.step,
        turnId: r.turn.id,
        buyerLine: r.turn.buyer,
        audioPath: prepared.relativePath,
        durationSeconds,
      };
      this.ctx.turns.save(r.attemptId, { ...base, transcript: null, score: null });
      this.ctx.audio.place(prepared);
    } catch (error) {
      // Still open: stopping again files it (or recovery does at the next start), transcribing the whole file.
      this.active.set(recordingId, { ...r, live: null });
      if (!isDiskFull(error)) throw error;
      throw diskFull(durationSeconds, 'stop again to save it (or it comes back when Sparring next starts)');
    }
    const saveMs = performance.now() - stoppedAt;
    this.ctx.recordings.remove(recordingId);
    const flight = this.inFlight.add(r.attemptId, r.step, () => r.live?.live.cancel());
    try {
      stage('transcribing');
      const progress = (p: { done: number; total: number }) =>
        this.ctx.events.emit({ type: 'turn.progress', attemptId: r.attemptId, step: r.step, ...p });
      if (r.live) {
        r.live.live.onProgress = progress;
        progress(r.live.live.progress);
      }
      const fromLive = heard ? await heard : null;
      if (flight.cancelled()) throw typedInstead();
      const transcript =
        fromLive?.transcript ??
        (await this.transcriber.transcribeFile(this.ctx.audio.absolute(base.audioPath!), durationSeconds));
      if (flight.cancelled()) throw typedInstead();
      const transcribedMs = performance.now() - stoppedAt;
      stage('scoring');
      const times = { scoringMs: 0, storeMs: 0 };
      const scored = this.scorer.scoreAndStore(r.attemptId, base, transcript, r.turn, r.scenario, false, times);
      // A retried step: the better of its answers counts, and decides the way on.
      const turn = this.tries.keepBetter(r.attemptId, scored);
      const next = this.path.advance(r.attemptId, turn, r.scenario);
      stage('done');
      const timings = {
        saveMs,
        live: fromLive?.timings ?? null,
        transcribedMs,
        ...times,
        totalMs: performance.now() - stoppedAt,
      };
      return { turn, next, timings };
    } finally {
      flight.done();
    }
  }

  /** Closes a recording without filing it: its audio stays on disk, and recovery files it at the next start. */
  private setAside(id: string, r: ActiveRecording): void {
    this.active.delete(id);
    r.live?.live.cancel();
    r.writer.finish();
  }

  /** Stops every recording (closing the app): what was written stays on disk for recovery. */
  close(): void {
    for (const r of this.active.values()) {
      r.live?.live.cancel();
      r.writer.finish();
    }
    this.active.clear();
  }
}
