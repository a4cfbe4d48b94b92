import type { ClientBase } from 'pg';
import type { BundleAttempt, BundleReview, Manifest } from '../bundles/bundle-manifest';
import type { TeamRole } from './team-schema';

/**
 * The queries a signed-in person runs against the team store. PostgreSQL's policies decide what
 * each one sees and may write (team-schema.ts); nothing here filters by person.
 */

export interface TeamPerson {
  uuid: string;
  name: string;
  role: TeamRole;
  managerUuid: string | null;
  seq: number;
}

export async function whoAmI(client: ClientBase): Promise<TeamPerson | null> {
  const r = await client.query(
    `SELECT uuid, name, role, manager_uuid AS "managerUuid", seq::float8 AS seq FROM sparring.people
     WHERE uuid = sparring.me()`,
  );
  return (r.rows[0] as TeamPerson | undefined) ?? null;
}

/** Which store this is (made by `team init`): cursors belong to one store. */
export async function storeId(client: ClientBase): Promise<string> {
  const r = await client.query<{ id: string }>('SELECT store_id::text AS id FROM sparring.schema_version');
  return r.rows[0]!.id;
}

export async function peopleSince(client: ClientBase, cursor: number): Promise<TeamPerson[]> {
  const r = await client.query(
    `SELECT uuid, name, role, manager_uuid AS "managerUuid", seq::float8 AS seq FROM sparring.people
     WHERE seq > $1 ORDER BY seq`,
    [cursor],
  );
  return r.rows as TeamPerson[];
}

export interface AttemptUpload {
  attempt: BundleAttempt;
  scenarios: Manifest['scenarios'];
  rubrics: Manifest['rubrics'];
  /** Opus copies of the answers, by the master WAV's SHA-256. */
  audio: { sha256: string; opus: Uint8Array; durationSeconds: number }[];
}

/**
 * One attempt in one transaction: its scenario version, rubric text, audio, then the attempt row
 * last (which takes the change number, see team-schema.ts). Cut anywhere, nothing of it is on the
 * server; pushed again, nothing is added (every insert ignores what is already there).
 * Returns whether the attempt was new to the store.
 */
