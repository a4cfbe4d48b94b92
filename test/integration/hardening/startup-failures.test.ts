/**
 * Fault: each way the database can fail at start. The bridge (as the app) stops with one clear
 * sentence (no stack trace), the file is left byte for byte as it was, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { practisedAt } from '../../support/practised';
import { ROOT, tempDir } from '../../support/paths';

/** A real data folder with some attempts, closed cleanly (one file, no WAL left). */
function realDatabase(): Buffer {
  const dataDir = tempDir();
  const core = makeCore(dataDir, { modelPath: null });
  core.people.setUpMe('Riley Rep', ['rep']);
  for (let i = 0; i < 40; i++) practisedAt(core, 'drill-next-step', `Could we meet on day ${i}?`, new Date());
  core.close();
  const db = new Database(join(dataDir, 'sparring.db'));
  db.pragma('journal_mode = DELETE');
  db.close();
  return readFileSync(join(dataDir, 'sparring.db'));
}

function startOn(prepare: (dataDir: string) => void) {
  const dataDir = tempDir('sparring-start-');
  mkdirSync(dataDir, { recursive: true });
  prepare(dataDir);
  const file = join(dataDir, 'sparring.db');
  const before = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/web/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, SPARRING_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { r, file, before, after: before ? readFileSync(file) : null, dataDir };
}

describe('a database that cannot be used stops the start with one sentence, untouched', () => {
  const real = realDatabase();
  const pageSize = real.readUInt16BE(16);

  it.each([
    [
      'another kind of file',
      () => Buffer.from('name,score\nRiley,80\n'.repeat(400)),
      /is not a database Sparring can read/,
    ],
    ['a file cut short', () => real.subarray(0, pageSize * 2), /is (damaged|not a database Sparring can read)/],
    [
      'damaged pages',
      () => {
        const bad = Buffer.from(real);
        bad.fill(0x5a, pageSize * 3 + 8, pageSize * 5);
        return bad;
      },
      /is damaged/,
    ],
    [
      'a newer schema',
      () => {
        const b = Buffer.from(real);
        b.writeUInt32BE(999, 60); // the header's user_version
        return b;
      },
      /written by a newer version of Sparring/,
    ],
  ])(
    '%s',
    (_name, bytes, message) => {
      expect(real.length).toBeGreaterThan(pageSize * 6);
      const { r, before, after, file } = startOn((dir) => writeFileSync(join(dir, 'sparring.db'), bytes()));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^Sparring cannot start: /m);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(after!.equals(before!)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);
    },
    40_000,
  );

  it('a database on a read-only disk (a tmpfs mounted read-only; skipped where mounting is not allowed)', (ctx) => {
    const mountPoint = tempDir('sparring-ro-');
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]).status !== 0) return ctx.skip();
    try {
      const dataDir = join(mountPoint, 'data');
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'sparring.db'), real);
      expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/web/start.ts')], {
        cwd: ROOT,
        env: { ...process.env, SPARRING_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^Sparring cannot start: /m);
      expect(r.stderr).toMatch(/The data folder .* cannot be written \(a read-only disk\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      spawnSync('umount', ['-l', mountPoint]);
    }
  }, 40_000);

  it('a folder or a database without permission (run as "nobody"; skipped where that is not possible)', (ctx) => {
    if (process.getuid?.() !== 0 || spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status !== 0)
      return ctx.skip();
    const asNobody = (dataDir: string) =>
      spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '--import', 'tsx', 'src-main/web/start.ts'], {
        cwd: ROOT,
        env: { ...process.env, SPARRING_DATA_DIR: dataDir, HOME: tempDir() },
        encoding: 'utf8',
        timeout: 30_000,
      });
    // A folder nobody may write to.
    const closed = tempDir('sparring-closed-');
    chmodSync(closed, 0o755);
    const folder = asNobody(closed);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/^Sparring cannot start: The data folder .* cannot be written \(no permission\)/m);
    // A writable folder whose database belongs to someone else.
    const open = tempDir('sparring-open-');
    chmodSync(open, 0o777);
    writeFileSync(join(open, 'sparring.db'), real, { mode: 0o600 });
    const db = asNobody(open);
    expect(db.status).toBe(1);
    expect(db.stderr).toMatch(/^Sparring cannot start: The database .* cannot be opened \(is it a file you may read/m);
    expect(readFileSync(join(open, 'sparring.db')).equals(real)).toBe(true);
  }, 60_000);

  it('a folder where the database should be', () => {
    const { r } = startOn((dir) => mkdirSync(join(dir, 'sparring.db')));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Sparring cannot start: The database .* cannot be opened/m);
  }, 40_000);
});
