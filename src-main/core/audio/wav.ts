/** 16-bit PCM WAV headers: written while recording, read back for validation and recovery. */

import { closeSync, openSync, readSync } from 'node:fs';

export const WAV_HEADER_BYTES = 44;

export interface PcmFormat {
  sampleRate: number;
  channels: number;
}

export function wavHeader(dataBytes: number, { sampleRate, channels }: PcmFormat): Buffer {
  const h = Buffer.alloc(WAV_HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

export interface WavInfo extends PcmFormat {
  bitsPerSample: number;
  dataOffset: number;
  dataBytes: number;
  durationSeconds: number;
}

/** What Sparring reads: uncompressed 16-bit PCM, a real audio rate, a sane number of channels. */
const RATES = { min: 8_000, max: 192_000 };
const MAX_CHANNELS = 8;
const PCM = 1;
const EXTENSIBLE = 0xfffe;

/**
 * Reads the format of a WAV file's header; throws a plain-language error for anything else. A
 * header is not trusted: the format must be one Sparring reads, and the data size is what the
 * file really holds (a header may claim three hours for one second of audio).
 */
export function readWavInfo(buf: Buffer, name = 'audio'): WavInfo {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${name} is not a WAV file (no RIFF/WAVE header).`);
  }
  let off = 12;
  let fmt: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      if (size < 16 || off + 24 > buf.length) throw new Error(`${name} has a WAV format chunk cut short.`);
      const tag = buf.readUInt16LE(off + 8);
      const subTag = tag === EXTENSIBLE && size >= 40 && off + 34 <= buf.length ? buf.readUInt16LE(off + 32) : null;
      if (tag !== PCM && subTag !== PCM)
        throw new Error(
          `${name} is compressed WAV audio (format ${tag}${subTag !== null ? `/${subTag}` : ''}); Sparring reads ` +
            'uncompressed 16-bit PCM WAV: convert it first (for example: sox in.wav -e signed -b 16 out.wav).',
        );
      fmt = {
        channels: buf.readUInt16LE(off + 10),
        sampleRate: buf.readUInt32LE(off + 12),
        bitsPerSample: buf.readUInt16LE(off + 22),
      };
      if (fmt.channels < 1 || fmt.channels > MAX_CHANNELS)
        throw new Error(`${name} says it has ${fmt.channels} channels; Sparring reads 1 to ${MAX_CHANNELS}.`);
      if (fmt.sampleRate < RATES.min || fmt.sampleRate > RATES.max)
        throw new Error(
          `${name} says its sample rate is ${fmt.sampleRate} Hz; Sparring reads ${RATES.min / 1000} to ` +
            `${RATES.max / 1000} kHz.`,
        );
      if (fmt.bitsPerSample !== 16)
        throw new Error(`${name} is ${fmt.bitsPerSample}-bit audio; Sparring reads 16-bit PCM WAV.`);
    } else if (id === 'data') {
      if (!fmt) break;
      const dataOffset = off + 8;
      const dataBytes = Math.min(size, buf.length - dataOffset);
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataOffset, dataBytes, durationSeconds: dataBytes / bytesPerSecond };
    }
    off += 8 + size + (size % 2);
  }
  throw new Error(`${name} is a WAV file without a readable fmt/data chunk.`);
}

/**
 * The format of a WAV file on disk, from its first 64 KB only (enough for any header): to decide
 * how to transcribe a file without reading minutes of audio first.
 */
export function readWavFileFormat(path: string): PcmFormat {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(65536);
    const n = readSync(fd, head, 0, head.length, 0);
    const { sampleRate, channels } = readWavInfo(head.subarray(0, n), path);
    return { sampleRate, channels };
  } finally {
    closeSync(fd);
  }
}
