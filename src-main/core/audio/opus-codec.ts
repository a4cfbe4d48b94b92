import OpusScript from 'opusscript';
import { mono16k } from './mono-16k';
import { wavHeader } from './wav';

/**
 * Answers travel to the team store as Opus, not WAV: a minute of 16 kHz speech is 1.9 MB as WAV
 * and about 0.13 MB here (16 kbit/s, the bitrate Opus itself recommends for wideband speech).
 * The local WAV stays the master; this copy is for listening to on another desk.
 *
 * The container is ours and minimal, since nothing but Sparring reads it: "SPOP", a version byte,
 * the sample count, then each 20 ms packet as a 16-bit length and its bytes. Ogg would add pages,
 * granule positions and CRCs that buy nothing for a blob stored whole in one database row.
 */
const MAGIC = 'SPOP';
const VERSION = 1;
const RATE = 16000;
const FRAME = 320; // 20 ms at 16 kHz
export const OPUS_BITRATE = 16_000;

export function encodeSpeech(wav: Buffer, name = 'audio'): Uint8Array {
  const samples = mono16k(wav, name);
  const encoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);
  try {
    encoder.setBitrate(OPUS_BITRATE);
    const parts: Buffer[] = [];
    const head = Buffer.alloc(9);
    head.write(MAGIC, 0, 'ascii');
    head.writeUInt8(VERSION, 4);
    head.writeUInt32LE(samples.length, 5);
    parts.push(head);
    const frame = Buffer.alloc(FRAME * 2);
    for (let at = 0; at < samples.length; at += FRAME) {
      frame.fill(0);
      const n = Math.min(FRAME, samples.length - at);
      for (let i = 0; i < n; i++) frame.writeInt16LE(samples[at + i]!, i * 2);
      const packet = encoder.encode(frame, FRAME);
      const len = Buffer.alloc(2);
      len.writeUInt16LE(packet.length);
      parts.push(len, Buffer.from(packet));
    }
    return Buffer.concat(parts);
  } finally {
    encoder.delete();
  }
}

/**
 * Back to a 16 kHz mono WAV of the original length; a damaged blob is refused with a plain message,
 * and so is one claiming more than `maxSeconds` (checked before anything is allocated: the header
 * is someone else's word).
 */
export function decodeSpeech(blob: Uint8Array, maxSeconds = 3600): Buffer {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.length < 9 || buf.toString('ascii', 0, 4) !== MAGIC || buf.readUInt8(4) !== VERSION)
    throw new Error('The team copy of this answer is not Sparring Opus audio.');
  const total = buf.readUInt32LE(5);
  if (total > Math.min(maxSeconds, 3600) * RATE)
    throw new Error(`The team copy of this answer claims ${Math.round(total / RATE)} s, longer than the answer.`);
  const pcm = Buffer.alloc(total * 2);
  const decoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);
  try {
    let at = 9;
    let written = 0;
    while (at + 2 <= buf.length && written < pcm.length) {
      const len = buf.readUInt16LE(at);
      if (at + 2 + len > buf.length) throw new Error('The team copy of this answer is cut short.');
      const out = decoder.decode(buf.subarray(at + 2, at + 2 + len));
      written += out.copy(pcm, written, 0, Math.min(out.length, pcm.length - written));
      at += 2 + len;
    }
    if (written < pcm.length) throw new Error('The team copy of this answer is cut short.');
  } finally {
    decoder.delete();
  }
  return Buffer.concat([wavHeader(pcm.length, { sampleRate: RATE, channels: 1 }), pcm]);
}
