/** Recorded audio is served from the data directory only, with Range support for seeking. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, makeCore } from '../../support/core';
import { startWebBridge, type WebBridge } from '../../../src-main/web/server';
import { tempDir } from '../../support/paths';

let core: Core;
let bridge: WebBridge;
const outside = tempDir('sparring-outside-');

beforeAll(async () => {
  const dataDir = join(tempDir(), 'data');
  core = makeCore(dataDir, { modelPath: null });
  mkdirSync(join(dataDir, 'audio', 'ab'), { recursive: true });
  writeFileSync(join(dataDir, 'audio', 'ab', 'clip.wav'), Buffer.from('0123456789'));
  writeFileSync(join(outside, 'secret.txt'), 'top secret');
  bridge = await startWebBridge({ core, staticDir: tempDir(), version: 'test' });
});

afterAll(async () => {
  await bridge.close();
  core.close();
});

/** Raw GET, so paths like /media/../x reach the server unnormalised (fetch would clean them). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, headers: { host: `127.0.0.1:${bridge.port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('media route', () => {
  const t = () => `token=${bridge.token}`;

  it('streams a recording inside the data directory, whole or by range', async () => {
    expect(await get(`/media/audio/ab/clip.wav?${t()}`)).toMatchObject({ status: 200, body: '0123456789' });
    const part = await get(`/media/audio/ab/clip.wav?${t()}`, { range: 'bytes=2-4' });
    expect(part).toMatchObject({ status: 206, body: '234' });
    expect(part.headers['content-range']).toBe('bytes 2-4/10');
  });

  it.each([
    '/media/../../../../etc/passwd',
    '/media/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/media/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/media/%2fetc%2fpasswd',
  ])('refuses %s (outside the data directory)', async (path) => {
    const res = await get(`${path}?${t()}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/outside the Sparring data directory/);
    expect(res.body).not.toMatch(/root:/);
  });

  it('refuses a sibling folder reached with ../', async () => {
    const rel = `../../${outside.split('/').pop()}/secret.txt`;
    const res = await get(`/media/${encodeURIComponent(rel)}?${t()}`);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('top secret');
  });

  it('serves only answers and buyer voices: not the database, settings or anything else in the folder', async () => {
    for (const path of ['sparring.db', 'settings.json', 'audio/ab/notes.txt', 'recordings/x.wav']) {
      const res = await get(`/media/${path}?${t()}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('does not follow a link inside the data folder to a file outside it', async () => {
    writeFileSync(join(outside, 'secret.wav'), 'top secret');
    symlinkSync(join(outside, 'secret.wav'), join(core.dataDir, 'audio', 'ab', 'link.wav'));
    symlinkSync(outside, join(core.dataDir, 'audio', 'elsewhere'));
    for (const path of ['audio/ab/link.wav', 'audio/elsewhere/secret.wav']) {
      const res = await get(`/media/${path}?${t()}`);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('top secret');
    }
  });

  it('answers a malformed escape with 400, not a server error', async () => {
    expect((await get(`/media/audio/%E0%A4%A/x.wav?${t()}`)).status).toBe(400);
  });

  it('needs the token', async () => {
    expect((await get('/media/audio/ab/clip.wav')).status).toBe(401);
  });
});
