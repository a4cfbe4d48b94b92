import { readFileSync } from 'node:fs';
import { readWavInfo } from '../../src-main/core/audio/wav';
import type { Core } from './core';

/** The 16-bit PCM samples of a WAV file (its data chunk). */
export function pcmOf(wav: string): Buffer {
  const buf = readFileSync(wav);
  const info = readWavInfo(buf);
  return buf.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
}

/** Feeds a WAV to a recording in 250 ms chunks, as the app sends them; returns its length in seconds. */
export function feedAnswer(core: Core, recordingId: string, wav: string): number {
  const pcm = pcmOf(wav);
  let seq = 0;
  for (let off = 0; off < pcm.length; off += 8000)
    core.recording.append(recordingId, seq++, pcm.subarray(off, off + 8000));
  return pcm.length / 2 / 16000;
}
