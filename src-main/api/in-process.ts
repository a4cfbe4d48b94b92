import type { Core } from '../core';
import { buildApi } from './client';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';

/**
 * The API over no wire at all: the CLI (and tests) call the same contract, validated and
 * dispatched exactly as the app's calls are, so `sparring score --audio` transcribes as the app does.
 */
export function inProcessApi(core: Core, version: string) {
  const handlers = createHandlers(core, { version, transport: 'cli' });
  return buildApi({
    invoke: (method, args) => dispatch(handlers, method, args),
    mediaUrl: (p) => core.voice.mediaFile(p),
    subscribe: (listener) => core.events.on(listener),
  });
}
