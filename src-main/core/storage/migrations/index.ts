import * as m001 from './001-initial';

/** Migrations in order; entry N (0-based) moves the schema from version N to N + 1. */
export const migrations: readonly { version: number; sql: string }[] = [{ version: 1, sql: m001.sql }];

export const LATEST_SCHEMA_VERSION = migrations.length;
