import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The e2e tests drive the built UI, exactly what `npm run dev:web` serves. */
export default function buildRenderer() {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
