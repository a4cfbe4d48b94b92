/**
 * The bridge's guards at the edges of a call: the events WebSocket only for the bridge's own page
 * (Origin and token), and a body over the size limit answered with a 413, not a reset connection.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_BUNDLE_BYTES } from '../../../src-main/api/contract';
import { startWebBridge, type WebBridge } from '../../../src-main/web/server';
import { type Core, makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

let core: Core;
let bridge: WebBridge;
const ownOrigin = () => `http://127.0.0.1:${bridge.port}`;
const eventsUrl = (token = bridge.token) => `ws://127.0.0.1:${bridge.port}/events?token=${token}`;
/** The server's limit, as it derives it: the largest bundle in base64, plus room for the JSON around it. */
const MAX_BODY_BYTES = Math.ceil(MAX_BUNDLE_BYTES / 3) * 4 + 64 * 1024;

beforeAll(async () => {
  core = makeCore(join(tempDir(), 'data'), { modelPath: null });
  bridge = await startWebBridge({ core, staticDir: tempDir(), version: 'test' });
});

afterAll(async () => {
  await bridge.close();
  core.close();
});

type Upgrade = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

/** Opens the events WebSocket as a browser page at `origin` would (undefined: a client sending none). */
function openEvents(origin: string | undefined, url = eventsUrl()): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ opened: false, status: res.statusCode!, body }));
    });
    socket.once('error', reject);
  });
}

function call(method: string, body: RequestInit['body'], init: RequestInit = {}) {
  return fetch(`${ownOrigin()}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sparring-token': bridge.token },
    body,
    ...init,
  });
}

describe('events WebSocket', () => {
  it.each([
    ['another site', 'http://evil.example'],
    ['a look-alike of our origin', 'http://127.0.0.1:1'],
    ['a page on another scheme', 'https://127.0.0.1'],
    ['the literal "null" origin (a sandboxed frame or a file)', 'null'],
    ['a client sending no Origin at all', undefined],
  ])('refuses %s with a 403, even with the right token', async (_who, origin) => {
    const upgrade = await openEvents(origin);
    expect(upgrade).toMatchObject({ opened: false, status: 403 });
    const { body } = upgrade as { body: string };
    expect(JSON.parse(body)).toEqual({
      ok: false,
      error: { code: 'bad_origin', message: expect.stringMatching(/only from this bridge's own page/) },
    });
  });

  it('accepts our own page with the token, and pushes core events to it', async () => {
    const upgrade = await openEvents(ownOrigin());
    expect(upgrade.opened).toBe(true);
    const { socket } = upgrade as { socket: WebSocket };
    try {
      const received = new Promise<unknown>((resolve) => socket.once('message', (d) => resolve(JSON.parse(`${d}`))));
      const event = { type: 'turn.stage', attemptId: 7, step: 0, stage: 'saving' } as const;
      core.events.emit(event);
      expect(await received).toEqual(event);
    } finally {
      socket.close();
    }
  });

  it('still needs the token from our own page', async () => {
    expect(await openEvents(ownOrigin(), eventsUrl('wrong'))).toMatchObject({ opened: false, status: 401 });
  });
});

describe('request body limit', () => {
  const expectTooLarge = async (res: Response) => {
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'body_too_large', message: expect.stringContaining(`at most ${MAX_BODY_BYTES} bytes`) },
    });
  };
  const expectStillAnswering = async () => {
    const res = await call('app.info', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { version: 'test', transport: 'web' } });
  };

  it('accepts a body right at the limit (then refuses it for what it is, not for its size)', async () => {
    const res = await call('app.info', Buffer.alloc(MAX_BODY_BYTES, ' '));
    expect(res.status).toBe(400);
  });

  it('answers a body one byte over the limit (with Content-Length) with a 413, then serves the next call', async () => {
    await expectTooLarge(await call('app.info', Buffer.alloc(MAX_BODY_BYTES + 1, ' ')));
    await expectStillAnswering();
  });

  it('answers an oversized streamed body (no Content-Length) with a 413, then serves the next call', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    await expectTooLarge(await call('app.info', stream, { duplex: 'half' } as RequestInit));
    await expectStillAnswering();
  });
});
