import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { readWavFileFormat, readWavInfo, type WavInfo, wavHeader } from '../audio/wav';
import { DEFAULT_TRANSCRIPTION, type TranscriptionSettings } from '../config';
import type { ModelStatus, Transcript, TranscriptionRequest } from '../domain';
import { SparringError } from '../errors';
import { checkModelFile } from '../models/model-file-check';
import { locateModel } from '../models/model-location';
import { LiveTranscriber, type TailTimings } from './live-transcriber';
import { findWhisperBinary } from './whisper-binary';
import { TranscriptionError } from './transcription-error';
import { transcribeWav } from './whisper-cpp';
import { WhisperWorker } from './whisper-worker';

/** The longest file the CLI transcribes at once (a 3-hour file would be read whole into memory). */
const MAX_FILE_MINUTES = 30;

export interface TranscriberOptions {
  dataDir: string;
  appRoots: string[];
  /** A pinned model file (SPARRING_MODEL or a test's); else Settings, else the best downloaded. */
  modelPath?: string | null;
  /** whisper.cpp's `main` to use instead of the built one. */
  whisperBinary?: string | null;
  settings?: Partial<TranscriptionSettings>;
}

/**
 * Which engine transcribes an answer, with which settings: the warm whisper.cpp worker (on the
 * whole file, or on segments cut while the rep speaks) when it is built and the audio is 16 kHz
 * mono, else whisper.cpp's `main`. Every front end goes through here, so the app, the browser
 * bridge and the CLI make the same request; each transcript records the request that made it.
 */
export class Transcriber {
  readonly settings: TranscriptionSettings;
  private worker: WhisperWorker | null = null;

  constructor(private readonly options: TranscriberOptions) {
    this.settings = { ...DEFAULT_TRANSCRIPTION, ...options.settings };
  }

  /** The warm worker's process id, when one is running (the bench reads its peak memory). */
  get workerPid(): number | null {
    return this.worker?.pid ?? null;
  }

  /** Transcriptions the warm worker has served (tests count them). */
  get workerServed(): number {
    return this.worker?.served ?? 0;
  }

  whisperBinary(): string {
    return this.options.whisperBinary || findWhisperBinary(this.options.appRoots);
  }

  modelStatus(): ModelStatus {
    const modelPath = locateModel(this.options.dataDir, this.options.modelPath);
    const binaryPath = this.whisperBinary();
    let problem: string | null = null;
    if (!existsSync(binaryPath)) problem = 'whisper.cpp is not built. Run "npm install" in the Sparring folder.';
    else if (!modelPath) {
      problem =
        'No speech model yet. Download one in Settings (base.en, about 148 MB, once), or run "npm run model:download ' +
        '-- base.en". ' +
        'Meanwhile, type your answers.';
    } else if (!existsSync(modelPath))
      problem = `The speech model ${modelPath} is missing. Download it again or choose another in Settings.`;
    else {
      const check = checkModelFile(modelPath);
      if (!check.ok)
        problem =
          `The speech model ${modelPath} is damaged (${check.reason}). Download it again or choose another ` +
          `in Settings.`;
    }
    return { ready: problem === null, modelPath, binaryPath, problem };
  }

  /** The model status, or a clear error when answers cannot be transcribed now. */
  requireReady(): ModelStatus {
    const status = this.modelStatus();
    if (!status.ready) throw new SparringError('model_not_ready', status.problem!);
    return status;
  }

  /** The warm worker for the current model, or null when it is not built (then `main` runs per call). */
  private workerFor(status: ModelStatus): WhisperWorker | null {
    const binary = findWhisperBinary(this.options.appRoots, 'sparring-whisper-worker');
    if (!status.ready || !existsSync(binary)) return null;
    if (this.worker?.modelPath !== status.modelPath) {
      this.worker?.close();
      this.worker = new WhisperWorker(binary, status.modelPath!, this.settings.threads);
    }
    return this.worker;
  }

  private request(engine: TranscriptionRequest['engine'], modelPath: string): TranscriptionRequest {
    const { beamSize, initialPrompt, threads } = this.settings;
    return { engine, model: basename(modelPath), beamSize, initialPrompt, threads };
  }

