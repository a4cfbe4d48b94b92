import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { type PcmFormat, WAV_HEADER_BYTES, wavHeader } from './wav';

/**
 * Writes a WAV file as audio arrives: a header with a zero data size first, each chunk
 * appended straight to disk, the real sizes and an fsync on finish. A crash leaves a file
 * whose header says 0 bytes but whose body holds everything captured up to the last chunk,
 * which recovery can repair from the file length (repairWavHeader).
 */
export class WavAppendWriter {
  private fd: number | null;
  private dataBytes = 0;
  private lastSync = Date.now();

  constructor(
    readonly path: string,
    private readonly format: PcmFormat = { sampleRate: 16000, channels: 1 },
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    writeSync(this.fd, wavHeader(0, format));
  }

  get bytesWritten(): number {
    return this.dataBytes;
  }

  get durationSeconds(): number {
    return this.dataBytes / (this.format.sampleRate * this.format.channels * 2);
  }

  append(pcm16: Uint8Array): void {
    if (this.fd === null) throw new Error('This recording is already finished.');
    if (pcm16.byteLength % 2 !== 0) throw new Error('Audio chunks must hold whole 16-bit samples.');
    let off = 0;
    while (off < pcm16.byteLength) off += writeSync(this.fd, pcm16, off, pcm16.byteLength - off);
    this.dataBytes += pcm16.byteLength;
    // A killed process loses nothing already written; a power cut loses at most the last second.
    if (Date.now() - this.lastSync >= 1000) {
      fsyncSync(this.fd);
      this.lastSync = Date.now();
    }
  }

  /** Completes the header and makes the file durable. */
  finish(): void {
    if (this.fd === null) return;
    writeSync(this.fd, wavHeader(this.dataBytes, this.format), 0, WAV_HEADER_BYTES, 0);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
  }

  /**
   * Cuts off a chunk written only in part (a full disk stopped it midway), so the file holds whole
   * chunks and its header, once finished, matches what it holds.
   */
  dropPartial(): void {
    if (this.fd !== null) ftruncateSync(this.fd, WAV_HEADER_BYTES + this.dataBytes);
  }

  /** Closes without completing (the caller is discarding the recording). */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Rewrites the header of a WAV cut short by a crash from the file's length (whole samples only),
 * so it plays and transcribes. Returns the recovered duration in seconds.
 */
export function repairWavHeader(path: string, format: PcmFormat = { sampleRate: 16000, channels: 1 }): number {
  const size = statSync(path).size;
  const frame = 2 * format.channels;
  const dataBytes = Math.max(0, Math.floor((size - WAV_HEADER_BYTES) / frame) * frame);
  if (size < WAV_HEADER_BYTES) {
    writeFileSync(path, wavHeader(0, format));
  } else {
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, wavHeader(dataBytes, format), 0, WAV_HEADER_BYTES, 0);
      ftruncateSync(fd, WAV_HEADER_BYTES + dataBytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return dataBytes / (format.sampleRate * frame);
}
