import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import { WavAppendWriter } from '../../../src-main/core/audio/wav-append-writer';
import { tempDir } from '../../support/paths';

const samples = (n: number, value = 1000) => {
  const b = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) b.writeInt16LE(value, i * 2);
  return b;
};

describe('WavAppendWriter', () => {
  it('writes every chunk to disk as it arrives, and a complete header on finish', () => {
    const path = join(tempDir(), 'a.wav');
    const w = new WavAppendWriter(path);
    w.append(samples(8000));
    // Before finish the audio is already in the file (a crash would not lose it).
    expect(readFileSync(path).length).toBe(44 + 16000);
    w.append(samples(8000));
    w.finish();
    const info = readWavInfo(readFileSync(path));
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16, dataBytes: 32000 });
    expect(info.durationSeconds).toBeCloseTo(1, 5);
  });

  it('rejects half samples and appends after finish', () => {
    const w = new WavAppendWriter(join(tempDir(), 'b.wav'));
    expect(() => w.append(new Uint8Array(3))).toThrow(/whole 16-bit samples/);
    w.finish();
    expect(() => w.append(samples(2))).toThrow(/already finished/);
  });
});

describe('readWavInfo', () => {
  it('explains a file that is not a WAV', () => {
    expect(() => readWavInfo(Buffer.from('hello world, not audio'), 'x.txt')).toThrow('x.txt is not a WAV file');
  });
});

describe('repairWavHeader', () => {
  it('rebuilds the header of a recording that was never finished, keeping whole samples', async () => {
    const { repairWavHeader } = await import('../../../src-main/core/audio/wav-append-writer');
    const { appendFileSync } = await import('node:fs');
    const path = join(tempDir(), 'cut.wav');
    const w = new WavAppendWriter(path);
    w.append(samples(16000)); // 1 s
    w.abandon(); // the process died: header still says 0 bytes
    appendFileSync(path, Buffer.from([1])); // and half a sample was being written
    expect(readWavInfo(readFileSync(path)).dataBytes).toBe(0);
    expect(repairWavHeader(path)).toBeCloseTo(1, 5);
    const info = readWavInfo(readFileSync(path));
    expect(info.dataBytes).toBe(32000);
    expect(readFileSync(path).length).toBe(44 + 32000);
  });
});
