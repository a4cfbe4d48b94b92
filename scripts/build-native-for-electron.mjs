#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, for the app
// only. node_modules keeps the Node build, which the tests and the CLI use; the Electron main
// process passes this file to better-sqlite3 as `nativeBinding`. Runs before `npm start`/`npm run dev`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = join(root, 'native', 'electron');
const stampFile = join(outDir, 'build-stamp.json');
const stamp = {
  electron: electronVersion,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch,
};

if (
  existsSync(stampFile) &&
  JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp) &&
  existsSync(join(outDir, 'better_sqlite3.node'))
) {
  console.log(`[sparring] better-sqlite3 for Electron ${electronVersion} is up to date`);
  process.exit(0);
}

console.log(
  `[sparring] building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; about a minute)`,
);
const work = join(outDir, 'build-src');
rmSync(work, { recursive: true, force: true });
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build')) });
// npm sets npm_config_node_gyp to its bundled node-gyp when it runs a script.
const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
try {
  execFileSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    {
      cwd: work,
      stdio: 'inherit',
    },
  );
} catch {
  console.error(
    "[sparring] building better-sqlite3 for Electron failed. It needs a C++ toolchain and Electron's headers " +
      '(downloaded once from electronjs.org).',
  );
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
writeFileSync(stampFile, JSON.stringify(stamp));
console.log(`[sparring] wrote ${join(outDir, 'better_sqlite3.node')}`);
