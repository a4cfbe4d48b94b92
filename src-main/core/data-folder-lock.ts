import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SparringError } from './errors';

/** Who holds a data folder: written into `<data>/sparring.lock` by the process using it. */
interface LockHolder {
  pid: number;
  host: string;
  program: string;
  since: string;
}

const LOCK_FILE = 'sparring.lock';
/** Folders this process holds, with how many cores in it use each (tests open several in turn). */
const held = new Map<string, number>();

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is someone else's
  }
};

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? (h as LockHolder) : null;
  } catch {
    return null; // half-written by a process that died: nobody holds it
  }
}

/**
 * Refuses a folder another live process holds (the CLI checks this without taking the lock, so
 * several commands can run side by side; the app and the bridge take it).
 */
export function assertDataFolderFree(dataDir: string): void {
  const file = join(dataDir, LOCK_FILE);
  if (held.has(file)) return;
  const holder = readHolder(file);
  const elsewhere = holder !== null && holder.host !== hostname();
  if (holder && holder.pid !== process.pid && (elsewhere || alive(holder.pid)))
    throw new SparringError(
      'data_folder_in_use',
      `Sparring is already using ${dataDir} (${holder.program}, process ${holder.pid}` +
        `${elsewhere ? ` on ${holder.host}` : ''}, since ${holder.since}). Close it first, or point ` +
        `SPARRING_DATA_DIR at another folder.` +
        (elsewhere ? ` If that computer is not running Sparring, delete ${file}.` : ''),
    );
}

/**
 * One process at a time on a data folder. A second app, bridge or CLI on the same folder would
 * otherwise "recover" the first one's live recording (moving the WAV it is writing, marking its
 * attempt left) and race it on every file. Taken with an exclusive create, so two starting at once
 * cannot both win; a lock left by a process that is gone (a crash, SIGKILL) is taken over.
 */
export function lockDataFolder(dataDir: string, program: string): { release(): void } {
  const file = join(dataDir, LOCK_FILE);
  const release = () => {
    const left = (held.get(file) ?? 1) - 1;
    if (left > 0) return void held.set(file, left);
    held.delete(file);
    try {
      if (readHolder(file)?.pid === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  if (held.has(file)) {
    held.set(file, held.get(file)! + 1);
    return { release };
  }
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const me: LockHolder = { pid: process.pid, host: hostname(), program, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      held.set(file, 1);
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    assertDataFolderFree(dataDir);
    try {
      unlinkSync(file); // left by a process that is gone
    } catch {
      // another starter took it over first: try again
    }
  }
  throw new SparringError('data_folder_in_use', `Could not take ${file}: another Sparring is starting on it.`);
}
