import { dispatch } from '../api/dispatch';
import type { Envelope } from '../api/contract';
import type { Handlers } from '../api/handlers';

/** The parts of Electron's IpcMainInvokeEvent this handler reads (kept Electron-free so tests can call it). */
export interface InvokeEvent {
  sender: unknown;
  senderFrame: { url: string } | null;
}

/**
 * The ipcMain.handle callback for the API channel: drops calls from any page but ours, then
 * validates and dispatches exactly as the browser bridge does.
 */
export function createApiIpcHandler(handlers: Handlers, isTrusted: (event: InvokeEvent) => boolean) {
  return (event: InvokeEvent, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event))
      return Promise.resolve({
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted only from the Sparring window.' },
      });
    return dispatch(handlers, method, args);
  };
}
