/**
 * Builds window.api from a transport. Used by the Electron preload (IPC) and the browser
 * bridge (HTTP + WebSocket), so both expose exactly the same object. Browser-safe: no Node.
 */
import {
  type ApiErrorBody,
  type ApiEvent,
  type Envelope,
  type MethodName,
  type SparringApi,
  methodNames,
} from './contract';

export class ApiError extends Error {
  readonly code: string;
  readonly issues: ApiErrorBody['issues'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.issues = body.issues;
  }
}

export interface Transport {
  invoke(method: MethodName, args: unknown): Promise<Envelope<unknown>>;
  mediaUrl(relativePath: string): string;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

export function buildApi(transport: Transport): SparringApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of methodNames) {
    const [domain, fn] = name.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][fn] = async (args: unknown = {}) => {
      const envelope = await transport.invoke(name, args);
      // Errors travel as plain data (IPC would otherwise mangle them); rebuild one here.
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.result;
    };
  }
  api.media = { url: (p: unknown) => transport.mediaUrl(String(p)) };
  api.events = { subscribe: (l: unknown) => transport.subscribe(l as (e: ApiEvent) => void) };
  return api as unknown as SparringApi;
}
