import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_BUNDLE_BYTES } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { mediaResponse } from '../api/media-response';
import { type Core, resolveInside } from '../core';

export interface WebBridgeOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  version: string;
  port?: number;
  token?: string;
}

export interface WebBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Big enough for the largest attempts bundle (base64); every method's own schema sets its real limit. */
const MAX_BODY_BYTES = Math.ceil(MAX_BUNDLE_BYTES / 3) * 4 + 64 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLargeError extends Error {
  constructor() {
    super(
      `Request body is too large: the bridge accepts at most ${MAX_BODY_BYTES} bytes ` +
        `(${(MAX_BODY_BYTES / 1024 / 1024).toFixed(1)} MB) per call.`,
    );
  }
}

/**
 * The body as text, or BodyTooLargeError past MAX_BODY_BYTES. An oversized body is refused as soon
 * as it is known (its Content-Length, or the first chunk over the limit), but the rest is still read
 * and thrown away rather than the socket destroyed: the client then gets the 413 instead of a reset
 * connection, and the connection stays usable. Only token holders get this far.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    // Left unread, Node discards the body itself once the 413 is sent.
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return reject(new BodyTooLargeError());
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        reject(new BodyTooLargeError());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Refuses a WebSocket upgrade with a plain HTTP answer (the socket is not a WebSocket yet), in the
 * same JSON shape as the other errors, so a browser's network panel says why.
 */
function refuseUpgrade(socket: Duplex, status: number, code: string, message: string) {
  const body = JSON.stringify({ ok: false, error: { code, message } });
  // Closed once the answer is flushed, so a client that never hangs up holds no socket open.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}

/**
 * Serves the unchanged renderer and the API contract to an ordinary browser, on 127.0.0.1 only.
 * Every API call and media request needs the per-run random token; the Host header must name
 * this server (DNS-rebinding defence); the bridge script itself holds no secret.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const { core, staticDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const handlers = createHandlers(core, { version: options.version, transport: 'web' });
  let port = 0;
  const hostOk = (req: IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  const indexHtml = () =>
    readFileSync(join(staticDir, 'index.html'), 'utf8').replace(
      '<head>',
      '<head>\n    <script type="module" src="./web-bridge.js"></script>',
    );

  const serveStatic = (path: string, res: ServerResponse) => {
    if (path === '/' || path === '/index.html') return send(res, 200, indexHtml(), TYPES['.html']);
    let file: string;
    try {
      file = resolveInside(staticDir, decodeURIComponent(path.slice(1)));
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      return send(res, 404, JSON.stringify({ error: 'not found' }));
    }
    send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  };

  const serveMedia = (req: IncomingMessage, res: ServerResponse, path: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return send(res, 400, JSON.stringify({ error: { code: 'bad_path', message: 'The media path is not valid.' } }));
    }
    const answer = mediaResponse(core, decoded, req.headers.range);
    if (answer.kind === 'error') {
      res.writeHead(answer.status, {
        ...answer.headers,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      return res.end(answer.body);
    }
    res.writeHead(answer.status, answer.headers);
    createReadStream(answer.file, { start: answer.start, end: answer.end }).pipe(res);
  };

  const server = createServer(async (req, res) => {
    try {
      if (!hostOk(req))
        return send(res, 403, JSON.stringify({ error: { code: 'bad_host', message: 'Wrong Host header.' } }));
      // Route on the raw path: URL parsing would resolve "/media/../x" to "/x" before we could refuse it.
      const rawPath = (req.url ?? '/').split('?')[0]!;
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (rawPath.startsWith('/api/')) {
        if (req.method !== 'POST')
          return send(res, 405, JSON.stringify({ error: { code: 'method_not_allowed', message: 'Use POST.' } }));
        if (!sameToken(req.headers['x-sparring-token'] as string | undefined, token)) {
          return send(
            res,
            401,
            JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.' } }),
          );
        }
        let args: unknown;
        try {
          const body = await readBody(req);
          args = body ? JSON.parse(body) : {};
        } catch (error) {
          if (error instanceof BodyTooLargeError)
            return send(
              res,
              413,
              JSON.stringify({ ok: false, error: { code: 'body_too_large', message: error.message } }),
            );
          return send(
            res,
            400,
            JSON.stringify({
              ok: false,
              error: { code: 'bad_request', message: `Request body is not valid JSON: ${(error as Error).message}` },
            }),
          );
        }
        const envelope = await dispatch(handlers, rawPath.slice('/api/'.length), args);
        const status = envelope.ok
          ? 200
          : envelope.error.code === 'invalid_arguments'
            ? 400
            : envelope.error.code === 'unknown_method'
              ? 404
              : envelope.error.code === 'internal'
                ? 500
                : 422;
        return send(res, status, JSON.stringify(envelope));
      }
      if (rawPath.startsWith('/media/')) {
        if (!sameToken(url.searchParams.get('token'), token))
          return send(
            res,
            401,
            JSON.stringify({ error: { code: 'unauthorized', message: 'Missing or wrong token.' } }),
          );
        return serveMedia(req, res, rawPath.slice('/media/'.length));
      }
      if (req.method !== 'GET') return send(res, 405, JSON.stringify({ error: 'GET only' }));
      serveStatic(rawPath, res);
    } catch (error) {
      send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: (error as Error).message } }));
    }
  });

  // Core events (transcription stages) are pushed over a WebSocket.
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!hostOk(req)) return refuseUpgrade(socket, 403, 'bad_host', 'Wrong Host header.');
    // Browsers let any site open a WebSocket to 127.0.0.1 (no same-origin policy, no CORS); the
    // Origin header they always send is what tells our page from another site's.
    if (req.headers.origin !== `http://${req.headers.host}`)
      return refuseUpgrade(
        socket,
        403,
        'bad_origin',
        `WebSocket connections are accepted only from this bridge's own page (http://${req.headers.host}).`,
      );
    if (url.pathname !== '/events') return refuseUpgrade(socket, 404, 'not_found', 'The only WebSocket is /events.');
    if (!sameToken(url.searchParams.get('token'), token))
      return refuseUpgrade(socket, 401, 'unauthorized', 'Missing or wrong token.');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const off = core.events.on((event) => ws.send(JSON.stringify(event)));
      ws.on('close', off);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
