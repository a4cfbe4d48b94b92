import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

/** Runs `sparring ...` as a user runs it (a real process through bin/sparring.js), in the project folder. */
export function runSparring(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/sparring.js'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: options.env ?? process.env,
    input: options.input,
  });
}
