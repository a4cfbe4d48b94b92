/**
 * What can be checked of the Electron app without its binary: `electron-vite build` succeeds, the
 * sandboxed preload is one CommonJS file that needs nothing but 'electron', the main process
 * keeps better-sqlite3 external (so the Electron-ABI build can be loaded), and the page carries a strict CSP.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

beforeAll(() => {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'pipe' },
  );
}, 120000);

describe('electron-vite build', () => {
  it('bundles the preload as CommonJS requiring only electron', () => {
    const preload = readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8');
    const requires = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("api"');
  });

  it('keeps better-sqlite3 external in the main bundle and points at the CJS preload', () => {
    const main = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    expect(main).toMatch(/from ["']better-sqlite3["']/);
    expect(main).toContain('../preload/index.cjs');
    expect(main).toMatch(/sandbox: true/);
    expect(main).toMatch(/contextIsolation: true/);
    expect(main).toMatch(/nodeIntegration: false/);
  });

  it('ships the renderer with a strict Content-Security-Policy', () => {
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });
});
