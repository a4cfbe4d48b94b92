import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { SparringError } from '../errors';
import { type KnownModel, modelFileName } from './model-location';

/** The standard whisper.cpp model files, with the SHA-1 sums whisper.cpp publishes for them. */
export const MODEL_CATALOG: Record<KnownModel, { sha1: string; approxBytes: number; note: string }> = {
  'tiny.en': {
    sha1: 'c78c86eb1a8faa21b369bcd33207cc90d64ae9df',
    approxBytes: 77_704_715,
    note: 'fastest, least accurate',
  },
  'base.en': {
    sha1: '137c40403d78fd54d454da0f9bd998f78703390c',
    approxBytes: 147_964_211,
    note: 'recommended balance',
  },
  'small.en': {
    sha1: 'db8a495a91d927739e50b3fc1cc4c6b8f6c2d022',
    approxBytes: 487_614_201,
    note: 'most accurate, slowest',
  },
};

export const DEFAULT_MODEL_BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | null;
  resumedFrom: number;
}

export interface DownloadOptions {
  name: KnownModel;
  destDir: string;
  /** A mirror (configured from $SPARRING_MODEL_BASE_URL at the edges), else the standard whisper.cpp model host. */
  baseUrl?: string;
  /** Override the catalogue's checksum (tests serve their own file). */
  expectedSha1?: string;
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/**
 * A mirror (a company's own copy of the model files, $SPARRING_MODEL_BASE_URL) may publish its
 * own checksums in <base>/SHA1SUMS ("<sha1>  <file>" lines, as sha1sum prints them); without
 * one, the catalogue's checksums of the official files apply.
 */
async function mirrorChecksum(base: string, file: string, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  try {
    const response = await fetchImpl(`${base}/SHA1SUMS`);
    if (!response.ok) return null;
    const line = (await response.text()).split('\n').find((l) => l.trim().split(/\s+/)[1]?.replace(/^\*/, '') === file);
    return line ? line.trim().split(/\s+/)[0]!.toLowerCase() : null;
  } catch {
    return null;
  }
}

async function sha1Of(file: string): Promise<string> {
  const hash = createHash('sha1');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Downloads a model into destDir. Bytes go to <file>.partial first; a second run resumes from
 * there with an HTTP Range request. The SHA-1 is checked before the file takes its real name,
 * so a half or corrupt download is never used as a model.
 */
export async function downloadModel(
  options: DownloadOptions,
): Promise<{ path: string; bytes: number; resumedFrom: number }> {
  const { name, destDir } = options;
  const base = (options.baseUrl ?? DEFAULT_MODEL_BASE_URL).replace(/\/$/, '');
  const expected =
    options.expectedSha1 ??
    (base !== DEFAULT_MODEL_BASE_URL ? await mirrorChecksum(base, modelFileName(name), options.fetchImpl) : null) ??
    MODEL_CATALOG[name].sha1;
  const file = modelFileName(name);
  const target = join(destDir, file);
  const partial = `${target}.partial`;
  mkdirSync(destDir, { recursive: true });

  let have = existsSync(partial) ? statSync(partial).size : 0;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(`${base}/${file}`, {
      headers: have ? { range: `bytes=${have}-` } : {},
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted)
      throw new SparringError('download_cancelled', 'Download cancelled. Run it again to resume.');
    throw new SparringError(
      'offline',
      `Could not reach ${base} (${(error as Error).message}). Check your internet connection and run the download ` +
        `again: it resumes where it stopped.`,
    );
  }
  if (response.status === 416 && have > 0) {
    // The partial file is already complete (or longer than the file): verify it as is.
  } else if (!response.ok || !response.body) {
    throw new SparringError(
      'download_failed',
      `The model host answered ${response.status} ${response.statusText} for ${file}. Try again later.`,
    );
  } else {
    if (response.status !== 206) have = 0; // the server ignored the range: start over
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? have + length : null;
    let received = have;
    const resumedFrom = have;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        options.onProgress?.({ receivedBytes: received, totalBytes: total, resumedFrom });
        controller.enqueue(chunk);
      },
    });
    const out = createWriteStream(partial, { flags: have ? 'a' : 'w' });
    try {
      await pipeline(Readable.fromWeb(response.body.pipeThrough(counter) as WebReadableStream<Uint8Array>), out);
    } catch (error) {
      // Report only once every byte received is on disk, so a resume starts at the true end.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      if (options.signal?.aborted)
        throw new SparringError('download_cancelled', 'Download cancelled. Run it again to resume.');
      throw new SparringError(
        'download_interrupted',
        `The download of ${file} was interrupted (${(error as Error).message}). Run it again: it resumes where it ` +
          `stopped.`,
      );
    }
  }
  const actual = await sha1Of(partial);
  if (actual !== expected) {
    rmSync(partial, { force: true });
    throw new SparringError(
      'checksum_mismatch',
      `The downloaded ${file} is damaged (SHA-1 ${actual}, expected ${expected}). It was deleted; download it again.`,
    );
  }
  renameSync(partial, target);
  return { path: target, bytes: statSync(target).size, resumedFrom: have };
}
