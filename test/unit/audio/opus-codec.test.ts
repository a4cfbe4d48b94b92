import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSpeech, encodeSpeech } from '../../../src-main/core/audio/opus-codec';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import { speechWav } from '../../support/paths';

describe('opus codec (team store audio)', () => {
  it('compresses speech below 0.25 MB a minute and decodes it to a 16 kHz WAV of the same length', () => {
    // espeak-ng writes 22,050 Hz: resampled to 16 kHz mono on the way in.
    const wav = readFileSync(speechWav('open-question'));
    const seconds = readWavInfo(wav).durationSeconds;
    const opus = encodeSpeech(wav);
    expect(opus.length / 1048576 / (seconds / 60)).toBeLessThan(0.25);
    const back = decodeSpeech(opus);
    const info = readWavInfo(back);
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
    expect(Math.abs(info.durationSeconds - seconds)).toBeLessThan(0.01);
    // Speech survives: the decoded copy is not silence.
    let energy = 0;
    for (let i = info.dataOffset; i < back.length; i += 2) energy += Math.abs(back.readInt16LE(i));
    expect(energy / ((back.length - info.dataOffset) / 2)).toBeGreaterThan(100);
  });

  it('refuses what is not its own format, and a copy cut short', () => {
    expect(() => decodeSpeech(new Uint8Array([1, 2, 3]))).toThrow(/not Sparring Opus audio/);
    const opus = encodeSpeech(readFileSync(speechWav('short-answer')));
    expect(() => decodeSpeech(opus.subarray(0, opus.length - 50))).toThrow(/cut short/);
    // A header claiming hours is refused before anything that size is allocated.
    const claims = Buffer.from(opus);
    claims.writeUInt32LE(16000 * 3000, 5);
    expect(() => decodeSpeech(claims, 10)).toThrow(/claims 3000 s, longer than the answer/);
  });
});
