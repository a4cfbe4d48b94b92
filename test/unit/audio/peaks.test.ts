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
    // 80 stereo frames at 8 kHz (the lowest rate read): 10 ms, one peak.
    const samples = new Array<number>(160).fill(0);
    samples[0] = 100;
    samples[1] = -16384;
    const p = computePeaks(wav(samples, 8000, 2));
    expect(p.peaks).toEqual([0.5]);
    expect(p.durationSeconds).toBeCloseTo(0.01, 5);
  });
});
