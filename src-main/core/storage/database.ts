import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  readonly code = 'database_too_new';
  constructor(file: string, found: number) {
    super(
      `The database ${file} was written by a newer version of Sparring (schema ${found}; this version knows up to ` +
        `${LATEST_SCHEMA_VERSION}). ` +
        'Update Sparring, or point SPARRING_DATA_DIR at another folder. Nothing was changed.',
    );
  }
}

/** A database that cannot be used as it is: one sentence on what is wrong and what to do, the file untouched. */
export class UnusableDatabaseError extends Error {
  readonly code = 'database_unusable';
  constructor(file: string, what: string) {
    super(
      `The database ${file} ${what}. Nothing was changed. Move it aside to start with an empty one (your ` +
        'recordings stay in the folder), restore a backup, or point SPARRING_DATA_DIR at another folder.',
    );
  }
}

/** What an SQLite error on opening means for the person starting Sparring (null: not an opening problem). */
function unusable(error: unknown, file: string): UnusableDatabaseError | null {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_NOTADB')
    return new UnusableDatabaseError(file, 'is not a database Sparring can read (damaged, cut short, or another file)');
  if (code.startsWith('SQLITE_CORRUPT')) return new UnusableDatabaseError(file, 'is damaged');
  if (code.startsWith('SQLITE_READONLY'))
    return new UnusableDatabaseError(file, 'is read-only (the file or its folder), and Sparring needs to write to it');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM'))
    return new UnusableDatabaseError(file, 'cannot be opened (is it a file you may read and write?)');
  return null;
}

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for Electron's ABI (the app); the Node build is used otherwise. */
  nativeBinding?: string;
  /** Stop at this schema version (migration tests). */
  targetVersion?: number;
  /**
   * Check every page before writing anything (PRAGMA quick_check): the app and the bridge at their
   * start, so a damaged file is refused instead of answering errors and being written to.
   */
  check?: boolean;
}

/** Opens (creating if needed) the database, in WAL mode with foreign keys on, and migrates it. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw unusable(error, file) ?? error;
  }
  try {
    // Refuse a newer or a damaged database before changing anything in it (even the journal mode).
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) throw new NewerDatabaseError(file, found);
    if (options.check) {
      const verdict = db.pragma('quick_check(1)', { simple: true });
      if (verdict !== 'ok') throw new UnusableDatabaseError(file, `is damaged (SQLite's check: ${String(verdict)})`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, file, options.targetVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw unusable(error, file) ?? error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies each pending migration in its own transaction, bumping PRAGMA user_version with it. */
export function migrate(db: Db, file: string, target = LATEST_SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new NewerDatabaseError(file, current);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * The database, opened (and migrated) on first use: a command that never reads or writes
 * attempts (the CLI checking a pack, scoring a typed answer) leaves the data folder untouched.
 */
export class LazyDb {
  private db: Db | null = null;
  constructor(
    private readonly file: string,
    private readonly options: OpenOptions = {},
  ) {}

  get(): Db {
    this.db ??= openDatabase(this.file, this.options);
    return this.db;
  }

  get isOpen(): boolean {
    return this.db?.open ?? false;
  }

  close(): void {
    this.db?.close();
  }
}
