import * as m001 from './001-initial';
import * as m002 from './002-overrides-and-rubric-snapshots';
import * as m003 from './003-recordings-in-progress';
import * as m004 from './004-rescoring-and-certification';
import * as m005 from './005-stored-path-and-discard';
import * as m006 from './006-people-and-certification';
import * as m007 from './007-reviews';
import * as m008 from './008-comments';
import * as m009 from './009-uuids-and-coaching-plans';
import * as m010 from './010-certification-expiry';
import * as m011 from './011-team-sync';
import * as m012 from './012-goals-and-reminders';
import * as m013 from './013-turn-tries';
import * as m014 from './014-assignments';
import * as m015 from './015-alert-states';
import * as m016 from './016-team-analytics';

/** Migrations in order; entry N (0-based) moves the schema from version N to N + 1. */
export const migrations: readonly { version: number; sql: string }[] = [
  { version: 1, sql: m001.sql },
  { version: 2, sql: m002.sql },
  { version: 3, sql: m003.sql },
  { version: 4, sql: m004.sql },
  { version: 5, sql: m005.sql },
  { version: 6, sql: m006.sql },
  { version: 7, sql: m007.sql },
  { version: 8, sql: m008.sql },
  { version: 9, sql: m009.sql },
  { version: 10, sql: m010.sql },
  { version: 11, sql: m011.sql },
  { version: 12, sql: m012.sql },
  { version: 13, sql: m013.sql },
  { version: 14, sql: m014.sql },
  { version: 15, sql: m015.sql },
  { version: 16, sql: m016.sql },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
