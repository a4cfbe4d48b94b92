import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { parseByteRange } from '../core/audio/byte-range';
import { mediaType } from '../core/audio/media-type';
import { SparringError } from '../core/errors';
import type { SparringCore } from '../core/sparring-core';
import { MEDIA_SCHEME } from './channels';

/** Must run before the app is ready: lets <audio> stream and seek sparring-media:// URLs. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { stream: true, supportFetchAPI: true, standard: true, secure: true } }]);
}

/**
 * Streams recordings from the data directory and scenario clips (core.mediaFile decides which
 * file a path names); any path outside the data directory is refused (403).
 */
export function handleMediaProtocol(core: Pick<SparringCore, 'mediaFile'>): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    let file: string;
    try {
      file = core.mediaFile(decodeURIComponent(url.pathname.replace(/^\//, '')));
    } catch (error) {
      return new Response((error as Error).message, { status: error instanceof SparringError ? 404 : 403 });
    }
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return new Response('No such recording.', { status: 404 });
    }
    const range = parseByteRange(request.headers.get('range'), size);
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream;
    return new Response(body, {
      status: range ? 206 : 200,
      headers: {
        'content-type': mediaType(file),
        'accept-ranges': 'bytes',
        'content-length': String(end - start + 1),
        ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
      },
    });
  });
}
