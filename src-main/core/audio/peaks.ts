import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readWavInfo } from './wav';

/** A waveform's outline: the loudest sample in each 10 ms, from 0 to 1. Drawn by the review page as is. */
export interface Peaks {
  durationSeconds: number;
  peaksPerSecond: number;
  peaks: number[];
}

export const PEAKS_PER_SECOND = 100;

/** Where an answer's peaks live: beside its WAV, named by the same content hash. */
export const peaksFileFor = (wavPath: string) => wavPath.replace(/\.wav$/i, '.peaks.json');

/** Computes a 16-bit PCM WAV's peaks (any rate; channels folded). */
export function computePeaks(wav: Buffer): Peaks {
  const info = readWavInfo(wav);
  const frame = info.channels * 2;
  const frames = Math.floor(info.dataBytes / frame);
  const perPeak = Math.max(1, Math.round(info.sampleRate / PEAKS_PER_SECOND));
  const peaks: number[] = [];
  for (let start = 0; start < frames; start += perPeak) {
    let max = 0;
    const end = Math.min(frames, start + perPeak);
    for (let f = start; f < end; f++) {
      for (let c = 0; c < info.channels; c++) {
        const v = Math.abs(wav.readInt16LE(info.dataOffset + f * frame + c * 2));
        if (v > max) max = v;
      }
    }
    peaks.push(Math.round((max / 32768) * 1000) / 1000);
  }
  return { durationSeconds: frames / info.sampleRate, peaksPerSecond: info.sampleRate / perPeak, peaks };
}

/** Computes a WAV's peaks from its bytes (already in memory) and keeps them beside it. */
export function writePeaks(wavPath: string, wav: Buffer): Peaks {
  const file = peaksFileFor(wavPath);
  const peaks = computePeaks(wav);
  writeFileSync(`${file}.tmp`, JSON.stringify(peaks));
  renameSync(`${file}.tmp`, file);
  return peaks;
}

/**
 * An answer's peaks: written when the answer is filed (AudioStore.commitFile); an answer from
 * before peaks were kept gets its file the first time it is asked for.
 */
export function peaksOf(wavPath: string): Peaks {
  const file = peaksFileFor(wavPath);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Peaks;
  return writePeaks(wavPath, readFileSync(wavPath));
}
