import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { SparringError } from './errors';

/** Who holds a data folder, for the message a second one shows (`<data>/sparring.lock`). */
interface LockHolder {
  pid: number;
  program: string;
  since: string;
}

/**
 * The lock itself is an exclusive SQLite lock on `<data>/sparring.lock.db`, an operating-system
 * file lock: released by the system the moment its process ends (a crash, SIGKILL, a reboot), so
 * a lock is never left behind, and two processes starting at once cannot both take it.
 */
const LOCK_DB = 'sparring.lock.db';
const HOLDER_FILE = 'sparring.lock';

/** Folders this process holds (by real path), with how many cores in it use each. */
const held = new Map<string, { db: Database.Database; users: number }>();

const realFolder = (dataDir: string) => {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw readOnly(dataDir, dirname(dataDir)) ?? error;
  }
  return realpathSync(dataDir);
};

function readHolder(folder: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(join(folder, HOLDER_FILE), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function inUse(dataDir: string, folder: string): SparringError {
  const h = readHolder(folder);
  return new SparringError(
    'data_folder_in_use',
    `Sparring is already using ${dataDir}` +
      (h ? ` (${h.program}, process ${h.pid}, since ${h.since})` : '') +
      '. Close it first, or point SPARRING_DATA_DIR at another folder.',
  );
}

/** The folder cannot be written: a read-only disk or no permission (SQLite says only "cannot open"). */
function readOnly(dataDir: string, folder: string): SparringError | null {
  let code: string;
  try {
    accessSync(folder, constants.W_OK);
    return null;
  } catch (error) {
    code = (error as NodeJS.ErrnoException).code ?? '';
  }
  return new SparringError(
    'data_folder_read_only',
    `The data folder ${dataDir} cannot be written (${code === 'EROFS' ? 'a read-only disk' : 'no permission'}): ` +
      'Sparring keeps your answers there. Point SPARRING_DATA_DIR at a folder you can write to.',
  );
}

/** Takes the exclusive lock, or says who has it. The open connection holds it until closed. */
function take(dataDir: string, folder: string, nativeBinding?: string): Database.Database {
  let db: Database.Database;
  try {
    // The app passes its Electron build of better-sqlite3 (the Node build would not load there).
    db = new Database(join(folder, LOCK_DB), { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw readOnly(dataDir, folder) ?? error;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;'); // the lock is kept after the commit in exclusive mode
    return db;
  } catch (error) {
    db.close();
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw inUse(dataDir, folder);
    throw readOnly(dataDir, folder) ?? error;
  }
}

/**
 * Refuses a folder another process holds (the CLI checks this without keeping the lock, so
 * several commands can run side by side; the app and the bridge keep it).
 */
export function assertDataFolderFree(dataDir: string, nativeBinding?: string): void {
  if (!existsSync(join(dataDir, LOCK_DB))) return; // never held: nothing to check, nothing to create
  const folder = realFolder(dataDir);
  if (held.has(folder)) return;
  take(dataDir, folder, nativeBinding).close();
}

/**
 * One process at a time on a data folder. A second app, bridge or CLI on the same folder would
 * otherwise "recover" the first one's live recording (moving the WAV it is writing, marking its
 * attempt left) and race it on every file.
 */
export function lockDataFolder(dataDir: string, program: string, nativeBinding?: string): { release(): void } {
  const folder = realFolder(dataDir);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const lock = held.get(folder);
    if (!lock || --lock.users > 0) return;
    held.delete(folder);
    lock.db.close();
  };
  const mine = held.get(folder);
  if (mine) {
    mine.users++;
    return { release };
  }
  const db = take(dataDir, folder, nativeBinding);
  held.set(folder, { db, users: 1 });
  // For the message a second process shows; the lock itself is the database's.
  try {
    const me: LockHolder = { pid: process.pid, program, since: new Date().toISOString() };
    writeFileSync(join(folder, HOLDER_FILE), JSON.stringify(me));
  } catch {
    // the message just names fewer details
  }
  return { release };
}
