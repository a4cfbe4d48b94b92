/**
 * What every command shares: the project folder, the data folder, the version, usage errors, and
 * the app's API in-process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessApi } from '../api/in-process';
import { configFromEnvironment, createCore, defaultDataDir, locateModel, projectRoot } from '../core';

export const root = projectRoot();
/** The environment is read here, at the edge, once; core gets it as configuration. */
export const dataDir = defaultDataDir(process.env);
export const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

export class UsageError extends Error {}

/**
 * The app's own core on the data folder, reached through the same contract and dispatch as the
 * app (an in-process transport): what the CLI transcribes and scores, it does exactly as the app
 * does. It refuses a folder the app or the bridge is using (and never recovers one: that is the
 * app's job at its start); several commands may run side by side.
 */
export async function withApi<T>(
  modelPath: string | undefined,
  run: (api: ReturnType<typeof inProcessApi>) => Promise<T>,
): Promise<T> {
  const config = configFromEnvironment(process.env, {
    dataDir,
    builtInScenarioDirs: [join(root, 'scenarios')],
    appRoots: [root],
  });
  const core = createCore({ ...config, ...(modelPath ? { modelPath } : {}) }, { refuseIfHeld: true });
  try {
    return await run(inProcessApi(core, version));
  } finally {
    core.close();
  }
}

/** The model a command would use: --model, else SPARRING_MODEL, Settings or the best downloaded. */
export function requireModel(explicit: string | undefined): string {
  const modelPath = locateModel(dataDir, explicit || process.env.SPARRING_MODEL);
  if (!modelPath) throw new UsageError('No model: pass --model <path> or run "sparring model download base.en".');
  return modelPath;
}

export const readWav = (file: string) => {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
  return readFileSync(file);
};
