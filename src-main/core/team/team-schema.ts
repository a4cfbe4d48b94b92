import type { ClientBase } from 'pg';
import { SparringError } from '../errors';

/**
 * The team store's schema in PostgreSQL, as versioned migrations (like the local ones): each runs
 * once, in a transaction, and a store migrated by a newer Sparring is refused, never touched.
 *
 * Authorisation is PostgreSQL's, not the app's: one login per person, member of a group role
 * (sparring_rep, sparring_manager, sparring_designer, sparring_admin), and row-level security on
 * every table a person reads. `sparring.visible_reps()` is the one place that says whose attempts
 * a login may see: their own, and those of the reps they manage.
 *
 * Every row that is pulled carries `seq`, a number from one sequence handed out under a
 * transaction-scoped advisory lock, so numbers become visible in order: a puller that has seen
 * change N never finds a smaller one later (with plain nextval, a transaction that took 41 could
 * commit after one that took 42, and a cursor at 42 would skip it forever). The lock is taken by
 * the last insert of a push, so it is held for milliseconds, not for an upload.
 */
export const TEAM_SCHEMA_VERSION = 2;

export const GROUP_ROLES = ['sparring_rep', 'sparring_manager', 'sparring_designer', 'sparring_admin'] as const;
export type TeamRole = 'rep' | 'manager' | 'designer' | 'admin';

