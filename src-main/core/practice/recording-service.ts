import type { TurnTries } from './turn-tries';
import type { WavAppendWriter } from '../audio/wav-append-writer';
import type { CoreContext } from '../context';
import type { NextStep, Scenario, ScenarioTurn, TurnRecord } from '../domain';
import { SparringError } from '../errors';
import type { Transcriber } from '../transcription/transcriber';
import type { AnswerScorer } from './answer-scorer';
import type { PracticePath } from './practice-path';

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
  ) {}

  start(attemptId: number, step: number): { recordingId: string } {
    this.ctx.records.requireOpen(attemptId);
    // Refuses a step that is not reached yet, one after the end, or one already answered.
    const { scenario, turn } = this.path.turnAt(attemptId, step);
    this.path.requireUnanswered(attemptId, step);
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
    r.writer.append(pcm16);
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
  async finish(recordingId: string): Promise<{ turn: TurnRecord; next: NextStep }> {
    const r = this.get(recordingId);
    this.active.delete(recordingId);
    const stage = (s: 'saving' | 'transcribing' | 'scoring' | 'done') =>
      this.ctx.events.emit({ type: 'turn.stage', attemptId: r.attemptId, step: r.step, stage: s });
    stage('saving');
    const durationSeconds = r.writer.durationSeconds;
    const audioPath = this.ctx.audio.commit(r.writer);
    const base = { index: r.step, turnId: r.turn.id, buyerLine: r.turn.buyer, audioPath, durationSeconds };
    this.ctx.turns.save(r.attemptId, { ...base, transcript: null, score: null });
    this.ctx.recordings.remove(recordingId);
    stage('transcribing');
    const transcript = await this.transcriber.finishRecording(
      this.ctx.audio.absolute(audioPath),
      durationSeconds,
      r.live,
    );
    stage('scoring');
    const scored = this.scorer.scoreAndStore(r.attemptId, base, transcript, r.turn, r.scenario, false);
    // A retried step: the better of its answers counts, and decides the way on.
    const turn = this.tries.keepBetter(r.attemptId, scored);
    const next = this.path.advance(r.attemptId, turn, r.scenario);
    stage('done');
    return { turn, next };
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
