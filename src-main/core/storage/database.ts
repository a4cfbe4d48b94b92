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

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for Electron's ABI (the app); the Node build is used otherwise. */
  nativeBinding?: string;
  /** Stop at this schema version (migration tests). */
  targetVersion?: number;
}

/** Opens (creating if needed) the database, in WAL mode with foreign keys on, and migrates it. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Refuse a newer database before changing anything in it (even the journal mode).
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) throw new NewerDatabaseError(file, found);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, file, options.targetVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw error;
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