const V1 = `
CREATE SEQUENCE sparring.change_seq;

CREATE FUNCTION sparring.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = sparring, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sparring.change_seq'));
  NEW.seq := nextval('sparring.change_seq');
  RETURN NEW;
END $$;

CREATE TABLE sparring.people (
  uuid          uuid PRIMARY KEY,
  login         name NOT NULL UNIQUE,
  name          text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 80),
  role          text NOT NULL CHECK (role IN ('rep', 'manager', 'designer', 'admin')),
  manager_uuid  uuid REFERENCES sparring.people(uuid),
  seq           bigint NOT NULL
);

-- Scenario versions and rubric texts are named by their content: anyone may add one, nobody can change one.
CREATE TABLE sparring.scenario_versions (
  id       text NOT NULL,
  hash     text NOT NULL CHECK (hash = encode(sha256(convert_to(content, 'UTF8')), 'hex')),
  content  text NOT NULL,
  PRIMARY KEY (id, hash)
);
-- A rubric version names its files' hashes, yet only the app can check that: several texts may be
-- stored under one version, and each reader keeps the one that parses to it (bundles/score-check.ts).
CREATE TABLE sparring.rubrics (
  version  text NOT NULL,
  hash     text NOT NULL CHECK (hash = encode(sha256(convert_to(content, 'UTF8')), 'hex')),
  content  text NOT NULL,
  PRIMARY KEY (version, hash)
);

-- A finished attempt, immutable: its manifest part (scores with evidence, transcripts, path) as JSON.
CREATE TABLE sparring.attempts (
  uuid       uuid PRIMARY KEY,
  rep_uuid   uuid NOT NULL REFERENCES sparring.people(uuid),
  -- An object, and small enough to send back (a huge row would fail every pull at that cursor).
  body       jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object' AND octet_length(body::text) < 8000000),
  pushed_at  timestamptz NOT NULL DEFAULT now(),
  seq        bigint NOT NULL
);
CREATE INDEX attempts_by_seq ON sparring.attempts (seq);
CREATE INDEX attempts_by_rep ON sparring.attempts (rep_uuid, seq);

-- An answer's audio as Opus (the master WAV stays on the rep's computer), named by the WAV's SHA-256.
CREATE TABLE sparring.audio (
  rep_uuid          uuid NOT NULL REFERENCES sparring.people(uuid),
  sha256            text NOT NULL,
  opus              bytea NOT NULL CHECK (octet_length(opus) < 16000000),
  duration_seconds  real NOT NULL,
  PRIMARY KEY (rep_uuid, sha256)
);

-- What one person added to one attempt (verdict, score changes, comments, plan): one writer per row.
CREATE TABLE sparring.review_parts (
  attempt_uuid  uuid NOT NULL REFERENCES sparring.attempts(uuid),
  author_uuid   uuid NOT NULL REFERENCES sparring.people(uuid),
  rep_uuid      uuid NOT NULL REFERENCES sparring.people(uuid),
  body          jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object' AND octet_length(body::text) < 8000000),
  fingerprint   text NOT NULL,
  seq           bigint NOT NULL,
  PRIMARY KEY (attempt_uuid, author_uuid)
);
CREATE INDEX review_parts_by_seq ON sparring.review_parts (seq);

-- A published scenario pack: versions are immutable, a higher version supersedes.
CREATE TABLE sparring.packs (
  name           text NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  zip            bytea NOT NULL,
  sha256         text NOT NULL,
  designer_uuid  uuid NOT NULL REFERENCES sparring.people(uuid),
  published_at   timestamptz NOT NULL DEFAULT now(),
  seq            bigint NOT NULL,
  PRIMARY KEY (name, version)
);

CREATE TRIGGER people_seq BEFORE INSERT OR UPDATE ON sparring.people FOR EACH ROW EXECUTE FUNCTION sparring.stamp();
CREATE TRIGGER attempts_seq BEFORE INSERT ON sparring.attempts FOR EACH ROW EXECUTE FUNCTION sparring.stamp();
CREATE TRIGGER review_parts_seq BEFORE INSERT OR UPDATE ON sparring.review_parts
  FOR EACH ROW EXECUTE FUNCTION sparring.stamp();
CREATE TRIGGER packs_seq BEFORE INSERT ON sparring.packs FOR EACH ROW EXECUTE FUNCTION sparring.stamp();

-- Who is connected: the person whose login this session is.
CREATE FUNCTION sparring.me() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = sparring, pg_temp AS $$ SELECT uuid FROM sparring.people WHERE login = session_user $$;

-- Whose attempts this session may read: its own, and those of the reps it manages.
CREATE FUNCTION sparring.visible_reps() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = sparring, pg_temp AS $$
  SELECT coalesce(array_agg(uuid), '{}') FROM sparring.people
  WHERE login = session_user OR manager_uuid = (SELECT uuid FROM sparring.people WHERE login = session_user)
$$;

ALTER TABLE sparring.people ENABLE ROW LEVEL SECURITY;
ALTER TABLE sparring.attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sparring.audio ENABLE ROW LEVEL SECURITY;
ALTER TABLE sparring.review_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sparring.packs ENABLE ROW LEVEL SECURITY;
ALTER TABLE sparring.scenario_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sparring.rubrics ENABLE ROW LEVEL SECURITY;

-- Names and roles are not private inside a team: a rep sees who reviewed them.
-- Only for people of this team: group roles belong to the whole server, so a login of another
-- team's database could otherwise connect here and read or write.
CREATE POLICY people_read ON sparring.people FOR SELECT USING ((SELECT sparring.me()) IS NOT NULL);

-- (SELECT ...) makes PostgreSQL compute the list once per query, not once per row.
CREATE POLICY attempts_read ON sparring.attempts FOR SELECT
  USING (rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[]));
CREATE POLICY attempts_write ON sparring.attempts FOR INSERT WITH CHECK (rep_uuid = (SELECT sparring.me()));
CREATE POLICY audio_read ON sparring.audio FOR SELECT USING (rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[]));
CREATE POLICY audio_write ON sparring.audio FOR INSERT WITH CHECK (rep_uuid = (SELECT sparring.me()));

CREATE POLICY review_parts_read ON sparring.review_parts FOR SELECT
  USING (rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[]));
-- Only the author writes a part, on an attempt they may see; a rep's own part holds replies only
-- (no verdict, no score change, no plan: a rep never reviews their own attempt).
CREATE POLICY review_parts_insert ON sparring.review_parts FOR INSERT WITH CHECK (
  author_uuid = (SELECT sparring.me())
  AND rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[])
  AND EXISTS (SELECT 1 FROM sparring.attempts a WHERE a.uuid = attempt_uuid AND a.rep_uuid = review_parts.rep_uuid)
  AND (author_uuid <> rep_uuid OR (body->'review' = 'null' AND body->'overrides' = '[]' AND body->'plan' = 'null'))
);
-- An update replaces the body only (see the column grant below); the row's attempt and rep stay.
CREATE POLICY review_parts_update ON sparring.review_parts FOR UPDATE
  USING (author_uuid = (SELECT sparring.me()))
  WITH CHECK (
    author_uuid = (SELECT sparring.me())
    AND rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[])
    AND EXISTS (SELECT 1 FROM sparring.attempts a WHERE a.uuid = attempt_uuid AND a.rep_uuid = review_parts.rep_uuid)
    AND (author_uuid <> rep_uuid OR (body->'review' = 'null' AND body->'overrides' = '[]' AND body->'plan' = 'null'))
  );

CREATE POLICY packs_read ON sparring.packs FOR SELECT USING ((SELECT sparring.me()) IS NOT NULL);
CREATE POLICY packs_write ON sparring.packs FOR INSERT WITH CHECK (designer_uuid = (SELECT sparring.me()));
CREATE POLICY scenario_versions_read ON sparring.scenario_versions FOR SELECT
  USING ((SELECT sparring.me()) IS NOT NULL);
CREATE POLICY scenario_versions_write ON sparring.scenario_versions FOR INSERT
  WITH CHECK ((SELECT sparring.me()) IS NOT NULL);
CREATE POLICY rubrics_read ON sparring.rubrics FOR SELECT USING ((SELECT sparring.me()) IS NOT NULL);
CREATE POLICY rubrics_write ON sparring.rubrics FOR INSERT WITH CHECK ((SELECT sparring.me()) IS NOT NULL);

GRANT USAGE ON SCHEMA sparring TO sparring_rep, sparring_manager, sparring_designer, sparring_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA sparring TO sparring_rep, sparring_manager, sparring_designer, sparring_admin;
GRANT USAGE ON SEQUENCE sparring.change_seq TO sparring_rep, sparring_manager, sparring_designer, sparring_admin;
GRANT INSERT ON sparring.scenario_versions, sparring.rubrics
  TO sparring_rep, sparring_manager, sparring_designer, sparring_admin;
GRANT INSERT ON sparring.attempts, sparring.audio TO sparring_rep;
GRANT INSERT, UPDATE (body, fingerprint) ON sparring.review_parts TO sparring_rep, sparring_manager;
GRANT INSERT ON sparring.packs TO sparring_designer;
GRANT EXECUTE ON FUNCTION sparring.me(), sparring.visible_reps()
  TO sparring_rep, sparring_manager, sparring_designer, sparring_admin;
`;

