/**
 * Bad input: WAV headers that lie. Each case through `sparring transcribe` (the CLI, real
 * whisper.cpp with the generated model): the clear message expected, exit 1, no stack trace, and
 * nothing left behind in the data folder's tmp/. A header claiming three hours for a second of
 * audio is read as the second it holds.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wavHeader } from '../../../src-main/core/audio/wav';
import { runSparring } from '../../support/cli';
import { TINY_MODEL, speechWav, tempDir } from '../../support/paths';

const speech = readFileSync(speechWav('open-question'));
const pcm = speech.subarray(44);

/** A WAV with a proper header and then one field changed. */
function wav(change: (header: Buffer) => void, data: Buffer = pcm.subarray(0, 32_000)): Buffer {
  const header = wavHeader(data.length, { sampleRate: 16000, channels: 1 });
  change(header);
  return Buffer.concat([header, data]);
}

const dataDir = tempDir('sparring-bad-audio-');
function transcribe(bytes: Buffer) {
  const file = join(tempDir(), 'answer.wav');
  writeFileSync(file, bytes);
  return runSparring(['transcribe', file, '--model', TINY_MODEL, '--json'], {
    env: { ...process.env, SPARRING_DATA_DIR: dataDir },
  });
}

describe('WAV headers that lie', () => {
  it.each([
    ['a rate of 1 Hz', (h: Buffer) => h.writeUInt32LE(1, 24), /sample rate is 1 Hz; Sparring reads 8 to 192 kHz/],
    ['a rate of 4 GHz', (h: Buffer) => h.writeUInt32LE(4_000_000_000, 24), /sample rate is 4000000000 Hz/],
    ['no channels', (h: Buffer) => h.writeUInt16LE(0, 22), /says it has 0 channels; Sparring reads 1 to 8/],
    ['compressed (IMA ADPCM)', (h: Buffer) => h.writeUInt16LE(0x11, 20), /is compressed WAV audio \(format 17\)/],
    ['8-bit samples', (h: Buffer) => h.writeUInt16LE(8, 34), /is 8-bit audio; Sparring reads 16-bit PCM WAV/],
    ['not a WAV at all', (h: Buffer) => h.write('RIFX', 0, 'ascii'), /is not a WAV file/],
  ])(
    '%s: a clear message before whisper.cpp sees it',
    (_name, change, message) => {
      const r = transcribe(wav(change));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/answer\.wav/);
      expect(r.stderr).not.toMatch(/\n\s+at |model could not be loaded/);
      expect(!existsSync(join(dataDir, 'tmp')) || readdirSync(join(dataDir, 'tmp')).length === 0).toBe(true);
    },
    30_000,
  );

  it('a header claiming three hours for one second is read as the second it holds', () => {
    const r = transcribe(wav((h) => h.writeUInt32LE(16000 * 2 * 3 * 3600, 40)));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { words: { end: number }[] };
    for (const w of out.words) expect(w.end).toBeLessThanOrEqual(1.05);
  }, 30_000);
});
