/**
 * The renderer's only door to the core: window.api, put there by the Electron preload or by the
 * browser bridge. Its type comes from the API contract, so it cannot drift from main.
 */
import type { SparringApi } from '../src-main/api/contract';

declare global {
  interface Window {
    api?: SparringApi;
  }
}

if (!window.api)
  throw new Error('window.api is missing: open Sparring through the app or the URL that "npm run dev:web" prints.');

export const api: SparringApi = window.api;
export type { SparringApi };