export async function pushAttempt(client: ClientBase, up: AttemptUpload): Promise<boolean> {
  await client.query('BEGIN');
  try {
    for (const s of up.scenarios)
      await client.query(
        'INSERT INTO sparring.scenario_versions (id, hash, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [s.id, s.hash, s.content],
      );
    for (const r of up.rubrics)
      await client.query(
        `INSERT INTO sparring.rubrics (version, hash, content)
         VALUES ($1, encode(sha256(convert_to($2::text, 'UTF8')), 'hex'), $2) ON CONFLICT DO NOTHING`,
        [r.version, r.content],
      );
    for (const a of up.audio)
      await client.query(
        `INSERT INTO sparring.audio (rep_uuid, sha256, opus, duration_seconds) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [up.attempt.repUuid, a.sha256, a.opus, a.durationSeconds],
      );
    const added = await client.query(
      'INSERT INTO sparring.attempts (uuid, rep_uuid, body) VALUES ($1, $2, $3) ON CONFLICT (uuid) DO NOTHING',
      [up.attempt.uuid, up.attempt.repUuid, JSON.stringify(up.attempt)],
    );
    await client.query('COMMIT');
    return added.rowCount === 1;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * What one author added to one attempt; replaced whole when it changed (its fingerprint). Returns
 * false if the attempt is not in the store.
 */
export async function pushReviewPart(
  client: ClientBase,
  part: { attemptUuid: string; authorUuid: string; body: BundleReview; fingerprint: string },
): Promise<boolean> {
  // The rep as the store knows them (this computer may know the same person under an older UUID,
  // from a file received before the team was connected).
  const there = await client.query<{ rep: string }>(
    'SELECT rep_uuid::text AS rep FROM sparring.attempts WHERE uuid = $1',
    [part.attemptUuid],
  );
  if (!there.rows[0]) return false;
  const repUuid = there.rows[0].rep;
  await client.query(
    `INSERT INTO sparring.review_parts (attempt_uuid, author_uuid, rep_uuid, body, fingerprint)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (attempt_uuid, author_uuid)
     DO UPDATE SET body = excluded.body, fingerprint = excluded.fingerprint
     WHERE sparring.review_parts.fingerprint <> excluded.fingerprint`,
    [part.attemptUuid, part.authorUuid, repUuid, JSON.stringify({ ...part.body, repUuid }), part.fingerprint],
  );
  return true;
}

export interface PulledAttempt {
  uuid: string;
  repUuid: string;
  body: unknown;
  seq: number;
}

export async function attemptsSince(client: ClientBase, cursor: number, limit: number): Promise<PulledAttempt[]> {
  const r = await client.query(
    `SELECT uuid::text, rep_uuid::text AS "repUuid", body, seq::float8 AS seq FROM sparring.attempts
     WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [cursor, limit],
  );
  return r.rows as PulledAttempt[];
}

/** One rep's attempts after a change number (a rep newly moved to this manager). */
export async function attemptsOfRep(
  client: ClientBase,
  repUuid: string,
  after: number,
  limit: number,
): Promise<PulledAttempt[]> {
  const r = await client.query(
    `SELECT uuid::text, rep_uuid::text AS "repUuid", body, seq::float8 AS seq FROM sparring.attempts
     WHERE rep_uuid = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [repUuid, after, limit],
  );
  return r.rows as PulledAttempt[];
}

/** The attempts whose review material changed since the cursor, and the last change number seen. */
export async function reviewedSince(
  client: ClientBase,
  cursor: number,
  limit: number,
): Promise<{ attemptUuids: string[]; last: number; full: boolean }> {
  const r = await client.query<{ attempt_uuid: string; seq: number }>(
    'SELECT attempt_uuid::text, seq::float8 AS seq FROM sparring.review_parts WHERE seq > $1 ORDER BY seq LIMIT $2',
    [cursor, limit],
  );
  return {
    attemptUuids: [...new Set(r.rows.map((x) => x.attempt_uuid))],
    last: r.rows.length ? r.rows[r.rows.length - 1]!.seq : cursor,
    full: r.rows.length === limit,
  };
}

/** Every author's part of these attempts' reviews. */
export async function reviewParts(
  client: ClientBase,
  attemptUuids: string[],
): Promise<{ attemptUuid: string; authorUuid: string; repUuid: string; body: unknown }[]> {
  const r = await client.query(
    `SELECT attempt_uuid::text AS "attemptUuid", author_uuid::text AS "authorUuid", rep_uuid::text AS "repUuid", body
     FROM sparring.review_parts WHERE attempt_uuid = ANY($1::uuid[]) ORDER BY attempt_uuid, author_uuid`,
    [attemptUuids],
  );
  return r.rows as { attemptUuid: string; authorUuid: string; repUuid: string; body: unknown }[];
}

export async function scenarioVersions(
  client: ClientBase,
  keys: { id: string; hash: string }[],
): Promise<Manifest['scenarios']> {
  if (!keys.length) return [];
  const r = await client.query(
    `SELECT s.id, s.hash, s.content FROM sparring.scenario_versions s
     JOIN unnest($1::text[], $2::text[]) AS k(id, hash) ON k.id = s.id AND k.hash = s.hash`,
    [keys.map((k) => k.id), keys.map((k) => k.hash)],
  );
  return r.rows as Manifest['scenarios'];
}

export async function rubricTexts(client: ClientBase, versions: string[]): Promise<Manifest['rubrics']> {
  if (!versions.length) return [];
  // Every text stored under these versions: the checks keep the one that really is the version.
  const r = await client.query(
    'SELECT version, content FROM sparring.rubrics WHERE version = ANY($1::text[]) ORDER BY version, hash',
    [versions],
  );
  return r.rows as Manifest['rubrics'];
}

export async function audioCopy(
  client: ClientBase,
  repUuid: string,
  sha256: string,
): Promise<{ opus: Buffer; durationSeconds: number } | null> {
  const r = await client.query(
    'SELECT opus, duration_seconds AS "durationSeconds" FROM sparring.audio WHERE rep_uuid = $1 AND sha256 = $2',
    [repUuid, sha256],
  );
  return (r.rows[0] as { opus: Buffer; durationSeconds: number } | undefined) ?? null;
}

/** An assignment's body in the store: what the manager decided (whether it is done is read from attempts). */
export interface AssignmentBody {
  scenarioId: string;
  kind: 'practice' | 'certification';
  dueOn: string;
  note: string | null;
  createdAt: string;
  cancelledAt: string | null;
}

/** A manager's assignment, added or replaced whole (one writer: that manager). */
export async function pushAssignment(
  client: ClientBase,
  a: { uuid: string; managerUuid: string; repUuid: string; body: AssignmentBody },
): Promise<void> {
  await client.query(
    `INSERT INTO sparring.assignments (uuid, manager_uuid, rep_uuid, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (uuid) DO UPDATE SET body = excluded.body WHERE sparring.assignments.body <> excluded.body`,
    [a.uuid, a.managerUuid, a.repUuid, JSON.stringify(a.body)],
  );
}

export async function assignmentsSince(
  client: ClientBase,
  cursor: number,
): Promise<{ uuid: string; managerUuid: string; repUuid: string; body: unknown; seq: number }[]> {
  const r = await client.query(
    `SELECT uuid::text, manager_uuid::text AS "managerUuid", rep_uuid::text AS "repUuid", body, seq::float8 AS seq
     FROM sparring.assignments WHERE seq > $1 ORDER BY seq LIMIT 1000`,
    [cursor],
  );
  return r.rows as { uuid: string; managerUuid: string; repUuid: string; body: unknown; seq: number }[];
}

export interface PulledPack {
  name: string;
  version: number;
  zip: Buffer;
  sha256: string;
  seq: number;
}

export async function packsSince(client: ClientBase, cursor: number): Promise<PulledPack[]> {
  const r = await client.query(
    'SELECT name, version, zip, sha256, seq::float8 AS seq FROM sparring.packs WHERE seq > $1 ORDER BY seq',
    [cursor],
  );
  return r.rows as PulledPack[];
}

/** Publishes a pack as its next version (1 for a new name); returns that version. */
export async function publishPack(
  client: ClientBase,
  pack: { name: string; zip: Uint8Array; sha256: string; designerUuid: string },
): Promise<number> {
  const r = await client.query<{ version: number }>(
    `INSERT INTO sparring.packs (name, version, zip, sha256, designer_uuid)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM sparring.packs WHERE name = $1
     RETURNING version`,
    [pack.name, pack.zip, pack.sha256, pack.designerUuid],
  );
  return r.rows[0]!.version;
}
