/**
 * Exposes exactly the API contract as window.api, over IPC. Nothing else crosses the bridge:
 * no ipcRenderer, no Node. Bundled as one CommonJS file (sandboxed preloads cannot be ESM).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../api/client';
import type { ApiEvent, Envelope } from '../api/contract';
import { API_CHANNEL, EVENT_CHANNEL, MEDIA_SCHEME } from '../electron/channels';

const api = buildApi({
  invoke: (method, args) => ipcRenderer.invoke(API_CHANNEL, method, args) as Promise<Envelope<unknown>>,
  mediaUrl: (p) => `${MEDIA_SCHEME}://data/${p.split('/').map(encodeURIComponent).join('/')}`,
  subscribe(listener) {
    const handler = (_e: unknown, event: ApiEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});

contextBridge.exposeInMainWorld('api', api);
