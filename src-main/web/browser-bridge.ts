/**
 * Loaded by the browser before the renderer when the UI is served by the web bridge: it builds
 * the same window.api the Electron preload exposes, over HTTP (calls) and a WebSocket (events).
 * The token comes from the URL the bridge printed, and is kept for this tab only.
 */
import { buildApi } from '../api/client';
import type { ApiEvent, Envelope } from '../api/contract';

/** JSON has no bytes: raw audio (Uint8Array) travels as base64 text, which the contract accepts too. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
const json = (args: unknown) =>
  JSON.stringify(args ?? {}, (_key, value: unknown) => (value instanceof Uint8Array ? toBase64(value) : value));

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? sessionStorage.getItem('sparring-token') ?? '';
sessionStorage.setItem('sparring-token', token);
if (params.has('token')) {
  params.delete('token');
  history.replaceState(history.state, '', location.pathname + (params.size ? `?${params}` : '') + location.hash);
}

const listeners = new Set<(e: ApiEvent) => void>();
function connectEvents(delayMs = 500) {
  const ws = new WebSocket(
    `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events?token=${encodeURIComponent(token)}`,
  );
  ws.onmessage = (m) => listeners.forEach((l) => l(JSON.parse(String(m.data)) as ApiEvent));
  ws.onclose = () => setTimeout(() => connectEvents(Math.min(delayMs * 2, 10000)), delayMs);
}
connectEvents();

(window as unknown as { api: unknown }).api = buildApi({
  async invoke(method, args) {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sparring-token': token },
        body: json(args),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'bridge_unreachable',
          message: 'Sparring is not running (the local bridge did not answer). Start it again and reload.',
        },
      };
    }
    return (await response.json()) as Envelope<unknown>;
  },
  mediaUrl: (p) => `/media/${p.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}`,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
