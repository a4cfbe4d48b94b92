/**
 * The downloader against a local HTTP server serving a generated file (the real model host
 * cannot be reached here): progress, resume with Range, checksum, clear offline message.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModel, type DownloadProgress } from '../../../src-main/core/models/model-download';
import { tempDir } from '../../support/paths';

const body = randomBytes(3_000_000);
const sha1 = createHash('sha1').update(body).digest('hex');
let server: Server;
let base: string;
const seen: { range?: string }[] = [];
let cutAfter: number | null = null; // when set, the next response stops after this many bytes

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ range: req.headers.range });
    if (req.url !== '/ggml-tiny.en.bin') {
      res.writeHead(404).end();
      return;
    }
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m ? Number(m[1]) : 0;
    if (start >= body.length) {
      res.writeHead(416).end();
      return;
    }
    const slice = body.subarray(start);
    res.writeHead(m ? 206 : 200, {
      'content-length': slice.length,
      ...(m ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (cutAfter !== null) {
      const n = cutAfter;
      cutAfter = null;
      res.write(slice.subarray(0, n), () => res.destroy());
    } else res.end(slice);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('model download', () => {
  it('downloads with progress and verifies the checksum', async () => {
    const dir = tempDir();
    const progress: DownloadProgress[] = [];
    const result = await downloadModel({
      name: 'tiny.en',
      destDir: dir,
      baseUrl: base,
      expectedSha1: sha1,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ path: join(dir, 'ggml-tiny.en.bin'), bytes: body.length, resumedFrom: 0 });
    expect(readFileSync(result.path).equals(body)).toBe(true);
    expect(progress.at(-1)).toEqual({ receivedBytes: body.length, totalBytes: body.length, resumedFrom: 0 });
    expect(progress.length).toBeGreaterThan(1);
    expect(existsSync(`${result.path}.partial`)).toBe(false);
  });

  it('resumes an interrupted download from where it stopped', async () => {
    const dir = tempDir();
    cutAfter = 1_000_000;
    await expect(
      downloadModel({ name: 'tiny.en', destDir: dir, baseUrl: base, expectedSha1: sha1 }),
    ).rejects.toMatchObject({ code: 'download_interrupted' });
    const partial = join(dir, 'ggml-tiny.en.bin.partial');
    const kept = statSync(partial).size;
    expect(kept).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'ggml-tiny.en.bin'))).toBe(false); // never used while incomplete
    seen.length = 0;
    const result = await downloadModel({ name: 'tiny.en', destDir: dir, baseUrl: base, expectedSha1: sha1 });
    expect(seen[0]!.range).toBe(`bytes=${kept}-`);
    expect(result.resumedFrom).toBe(kept);
    expect(readFileSync(result.path).equals(body)).toBe(true);
  });

  it('deletes a download whose checksum does not match, and says so', async () => {
    const dir = tempDir();
    await expect(
      downloadModel({ name: 'tiny.en', destDir: dir, baseUrl: base, expectedSha1: '0'.repeat(40) }),
    ).rejects.toMatchObject({
      code: 'checksum_mismatch',
      message: expect.stringMatching(/damaged.*download it again/),
    });
    expect(existsSync(join(dir, 'ggml-tiny.en.bin'))).toBe(false);
    expect(existsSync(join(dir, 'ggml-tiny.en.bin.partial'))).toBe(false);
  });

  it('checks the catalogue checksum by default (a file that is not the real model is refused)', async () => {
    await expect(downloadModel({ name: 'tiny.en', destDir: tempDir(), baseUrl: base })).rejects.toMatchObject({
      code: 'checksum_mismatch',
    });
  });

  it('gives a clear message when offline', async () => {
    await expect(
      downloadModel({ name: 'tiny.en', destDir: tempDir(), baseUrl: 'http://127.0.0.1:9', expectedSha1: sha1 }),
    ).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringMatching(/Could not reach .*resumes/),
    });
  });

  it('reports a server error plainly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), '');
    await expect(
      downloadModel({ name: 'base.en', destDir: dir, baseUrl: base, expectedSha1: sha1 }),
    ).rejects.toMatchObject({ code: 'download_failed', message: expect.stringMatching(/404/) });
  });
});
