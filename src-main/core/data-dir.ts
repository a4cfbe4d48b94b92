import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Sparring keeps its data: $SPARRING_DATA_DIR, else the OS user-data folder, the same
 * one Electron's app.getPath('userData') gives for an app named "Sparring".
 */
export function defaultDataDir(env: Record<string, string | undefined>): string {
  if (env.SPARRING_DATA_DIR) return env.SPARRING_DATA_DIR;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Sparring');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Sparring');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Sparring');
}
