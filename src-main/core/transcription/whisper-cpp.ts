import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Transcript } from '../domain';
import { readWavInfo } from '../audio/wav';
import { checkModelFile } from '../models/model-file-check';
import { parseWhisperJson } from './parse-whisper-json';
import { convertTo16kMono } from './resample-wav';
import { TranscriptionError } from './transcription-error';

export interface WhisperRunOptions {
  /** whisper.cpp's `main` program (see whisper-binary.ts). */
  binaryPath: string;
  modelPath: string;
  threads?: number;
  beamSize?: number;
  /** Cancels the run: the child process is killed. */
  signal?: AbortSignal;
  /** Kills a run that takes longer than this. Default: max(60 s, 4 × the audio length). */
  timeoutMs?: number;
  /** whisper's initial prompt (see FILLER_PROMPT in core). */
  prompt?: string;
}

export function checkModel(modelPath: string): void {
  if (!existsSync(modelPath)) {
    throw new TranscriptionError(
      'model_missing',
      `No speech model at ${modelPath}. Download one with "npm run model:download -- base.en" or choose a model file ` +
        `in Settings.`,
    );
  }
  const check = checkModelFile(modelPath);
  if (!check.ok && check.notAModel) {
    throw new TranscriptionError(
      'model_invalid',
      `${modelPath} is not a whisper.cpp (ggml) model file. Download the model again or pick another file.`,
    );
  }
  if (!check.ok)
    throw new TranscriptionError(
      'model_invalid',
      `The speech model ${modelPath} could not be loaded (damaged or incomplete file: ${check.reason}). Download it ` +
        `again.`,
    );
}

export function checkBinary(binaryPath: string): void {
  try {
    accessSync(binaryPath, constants.X_OK);
  } catch {
    throw new TranscriptionError(
      'binary_missing',
      `whisper.cpp is not built (${binaryPath} is missing). Run "npm install" (it builds whisper.cpp once) or "node ` +
        `scripts/build-whisper.mjs".`,
    );
  }
}

/** Explains a non-zero exit of whisper.cpp from what it printed. */
function explainFailure(stderr: string, code: number | null, modelPath: string, wavPath: string): TranscriptionError {
  const tail = stderr.trim().split('\n').slice(-6).join('\n');
  // Real failure lines only: whisper.cpp prints "whisper_model_load: ..." on every run.
  if (/failed to (initialize whisper context|load model)|invalid model (data|file)|bad magic/i.test(stderr)) {
    return new TranscriptionError(
      'model_invalid',
      `The speech model ${modelPath} could not be loaded (damaged or incomplete file). Download it again.`,
      tail,
    );
  }
  if (/failed to (read|open) (WAV|audio)|WAV file must be/i.test(stderr)) {
    return new TranscriptionError(
      'audio_unreadable',
      `whisper.cpp could not read the audio ${wavPath}. The recording is kept; try again or re-record.`,
      tail,
    );
  }
  if (code === null)
    return new TranscriptionError(
      'crashed',
      'whisper.cpp crashed while transcribing (it was stopped by the system). The recording is kept; try again.',
      tail,
    );
  return new TranscriptionError(
    'failed',
    `whisper.cpp stopped with exit code ${code}. The recording is kept; try again.`,
    tail,
  );
}

/**
 * Transcribes a WAV file with word timestamps by running whisper.cpp's `main` as a child process
 * (absolute paths, our own working directory untouched, every failure surfaced, cancellable).
 */
export async function transcribeWav(wavPath: string, options: WhisperRunOptions): Promise<Transcript> {
  const audio = resolve(wavPath);
  const modelPath = resolve(options.modelPath);
  checkBinary(options.binaryPath);
  checkModel(modelPath);
  let header: Buffer;
  try {
    if (!statSync(audio).isFile()) throw new Error('not a file');
    header = readFileSync(audio);
  } catch {
    throw new TranscriptionError('audio_unreadable', `Cannot read the audio file ${audio}.`);
  }
  let duration: number;
  try {
    duration = readWavInfo(header, audio).durationSeconds;
  } catch (error) {
    throw new TranscriptionError('audio_unreadable', (error as Error).message);
  }

  const work = mkdtempSync(join(tmpdir(), 'sparring-whisper-'));
  try {
    let input = audio;
    try {
      if (convertTo16kMono(audio, join(work, 'input.wav'))) input = join(work, 'input.wav');
    } catch (error) {
      throw new TranscriptionError('audio_unreadable', (error as Error).message);
    }
    const outBase = join(work, 'out');
    const args = [
      '-m',
      modelPath,
      '-f',
      input,
      '-ml',
      '1',
      '-sow',
      '-oj',
      '-of',
      outBase,
      '-l',
      'en',
      '-t',
      String(options.threads ?? 2),
      '-bs',
      String(options.beamSize ?? 5),
      ...(options.prompt ? ['--prompt', options.prompt] : []),
    ];
    const timeoutMs = options.timeoutMs ?? Math.max(60_000, duration * 4000);
    await runProcess(options.binaryPath, args, work, options.signal, modelPath, audio, timeoutMs);
    return parseWhisperJson(readFileSync(outBase + '.json', 'utf8'), duration);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runProcess(
  binary: string,
  args: string[],
  cwd: string,
  signal: AbortSignal | undefined,
  modelPath: string,
  wavPath: string,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) return reject(new TranscriptionError('cancelled', 'Transcription cancelled.'));
    const child = spawn(binary, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    // A run that never ends (a damaged model can send whisper.cpp into endless fallback decoding)
    // must not hang the answer: kill it and say so.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-20000);
    });
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(new TranscriptionError('binary_missing', `Could not start whisper.cpp (${binary}): ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(new TranscriptionError('cancelled', 'Transcription cancelled.'));
      else if (timedOut) {
        reject(
          new TranscriptionError(
            'timeout',
            `Transcription took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. The recording is ` +
              `kept; try again, or use a smaller model.`,
          ),
        );
      } else if (code === 0) resolvePromise();
      else reject(explainFailure(stderr, code, modelPath, wavPath));
    });
  });
}