/**
 * Version 2: assignments. A manager asks one of their reps to practise (or certify on) a scenario
 * by a date; the manager writes it (and may change or cancel it: the body only), the rep reads it.
 */
const V2 = `
CREATE TABLE sparring.assignments (
  uuid          uuid PRIMARY KEY,
  manager_uuid  uuid NOT NULL REFERENCES sparring.people(uuid),
  rep_uuid      uuid NOT NULL REFERENCES sparring.people(uuid),
  body          jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object' AND octet_length(body::text) < 100000),
  seq           bigint NOT NULL
);
CREATE INDEX assignments_by_seq ON sparring.assignments (seq);
CREATE TRIGGER assignments_seq BEFORE INSERT OR UPDATE ON sparring.assignments
  FOR EACH ROW EXECUTE FUNCTION sparring.stamp();
ALTER TABLE sparring.assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignments_read ON sparring.assignments FOR SELECT
  USING (rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[]));
CREATE POLICY assignments_insert ON sparring.assignments FOR INSERT WITH CHECK (
  manager_uuid = (SELECT sparring.me())
  AND rep_uuid <> manager_uuid
  AND rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[])
);
CREATE POLICY assignments_update ON sparring.assignments FOR UPDATE
  USING (manager_uuid = (SELECT sparring.me()))
  WITH CHECK (manager_uuid = (SELECT sparring.me()) AND rep_uuid = ANY ((SELECT sparring.visible_reps())::uuid[]));
GRANT SELECT ON sparring.assignments TO sparring_rep, sparring_manager, sparring_designer, sparring_admin;
GRANT INSERT, UPDATE (body) ON sparring.assignments TO sparring_manager;
`;

