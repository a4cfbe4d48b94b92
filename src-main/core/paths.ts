import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

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

const exists = (p: string) => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/**
 * resolveInside, and by real location too: where the path (or the nearest folder above it, for a
 * file about to be made) exists, links are followed and must still end inside `root`. A link put
 * in the data folder then cannot lead the media route, the designer or an export anywhere else.
 */
export function resolveRealInside(root: string, requested: string): string {
  const full = resolveInside(root, requested);
  // A folder not made yet holds no links.
  if (!exists(root)) return full;
  const realRoot = realpathSync(root);
  let probe = full;
  while (!exists(probe) && probe !== dirname(probe)) probe = dirname(probe);
  let real: string;
  try {
    real = realpathSync(probe);
  } catch {
    throw new OutsideDataDirError(requested); // a link to nothing
  }
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) throw new OutsideDataDirError(requested);
  return full;
}
