import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the rep chose in Settings, kept in <dataDir>/settings.json. */
export interface Settings {
  /** The speech model file to use (a downloaded one or any ggml file the rep picked); null: the best downloaded. */
  modelPath: string | null;
  /** The team dashboard's leaderboard (weekly minutes and improvement): off unless the manager turns it on. */
  leaderboard: boolean;
}

const DEFAULTS: Settings = { modelPath: null, leaderboard: false };
const file = (dataDir: string) => join(dataDir, 'settings.json');

/** The saved settings; a missing or unreadable file means the defaults (it is never fatal). */
export function readSettings(dataDir: string): Settings {
  if (!existsSync(file(dataDir))) return { ...DEFAULTS };
  try {
    const raw = JSON.parse(readFileSync(file(dataDir), 'utf8')) as Partial<Settings>;
    return {
      modelPath: typeof raw.modelPath === 'string' ? raw.modelPath : null,
      leaderboard: raw.leaderboard === true,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

/** Saves atomically (temp file + rename), so a crash mid-write keeps the previous settings. */
export function writeSettings(dataDir: string, settings: Settings): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${file(dataDir)}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${file(dataDir)}.tmp`, file(dataDir));
}
