/**
 * Which page counts as ours: exactly what the app loaded, nothing that merely looks like it.
 * Electron-free, so the unit tests check it without launching Electron.
 */
import { fileURLToPath } from 'node:url';

/**
 * Matches the page the window loaded, given the URL passed to it:
 * - a `file:` URL (the built renderer's index.html): that one file only. Any `file:` URL would trust
 *   every HTML file on the disk, e.g. one a download left behind. Compared as file paths, not as
 *   strings: Electron's loadFile and Chromium may percent-encode the same path differently, and the
 *   hash (the renderer's route) and query say nothing about which file it is.
 * - an `http(s):` URL (electron-vite's dev server): its origin, since the dev server serves the page's
 *   modules from many paths. Origins, not prefixes: `http://localhost:5173` must not trust
 *   `http://localhost:51730` or `http://localhost:5173.example.com`.
 */
export function ownPageMatcher(loadedUrl: string): (url: string) => boolean {
  const loaded = new URL(loadedUrl);
  if (loaded.protocol === 'file:') {
    const pagePath = fileURLToPath(loaded);
    return (url) => filePathOf(url) === pagePath;
  }
  if (loaded.protocol === 'http:' || loaded.protocol === 'https:') {
    return (url) => URL.canParse(url) && new URL(url).origin === loaded.origin;
  }
  throw new Error(`The app loads its page from a file: or http(s): URL, not ${loaded.protocol}`);
}

/** The local file a `file:` URL names; null for anything else, a remote host or an encoded "/" included. */
function filePathOf(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}
