import { readFileSync, writeFileSync } from 'node:fs';
import { readWavInfo, wavHeader } from '../audio/wav';

/**
 * whisper.cpp 1.5 reads only 16 kHz WAV. Files from elsewhere (espeak-ng writes 22,050 Hz,
 * a phone recording may be 44.1 kHz stereo) are mixed to mono and linearly resampled here.
 * Returns false when the file is already in whisper's format and needs no copy.
 */
export function convertTo16kMono(input: string, output: string): boolean {
  const buf = readFileSync(input);
  const info = readWavInfo(buf, input);
  if (info.bitsPerSample !== 16)
    throw new Error(`${input} is ${info.bitsPerSample}-bit audio; Sparring reads 16-bit PCM WAV.`);
  if (info.sampleRate === 16000 && info.channels === 1) return false;
  const frames = Math.floor(info.dataBytes / (2 * info.channels));
  const mono = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < info.channels; c++) sum += buf.readInt16LE(info.dataOffset + (f * info.channels + c) * 2);
    mono[f] = sum / info.channels;
  }
  const outFrames = Math.floor((frames * 16000) / info.sampleRate);
  const out = Buffer.alloc(outFrames * 2);
  const step = info.sampleRate / 16000;
  for (let i = 0; i < outFrames; i++) {
    const pos = i * step;
    const i0 = Math.floor(pos);
    const frac = pos - i0;
    const v = (mono[i0] ?? 0) * (1 - frac) + (mono[Math.min(i0 + 1, frames - 1)] ?? 0) * frac;
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v))), i * 2);
  }
  writeFileSync(output, Buffer.concat([wavHeader(out.length, { sampleRate: 16000, channels: 1 }), out]));
  return true;
}
