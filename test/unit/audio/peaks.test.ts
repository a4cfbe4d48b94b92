/** Waveform peaks: the loudest sample in each 10 ms, from the PCM as stored. */
import { describe, expect, it } from 'vitest';
import { computePeaks } from '../../../src-main/core/audio/peaks';
import { wavHeader } from '../../../src-main/core/audio/wav';

function wav(samples: number[], sampleRate = 16000, channels = 1): Buffer {
  const pcm = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => pcm.writeInt16LE(s, i * 2));
  return Buffer.concat([wavHeader(pcm.length, { sampleRate, channels }), pcm]);
}

describe('computePeaks', () => {
  it('gives one peak per 10 ms: the loudest sample in it, from 0 to 1', () => {
    // 30 ms at 16 kHz: silence, a loud click, a quiet stretch.
    const samples = [...new Array(160).fill(0), ...new Array(159).fill(0), -32768, ...new Array(160).fill(3277)];
    const p = computePeaks(wav(samples));
    expect(p.peaksPerSecond).toBe(100);
    expect(p.durationSeconds).toBeCloseTo(0.03, 5);
    expect(p.peaks).toEqual([0, 1, 0.1]);
  });

  it('folds stereo channels and follows the file rate', () => {
    const p = computePeaks(wav([100, -16384, 0, 0], 200, 2)); // 2 frames at 200 Hz: one peak of 2 frames
    expect(p.peaks).toEqual([0.5]);
    expect(p.durationSeconds).toBeCloseTo(0.01, 5);
  });
});
