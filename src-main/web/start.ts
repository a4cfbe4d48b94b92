/** `npm run dev:web`: the core plus the browser bridge, on a data directory, printing the URL to open. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnvironment, createCore, defaultDataDir, projectRoot } from '../core';
import { startWebBridge } from './server';

const root = projectRoot();
const dataDir = defaultDataDir(process.env);
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
// The environment is read here, once, and handed to core as configuration.
const core = (() => {
  try {
    return createCore(
      configFromEnvironment(process.env, { dataDir, builtInScenarioDirs: [join(root, 'scenarios')], appRoots: [root] }),
      { recover: true, lockAs: 'the browser bridge' },
    );
  } catch (error) {
    // One clear sentence (a folder in use, a database that cannot be opened), never a stack trace.
    console.error(`Sparring cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
})();
core.team.start();
core.warmUpFigures();
const bridge = await startWebBridge({
  core,
  staticDir: join(root, 'out', 'renderer'),
  version,
  port: process.env.SPARRING_PORT ? Number(process.env.SPARRING_PORT) : 0,
});
console.log(`Sparring data directory: ${dataDir}`);
// Tests wait for this exact line (a readiness signal, never a sleep).
console.log(`Sparring web bridge ready: ${bridge.url}`);

const stop = async () => {
  await bridge.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
