import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ProfileRole } from '../../src-main/core';
import { makeCore } from './core';
import { ROOT } from './paths';

export interface BridgeProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `src-main/web/start.ts` (what `npm run dev:web` runs after building the UI) as its own
 * process on a data directory, and resolves when it prints its ready line with the URL.
 */
export function startBridgeProcess(
  env: Record<string, string>,
  options: { person?: { name: string; roles: ProfileRole[] } | null } = {},
): Promise<BridgeProcess> {
  // The person using the app, as the first run would record them (null: a first run, which asks).
  const person = options.person === undefined ? { name: 'Riley Rep', roles: ['rep'] as ProfileRole[] } : options.person;
  if (person && env.SPARRING_DATA_DIR) {
    const core = makeCore(env.SPARRING_DATA_DIR, { modelPath: null }, { recover: false });
    if (!core.people.me().confirmed) core.people.setUpMe(person.name, person.roles);
    core.close();
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/web/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start:\n${out}`)), 30000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Sparring web bridge ready: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          child,
          output: () => out,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited with ${code}:\n${out}`));
    });
  });
}

/** Calls the bridge's API as the page does (token header, JSON envelope); an error envelope throws its message. */
export function bridgeClient(bridge: BridgeProcess) {
  const url = new URL(bridge.url);
  const token = url.searchParams.get('token')!;
  return async <T>(method: string, args: unknown): Promise<T> => {
    const res = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sparring-token': token },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error!.message);
    return body.result;
  };
}
