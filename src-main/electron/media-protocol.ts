import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { mediaResponse } from '../api/media-response';
import type { Core } from '../core';
import { MEDIA_SCHEME } from './channels';

/** Must run before the app is ready: lets <audio> stream and seek sparring-media:// URLs. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { stream: true, supportFetchAPI: true, standard: true, secure: true } },
  ]);
}

/**
 * Streams recordings from the data directory and scenario clips; which file a path names, and
 * every refusal, is decided by the same helper the browser bridge uses (api/media-response.ts).
 */
export function handleMediaProtocol(core: Pick<Core, 'voice'>): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    const answer = mediaResponse(
      core,
      decodeURIComponent(url.pathname.replace(/^\//, '')),
      request.headers.get('range'),
    );
    if (answer.kind === 'error') return new Response(answer.body, { status: answer.status, headers: answer.headers });
    const body = Readable.toWeb(
      createReadStream(answer.file, { start: answer.start, end: answer.end }),
    ) as ReadableStream;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
