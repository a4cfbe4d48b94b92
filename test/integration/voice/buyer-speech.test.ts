/**
 * How core voices a buyer line: the scenario's clip when it ships one; else, when configured, an
 * OpenAI-compatible text-to-speech endpoint (a local server here) synthesised once and cached on
 * disk; else the system voice in the UI. A dead endpoint gives a clear message.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConfig } from '../../../src-main/core';
import { makeCore } from '../../support/core';
import { speechWav, tempDir } from '../../support/paths';

const requests: { url: string; body: { model: string; voice: string; input: string; response_format: string } }[] = [];
let server: Server;
let baseUrl: string;
const WAV = () => readFileSync(speechWav('short-answer'));

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      requests.push({ url: req.url!, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(WAV());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

/** A data directory with one user scenario: a clip on its first line, none on the second, a persona voice. */
function dataDirWithScenario(): string {
  const dataDir = tempDir();
  const pack = join(dataDir, 'scenarios', 'voiced');
  mkdirSync(join(pack, 'clips'), { recursive: true });
  writeFileSync(join(pack, 'clips', 'hello.wav'), WAV());
  writeFileSync(
    join(pack, 'voiced.yaml'),
    'id: voiced\ntitle: Voiced\npersona: {name: A, role: B, company: C, voice: onyx}\nturns:\n' +
      '  - id: t1\n    buyer: "Hello there."\n    audio: clips/hello.wav\n    criteria: [open-question]\n' +
      '  - id: t2\n    buyer: "What do you want?"\n    criteria: [open-question]\n',
  );
  return dataDir;
}

const core = (dataDir: string, speech: CoreConfig['speech']) =>
  makeCore(dataDir, { modelPath: null, speech, judge: null });

describe('buyer line voice', () => {
  it("serves the scenario's own clip by scenario and turn id, and nothing outside by that route", async () => {
    const dataDir = dataDirWithScenario();
    const c = core(dataDir, null);
    const line = await c.voice.buyerLine('voiced', 't1');
    expect(line).toEqual({ mediaPath: 'scenario-clip/voiced/t1', source: 'clip' });
    expect(readFileSync(c.voice.mediaFile(line.mediaPath!))).toEqual(WAV());
    expect(() => c.voice.mediaFile('scenario-clip/voiced/t2')).toThrow(/audio clip for turn "t2"/);
    expect(() => c.voice.mediaFile('scenario-clip/../../etc/passwd')).toThrow();
    expect(() => c.voice.mediaFile('../outside.wav')).toThrow(/outside the Sparring data directory/);
    // Without a speech endpoint, a line with no clip is left to the system voice.
    expect(await c.voice.buyerLine('voiced', 't2')).toEqual({ mediaPath: null, source: 'system' });
    c.close();
  });

  it('synthesises a line once through the endpoint, with the persona voice, then plays it from the cache', async () => {
    const dataDir = dataDirWithScenario();
    const c = core(dataDir, { baseUrl, model: 'tts-test', defaultVoice: 'alloy' });
    requests.length = 0;
    const first = await c.voice.buyerLine('voiced', 't2');
    expect(first.source).toBe('synthesized');
    expect(first.mediaPath).toMatch(/^voice-cache\/[0-9a-f]{64}\.wav$/);
    expect(requests).toEqual([
      {
        url: '/v1/audio/speech',
        body: expect.objectContaining({
          model: 'tts-test',
          voice: 'onyx',
          input: 'What do you want?',
          response_format: 'wav',
        }),
      },
    ]);
    expect(readFileSync(c.voice.mediaFile(first.mediaPath!))).toEqual(WAV());
    const again = await c.voice.buyerLine('voiced', 't2');
    expect(again).toEqual(first);
    expect(requests).toHaveLength(1); // the second time comes from disk
    // A line with its own clip never goes to the endpoint.
    expect((await c.voice.buyerLine('voiced', 't1')).source).toBe('clip');
    expect(requests).toHaveLength(1);
    c.close();
  });

  it('says clearly when the endpoint does not answer, and caches nothing', async () => {
    const dataDir = dataDirWithScenario();
    const c = core(dataDir, {
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'tts-test',
      defaultVoice: 'alloy',
      timeoutMs: 2000,
    });
    await expect(c.voice.buyerLine('voiced', 't2')).rejects.toThrow(
      /The voice service at http:\/\/127.0.0.1:9\/v1 did not answer .*the line is shown as text/,
    );
    expect(existsSync(join(dataDir, 'voice-cache'))).toBe(false);
    c.close();
  });
});
