import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings } from '../settings';

/** Models the app knows, best first when several are present. */
export const KNOWN_MODELS = ['base.en', 'tiny.en', 'small.en'] as const;
export type KnownModel = (typeof KNOWN_MODELS)[number];

export const modelFileName = (name: KnownModel) => `ggml-${name}.bin`;
export const modelsDir = (dataDir: string) => join(dataDir, 'models');

/**
 * The model to use: a pinned path (SPARRING_MODEL, read at the edges), else the one chosen in Settings,
 * else the best one downloaded into the data directory.
 */
export function locateModel(dataDir: string, explicit?: string | null): string | null {
  if (explicit) return explicit;
  const chosen = readSettings(dataDir).modelPath;
  if (chosen) return chosen;
  for (const name of KNOWN_MODELS) {
    const path = join(modelsDir(dataDir), modelFileName(name));
    if (existsSync(path)) return path;
  }
  return null;
}