  /**
   * With live transcription on, starts the warm worker loading its model now (so it is ready by
   * the time the rep answers). A loading failure surfaces, with its message, at transcription.
   */
  warm(): void {
    if (this.settings.live)
      this.workerFor(this.modelStatus())
        ?.start()
        .catch(() => undefined);
  }

  /** Starts transcribing a new recording as it arrives; null when live transcription is off or impossible. */
  startLive(): { live: LiveTranscriber; request: TranscriptionRequest } | null {
    if (!this.settings.live) return null;
    const status = this.modelStatus();
    const worker = this.workerFor(status);
    if (!worker) return null;
    worker.start().catch(() => undefined);
    const { beamSize, initialPrompt } = this.settings;
    return {
      live: new LiveTranscriber(worker, { prompt: initialPrompt ?? undefined, beamSize }),
      request: this.request('worker-live', status.modelPath!),
    };
  }

  /**
   * The rep stopped: the live transcription's tail goes to the worker now, and the whole
   * transcript (with where the time went) arrives when every segment is done; null when any
   * segment failed (then the caller transcribes the whole file).
   */
  finishLive(
    live: NonNullable<ReturnType<Transcriber['startLive']>>,
  ): Promise<{ transcript: Transcript; timings: TailTimings } | null> {
    return live.live
      .finish()
      .then(({ transcript, timings }) => ({ transcript: { ...transcript, request: live.request }, timings }))
      .catch(() => null);
  }

  /**
   * Transcribes a whole WAV file: on the warm worker when there is one and the file is 16 kHz mono, else with `main`.
   */
  async transcribeFile(
    wavPath: string,
    durationSeconds: number,
    status: ModelStatus = this.requireReady(),
  ): Promise<Transcript> {
    const worker = this.workerFor(status);
    let format: { sampleRate: number; channels: number } | null = null;
    try {
      format = readWavFileFormat(wavPath);
    } catch {
      // unreadable: `main` below reports it with the message a rep can act on
    }
    const { beamSize, initialPrompt, threads } = this.settings;
    const prompt = initialPrompt ?? undefined;
    if (worker && format?.sampleRate === 16000 && format.channels === 1) {
      const transcript = await worker.transcribe({ wavPath, durationSeconds, prompt, beamSize });
      return { ...transcript, request: this.request('worker', status.modelPath!) };
    }
    const transcript = await transcribeWav(wavPath, {
      binaryPath: status.binaryPath!,
      modelPath: status.modelPath!,
      threads,
      prompt,
      beamSize,
    });
    return { ...transcript, request: this.request('main', status.modelPath!) };
  }

  /**
   * Transcribes WAV bytes handed over whole (the CLI): written to the data folder's tmp/ for the
   * run, then removed. Messages name the file as the caller knows it (`name`), not the copy.
   */
  async transcribeBytes(wav: Uint8Array, name: string): Promise<Transcript> {
    const status = this.requireReady();
    const dir = join(this.options.dataDir, 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${randomUUID()}.wav`);
    const bytes = Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
    let info: WavInfo;
    try {
      // Checked before whisper.cpp sees it: a rate of 1 Hz, no channels, compressed audio...
      info = readWavInfo(bytes, name);
    } catch (error) {
      throw new TranscriptionError('audio_unreadable', (error as Error).message);
    }
    const seconds = info.durationSeconds;
    if (seconds > MAX_FILE_MINUTES * 60)
      throw new TranscriptionError(
        'audio_too_long',
        `${name} is ${Math.round(seconds / 60)} minutes long; Sparring transcribes up to ${MAX_FILE_MINUTES} minutes ` +
          'at a time: cut it into parts.',
      );
    // ...and handed over with a header that says what the file really holds (whisper.cpp trusts a
    // header claiming three hours, and reads until its time is up).
    const data = bytes.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
    writeFileSync(file, Buffer.concat([wavHeader(info.dataBytes, info), data]));
    try {
      return await this.transcribeFile(file, seconds, status);
    } catch (error) {
      if (error instanceof Error) error.message = error.message.split(file).join(name);
      throw error;
    } finally {
      rmSync(file, { force: true });
    }
  }

  close(): void {
    this.worker?.close();
    this.worker = null;
  }
}
