import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Transcript } from '../domain';
import { parseWhisperJson } from './parse-whisper-json';
import { TranscriptionError } from './transcription-error';
import { checkBinary, checkModel } from './whisper-cpp';
import { FreeCores } from './free-cores';

/** Audio frames per second in whisper's encoder (1500 frames = one 30 s window). */
const AUDIO_FRAMES_PER_SECOND = 50;

/**
 * The encoder context for a piece of audio: a bit more than its length, rounded up to 64 frames,
 * so a 3 s segment encodes ~200 frames instead of 1500. 0 (a full window) beyond 28 s, where
 * the saving is small and whisper's own windowing takes over.
 */
export function audioContextFor(durationSeconds: number): number {
  if (durationSeconds > 28) return 0;
  return Math.min(1500, Math.ceil(((durationSeconds + 1) * AUDIO_FRAMES_PER_SECOND) / 64) * 64);
}

export interface WorkerRequest {
  /** A 16 kHz mono 16-bit WAV file. */
  wavPath: string;
  durationSeconds: number;
  /** Encoder context in frames; default from the duration (audioContextFor). */
  audioCtx?: number;
  /** whisper's initial prompt (e.g. one containing fillers, so it keeps writing them). */
  prompt?: string;
  beamSize?: number;
  /** One decoding pass without whisper's temperature fallback: bounded time (live segments). */
  noFallback?: boolean;
  /** Default: max(60 s, 4 × the audio length). */
  timeoutMs?: number;
  /** Aborted while still queued: the request is dropped (never run) and rejects as cancelled. */
  signal?: AbortSignal;
}

/** Where one request's time went (ms), for the bench and the stop → feedback breakdown. */
export interface WorkerTimings {
  /** Waiting behind earlier requests (and for the model to load). */
  queuedMs: number;
  /** The worker's own time for the request: reading the WAV, mel, encode, decode. */
  runMs: number;
  melMs: number;
  encodeMs: number;
  /** Decoding the words (sampling and the prompt included). */
  decodeMs: number;
  /** Threads it ran with (fewer than configured when other programs keep cores busy). */
  threads: number;
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}
interface WorkerReply {
  id?: number;
  ready?: boolean;
  fatal?: string;
  error?: string;
  transcription?: unknown;
  ms?: number;
  threads?: number;
  timings?: { mel_ms?: number; encode_ms?: number; decode_ms?: number; prompt_ms?: number; sample_ms?: number };
}

/**
 * A warm whisper.cpp process (scripts/whisper-worker/): the model is loaded once and stays in
 * memory, so a transcription pays only for encoding and decoding. One request at a time (queued);
 * a crash or a timeout kills the process, fails that request with a clear error, and the next
 * request starts a fresh one. Every failure is a TranscriptionError; the audio is never touched.
 */