/** Migrations in order; entry N moves the team schema from version N to N + 1. */
export const TEAM_MIGRATIONS: readonly { version: number; sql: string }[] = [
  { version: 1, sql: V1 },
  { version: 2, sql: V2 },
];

/** What `sparring team init` did. */
export interface TeamInitReport {
  from: number;
  to: number;
}

/** The schema version of the store this client is connected to; 0 when it has none yet. */
export async function teamSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query("SELECT to_regclass('sparring.schema_version') IS NOT NULL AS ok");
  if (!(exists.rows[0] as { ok: boolean }).ok) return 0;
  const row = await client.query('SELECT version FROM sparring.schema_version');
  return (row.rows[0] as { version: number } | undefined)?.version ?? 0;
}

export class NewerTeamSchemaError extends SparringError {
  constructor(found: number) {
    super(
      'team_schema_too_new',
      `The team store was set up by a newer version of Sparring (team schema ${found}; this version knows up to ` +
        `${TEAM_SCHEMA_VERSION}). Update Sparring on this computer; nothing was changed.`,
    );
  }
}

/**
 * Creates or migrates the team schema, the group roles and the policies: run by the person who
 * owns the database (`sparring team init`). Each migration is one transaction, so a failure leaves
 * the previous version whole. Safe to run again.
 */
export async function initTeamSchema(client: ClientBase): Promise<TeamInitReport> {
  // Roles belong to the whole server, not to one database: create each only if it is missing.
  for (const role of GROUP_ROLES)
    await client.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') ` +
        `THEN CREATE ROLE ${role} NOLOGIN; END IF; END $$`,
    );
  const from = await teamSchemaVersion(client);
  if (from > TEAM_SCHEMA_VERSION) throw new NewerTeamSchemaError(from);
  for (const m of TEAM_MIGRATIONS) {
    if (m.version <= from) continue;
    await client.query('BEGIN');
    try {
      if (m.version === 1) {
        await client.query('CREATE SCHEMA IF NOT EXISTS sparring');
        // store_id tells one store from another: a copy connected to a new store starts its cursors over.
        await client.query(
          'CREATE TABLE sparring.schema_version ' +
            '(version integer NOT NULL, store_id uuid NOT NULL DEFAULT gen_random_uuid())',
        );
        await client.query('INSERT INTO sparring.schema_version (version) VALUES (0)');
        await client.query(
          'GRANT USAGE ON SCHEMA sparring TO sparring_rep, sparring_manager, sparring_designer, sparring_admin',
        );
      }
      await client.query(m.sql);
      await client.query('UPDATE sparring.schema_version SET version = $1', [m.version]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  await harden(client);
  return { from, to: TEAM_SCHEMA_VERSION };
}

/**
 * What the schema cannot say by itself, run by every `team init`: only this team's logins may
 * connect (add-person grants each one; the group roles are shared by every database on the server),
 * a transaction left open is ended after a minute, and nobody but the stamp trigger takes advisory
 * locks (a session holding the change-number lock would stall every push). The last needs a
 * superuser; without one it is skipped with a notice, and the client's lock timeout still applies.
 */
async function harden(client: ClientBase) {
  await client.query(`DO $$ BEGIN
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
  END $$`);
  await client.query(`DO $$ BEGIN
    REVOKE EXECUTE ON FUNCTION pg_advisory_lock(bigint), pg_advisory_lock(integer, integer),
      pg_advisory_lock_shared(bigint), pg_advisory_xact_lock(bigint), pg_advisory_xact_lock(integer, integer),
      pg_advisory_xact_lock_shared(bigint), pg_try_advisory_lock(bigint), pg_try_advisory_xact_lock(bigint)
      FROM PUBLIC;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'advisory locks stay open to every login (not a superuser)';
  END $$`);
}
