import { isAbsolute, relative, resolve, sep } from 'node:path';

export class OutsideDataDirError extends Error {
  readonly code = 'outside_data_dir';
  constructor(requested: string) {
    super(`Refused: "${requested}" is outside the Sparring data directory.`);
  }
}

/**
 * Resolves a path given by the UI (or a URL) inside `root`, or throws. Used by every place
 * that turns an untrusted relative path into a file: the media protocol, the web bridge.
 */
export function resolveInside(root: string, requested: string): string {
  if (requested.includes('\0') || isAbsolute(requested)) throw new OutsideDataDirError(requested);
  const base = resolve(root);
  const full = resolve(base, requested);
  const rel = relative(base, full);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel))
    throw new OutsideDataDirError(requested);
  return full;
}