export class WhisperWorker {
  private child: ChildProcessWithoutNullStreams | null = null;
  private starting: Promise<void> | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private stderr = '';
  /** Transcriptions served by this worker (tests and the bench read it). */
  served = 0;
  /** The other programs' load, to run with fewer threads when they keep cores busy. */
  readonly freeCores = new FreeCores();
  private sampler: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly binaryPath: string,
    readonly modelPath: string,
    readonly threads = 2,
  ) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts the process and loads the model, once; later calls return the same promise. */
  start(): Promise<void> {
    // Checks run inside the promise: a missing or damaged model is a rejection, never a throw.
    this.starting ??= Promise.resolve()
      .then(() => this.spawnAndLoad())
      .catch((error: Error) => {
        this.starting = null;
        throw error;
      });
    return this.starting;
  }

  private spawnAndLoad(): Promise<void> {
    checkBinary(this.binaryPath);
    checkModel(resolve(this.modelPath));
    return new Promise((resolveStart, rejectStart) => {
      const child = spawn(this.binaryPath, ['-m', resolve(this.modelPath), '-t', String(this.threads)], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      this.child = child;
      this.hold(true); // until the model is loaded
      // The load is judged on the last few seconds, so it is sampled while the worker lives.
      if (this.sampler) clearInterval(this.sampler);
      this.sampler = setInterval(() => this.freeCores.snapshot(), 1000);
      this.sampler.unref();
      this.stderr = '';
      child.stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-20000)));
      let ready = false;
      createInterface({ input: child.stdout }).on('line', (line) => {
        let reply: WorkerReply;
        try {
          reply = JSON.parse(line) as WorkerReply;
        } catch {
          return; // not ours: whisper.cpp logs go to stderr, but be lenient
        }
        if (reply.ready) {
          ready = true;
          this.hold(false);
          resolveStart();
        } else if (this.pending) {
          const p = this.pending;
          this.pending = null;
          p.resolve(reply);
        }
      });
      child.on('error', (error) => {
        this.child = null;
        rejectStart(
          new TranscriptionError(
            'binary_missing',
            `Could not start whisper.cpp's worker (${this.binaryPath}): ${error.message}`,
          ),
        );
      });
      child.on('close', (code, signal) => {
        if (this.child === child) this.child = null;
        this.starting = null;
        const tail = this.stderr.trim().split('\n').slice(-6).join('\n');
        if (!ready) {
          rejectStart(
            new TranscriptionError(
              'model_invalid',
              `The speech model ${this.modelPath} could not be loaded (damaged or incomplete file). Download it again.`,
              tail,
            ),
          );
        }
        if (this.pending) {
          const p = this.pending;
          this.pending = null;
          p.reject(
            new TranscriptionError(
              'failed',
              `whisper.cpp stopped (${signal ?? `exit code ${code}`}) while transcribing. The recording is kept; try ` +
                `again.`,
              tail,
            ),
          );
        }
      });
    });
  }

  /**
   * An idle worker must not keep Node running (a CLI run or a test would never exit): its
   * process and pipes are unreferenced while idle, and referenced while loading or transcribing.
   */
  private hold(busy: boolean): void {
    const child = this.child;
    if (!child) return;
    const handles = [child, child.stdout, child.stderr, child.stdin] as unknown as { ref?(): void; unref?(): void }[];
    for (const h of handles) (busy ? h.ref : h.unref)?.call(h);
  }

  /** Transcribes one WAV file with word timings (queued behind any running request). */
  async transcribe(request: WorkerRequest): Promise<Transcript> {
    return (await this.transcribeTimed(request)).transcript;
  }

  /** As transcribe, with where the time went. */
  transcribeTimed(request: WorkerRequest): Promise<{ transcript: Transcript; timings: WorkerTimings }> {
    const queuedAt = performance.now();
    const run = this.queue.then(() => {
      if (request.signal?.aborted)
        throw new TranscriptionError('cancelled', 'The transcription was cancelled before it started.');
      return this.run(request, queuedAt);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(
    request: WorkerRequest,
    queuedAt: number,
  ): Promise<{ transcript: Transcript; timings: WorkerTimings }> {
    await this.start();
    const startedAt = performance.now();
    const child = this.child;
    if (!child)
      throw new TranscriptionError(
        'failed',
        'whisper.cpp stopped before it could transcribe. The recording is kept; try again.',
      );
    const id = this.nextId++;
    const timeoutMs = request.timeoutMs ?? Math.max(60_000, request.durationSeconds * 4000);
    const reply = await new Promise<WorkerReply>((resolveReply, rejectReply) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.freeCores.stopped();
        child.kill('SIGKILL');
        rejectReply(
          new TranscriptionError(
            'timeout',
            `Transcription took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. The recording is ` +
              `kept; try again, or use a smaller model.`,
          ),
        );
      }, timeoutMs);
      this.hold(true);
      const threads = this.freeCores.threadsFor(this.threads);
      this.freeCores.started(threads);
      const done = () => (clearTimeout(timer), this.freeCores.stopped(), this.hold(false));
      this.pending = {
        resolve: (r) => (done(), resolveReply(r)),
        reject: (e) => (done(), rejectReply(e)),
      };
      const audioCtx = request.audioCtx ?? audioContextFor(request.durationSeconds);
      const line = {
        threads,
        id,
        wav: resolve(request.wavPath),
        audio_ctx: audioCtx,
        beam_size: request.beamSize ?? 5,
        prompt: request.prompt ?? '',
        no_fallback: request.noFallback ?? false,
      };
      child.stdin.write(`${JSON.stringify(line)}\n`);
    });
    if (reply.error) {
      if (/failed to read WAV/.test(reply.error))
        throw new TranscriptionError(
          'audio_unreadable',
          `whisper.cpp could not read the audio ${request.wavPath}. The recording is kept; try again or re-record.`,
          reply.error,
        );
      throw new TranscriptionError(
        'failed',
        `whisper.cpp could not transcribe the audio (${reply.error}). The recording is kept; try again.`,
      );
    }
    this.served++;
    const t = reply.timings ?? {};
    const timings: WorkerTimings = {
      queuedMs: startedAt - queuedAt,
      runMs: reply.ms ?? 0,
      melMs: t.mel_ms ?? 0,
      encodeMs: t.encode_ms ?? 0,
      decodeMs: (t.decode_ms ?? 0) + (t.prompt_ms ?? 0) + (t.sample_ms ?? 0),
      threads: reply.threads ?? this.threads,
    };
    const transcript = parseWhisperJson(
      JSON.stringify({ transcription: reply.transcription }),
      request.durationSeconds,
    );
    return { transcript, timings };
  }

  /** Stops the process (the model is unloaded). */
  close(): void {
    if (this.sampler) clearInterval(this.sampler);
    this.sampler = null;
    this.child?.kill('SIGKILL');
    this.child = null;
    this.starting = null;
  }
}
