import { readWavInfo } from './wav';

/** The samples of a 16-bit WAV as 16 kHz mono (mixed down and linearly resampled when needed). */
export function mono16k(buf: Buffer, name = 'audio'): Int16Array {
  const info = readWavInfo(buf, name);
  if (info.bitsPerSample !== 16)
    throw new Error(`${name} is ${info.bitsPerSample}-bit audio; Sparring reads 16-bit PCM WAV.`);
  const frames = Math.floor(info.dataBytes / (2 * info.channels));
  if (info.sampleRate === 16000 && info.channels === 1) {
    const out = new Int16Array(frames);
    for (let i = 0; i < frames; i++) out[i] = buf.readInt16LE(info.dataOffset + i * 2);
    return out;
  }
  const mono = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < info.channels; c++) sum += buf.readInt16LE(info.dataOffset + (f * info.channels + c) * 2);
    mono[f] = sum / info.channels;
  }
  const outFrames = Math.floor((frames * 16000) / info.sampleRate);
  const out = new Int16Array(outFrames);
  const step = info.sampleRate / 16000;
  for (let i = 0; i < outFrames; i++) {
    const pos = i * step;
    const i0 = Math.floor(pos);
    const frac = pos - i0;
    const v = (mono[i0] ?? 0) * (1 - frac) + (mono[Math.min(i0 + 1, frames - 1)] ?? 0) * frac;
    out[i] = Math.max(-32768, Math.min(32767, Math.round(v)));
  }
  return out;
}
