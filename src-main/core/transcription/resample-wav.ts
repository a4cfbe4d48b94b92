import { readFileSync, writeFileSync } from 'node:fs';
import { mono16k } from '../audio/mono-16k';
import { readWavInfo, wavHeader } from '../audio/wav';

/**
 * whisper.cpp 1.5 reads only 16 kHz WAV. Files from elsewhere (espeak-ng writes 22,050 Hz,
 * a phone recording may be 44.1 kHz stereo) are mixed to mono and linearly resampled here.
 * Returns false when the file is already in whisper's format and needs no copy.
 */
export function convertTo16kMono(input: string, output: string): boolean {
  const buf = readFileSync(input);
  const info = readWavInfo(buf, input);
  if (info.sampleRate === 16000 && info.channels === 1 && info.bitsPerSample === 16) return false;
  const samples = mono16k(buf, input);
  const out = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  writeFileSync(output, Buffer.concat([wavHeader(out.length, { sampleRate: 16000, channels: 1 }), out]));
  return true;
}
