/**
 * The bad-input cases through a real bridge process, as a page would send them: each answered
 * with its clear message (a 4xx-style error envelope, no stack), while another call made during
 * it is answered within a second (the bridge never freezes on one bad input).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from '../../support/bridge-process';
import { TINY_MODEL, tempDir } from '../../support/paths';

let bridge: BridgeProcess;
const dataDir = tempDir('sparring-responsive-');
beforeAll(async () => {
  bridge = await startBridgeProcess(
    { SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL },
    {
      person: { name: 'Dana Designer', roles: ['designer', 'rep'] },
    },
  );
}, 30_000);
afterAll(() => bridge?.stop());

/** One API call's envelope and how long it took. */
async function call(method: string, args: unknown) {
  const url = new URL(bridge.url);
  const started = performance.now();
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sparring-token': url.searchParams.get('token')! },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
  return { body, ms: performance.now() - started };
}

function lyingZip(name = 'pack/a.yaml'): string {
  const zip = zipSync({ [name]: new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 1000, true);
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
  }
  return Buffer.from(zip).toString('base64');
}

/** A one-second WAV whose header says something else (`change` edits the 44-byte header). */
function lyingWav(change: (header: Buffer) => void): string {
  const data = Buffer.alloc(32_000);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  change(header);
  return Buffer.concat([header, data]).toString('base64');
}

/** Bad files dropped into the user's scenario folder on disk, then the catalog read through the bridge. */
function badFilesOnDisk() {
  const dir = join(dataDir, 'scenarios', 'broken');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bomb.yaml'), bomb);
  writeFileSync(join(dir, 'mistakes.yaml'), mistakes);
  writeFileSync(join(dir, 'utf16.yaml'), Buffer.from('\ufeffid: x\n', 'utf16le'));
  writeFileSync(join(dir, 'huge.yaml'), `id: huge\n#${'x'.repeat(600_000)}\n`);
  return {};
}

const fifo = () => {
  const path = join(tempDir(), 'model.bin');
  execFileSync('mkfifo', [path]);
  return path;
};
const mistakes = `id: m\nturns:\n${Array.from({ length: 12_000 }, (_, i) => `  - {id: 7, buyer: ${i}}`).join('\n')}\n`;
const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  .concat('bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .concat('title: *i')
  .join('\n');

describe('the bridge during bad input', () => {
  it.each([
    ['an alias with no anchor', 'designer.check', () => ({ source: 'user', file: 'm/a.yaml', text: 'title: *nope' })],
    ['an alias bomb', 'designer.check', () => ({ source: 'user', file: 'm/a.yaml', text: bomb })],
    ['12,000 mistakes', 'designer.check', () => ({ source: 'user', file: 'm/a.yaml', text: mistakes })],
    ['a rubric saved by the designer', 'designer.save', () => ({ file: 'rubrics/x.yaml', text: 'id: x' })],
    ['a zip entry lying about its size', 'designer.importPack', () => ({ fileName: 'bomb.zip', zip: lyingZip() })],
    ['a FIFO as the speech model', 'models.use', () => ({ path: fifo() }), /is not a regular file/],
    ['bad scenario files on disk (a bomb, 12,000 mistakes, UTF-16, 600 kB)', 'scenarios.list', badFilesOnDisk],
    [
      'a WAV claiming 1 Hz',
      'transcription.transcribe',
      () => ({ wav: lyingWav((h) => h.writeUInt32LE(1, 24)) }),
      /sample rate is 1 Hz/,
    ],
    [
      'a compressed WAV',
      'transcription.transcribe',
      () => ({ wav: lyingWav((h) => h.writeUInt16LE(85, 20)) }),
      /compressed|PCM/i,
    ],
    [
      'an attempts bundle that is not a zip',
      'bundles.import',
      () => ({ fileName: 'x.sparring-attempts', zip: Buffer.from('not a zip at all').toString('base64') }),
      /not a readable zip/,
    ],
    [
      'an attempts bundle whose entries lie about their size',
      'bundles.import',
      () => ({ fileName: 'x.sparring-attempts', zip: lyingZip('manifest.json') }),
      /unpacks to more than the 1000 bytes it declares/,
    ],
  ])(
    '%s: a clear answer, and another call answered within a second',
    async (_name, method, args, expected?: RegExp) => {
      const bad = call(method, args());
      await new Promise((resolve) => setTimeout(resolve, 20));
      const other = await call('app.info', {});
      const answer = await bad;
      expect(other.body.ok).toBe(true);
      expect(other.ms).toBeLessThan(1000);
      if (answer.body.ok) {
        // designer.check and the catalog answer with the problems as a result, not an error
        expect(['designer.check', 'scenarios.list']).toContain(method);
      } else {
        expect(answer.body.error!.code).not.toBe('internal');
        expect(answer.body.error!.message).not.toMatch(/\n\s+at /);
        if (expected) expect(answer.body.error!.message).toMatch(expected);
      }
    },
    30_000,
  );
});
