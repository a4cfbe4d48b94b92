/**
 * The bad-input cases through a real bridge process, as a page would send them: each answered
 * with its clear message (a 4xx-style error envelope, no stack), while another call made during
 * it is answered within a second (the bridge never freezes on one bad input).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from '../../support/bridge-process';
import { tempDir } from '../../support/paths';

let bridge: BridgeProcess;
beforeAll(async () => {
  bridge = await startBridgeProcess(
    { SPARRING_DATA_DIR: tempDir('sparring-responsive-') },
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

function lyingZip(): string {
  const zip = zipSync({ 'pack/a.yaml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 1000, true);
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
  }
  return Buffer.from(zip).toString('base64');
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
    ['a FIFO as the speech model', 'models.use', () => ({ path: fifo() })],
  ])(
    '%s: a clear answer, and another call answered within a second',
    async (_name, method, args) => {
      const bad = call(method, args());
      await new Promise((resolve) => setTimeout(resolve, 20));
      const other = await call('app.info', {});
      const answer = await bad;
      expect(other.body.ok).toBe(true);
      expect(other.ms).toBeLessThan(1000);
      if (answer.body.ok) {
        // designer.check answers with the problems as a result, not an error
        expect(method).toBe('designer.check');
      } else {
        expect(answer.body.error!.code).not.toBe('internal');
        expect(answer.body.error!.message).not.toMatch(/\n\s+at /);
      }
    },
    30_000,
  );
});
