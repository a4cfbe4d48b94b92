import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { SparringError } from '../errors';
import type { TeamRole } from './team-schema';

export interface AddedPerson {
  uuid: string;
  name: string;
  role: TeamRole;
  login: string;
  /** Shown once, to hand to the person; PostgreSQL keeps only its hash. */
  password: string;
  /** The URL this person pastes into Settings → Team (the admin's URL with their login). */
  url: string;
}

/**
 * Adds a person to the team: a PostgreSQL login with a fresh password, member of their role's
 * group, and their row in sparring.people (with who manages them). One transaction: a failure
 * leaves neither a login without a person nor the other way round. Run with the owner's URL.
 */
export async function addTeamPerson(
  client: ClientBase,
  adminUrl: string,
  person: { name: string; role: TeamRole; manager?: string | null },
): Promise<AddedPerson> {
  const name = person.name.trim();
  if (!name || name.length > 80) throw new SparringError('bad_name', 'A name is 1 to 80 characters.');
  await client.query('BEGIN');
  try {
    const taken = await client.query('SELECT 1 FROM sparring.people WHERE lower(name) = lower($1)', [name]);
    if (taken.rowCount) throw new SparringError('name_taken', `There is already a "${name}" in this team.`);
    let managerUuid: string | null = null;
    if (person.manager) {
      const m = await client.query<{ uuid: string; role: string }>(
        'SELECT uuid, role FROM sparring.people WHERE lower(name) = lower($1) OR login = $1',
        [person.manager],
      );
      if (!m.rows[0])
        throw new SparringError('no_manager', `There is no "${person.manager}" in this team: add the manager first.`);
      if (m.rows[0].role !== 'manager')
        throw new SparringError('not_a_manager', `"${person.manager}" is a ${m.rows[0].role}, not a manager.`);
      managerUuid = m.rows[0].uuid;
    }
    const login = await freeLogin(client, name);
    const password = randomBytes(18).toString('base64url');
    await client.query(
      `CREATE ROLE ${client.escapeIdentifier(login)} LOGIN PASSWORD ${client.escapeLiteral(password)} ` +
        `IN ROLE sparring_${person.role}`,
    );
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(db)} TO ${client.escapeIdentifier(login)}`);
    const uuid = randomUUID();
    await client.query(
      'INSERT INTO sparring.people (uuid, login, name, role, manager_uuid) VALUES ($1, $2, $3, $4, $5)',
      [uuid, login, name, person.role, managerUuid],
    );
    await client.query('COMMIT');
    const url = new URL(adminUrl);
    url.username = login;
    url.password = password;
    return { uuid, name, role: person.role, login, password, url: url.toString() };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** A login made from the name (lower case, letters and digits), unique on the whole server. */
async function freeLogin(client: ClientBase, name: string): Promise<string> {
  const base =
    'sp_' +
    (name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'person');
  for (let n = 1; ; n++) {
    const login = n === 1 ? base : `${base}_${n}`;
    const used = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
    if (!used.rowCount) return login;
  }
}

/** Moves a rep to another manager (run with the owner's URL): the new manager's next sync brings their attempts. */
export async function setManager(client: ClientBase, rep: string, manager: string): Promise<void> {
  const m = await client.query<{ uuid: string; role: string }>(
    'SELECT uuid, role FROM sparring.people WHERE lower(name) = lower($1) OR login = $1',
    [manager],
  );
  if (m.rows[0]?.role !== 'manager')
    throw new SparringError('not_a_manager', `There is no manager "${manager}" in this team.`);
  const r = await client.query(
    "UPDATE sparring.people SET manager_uuid = $1 WHERE (lower(name) = lower($2) OR login = $2) AND role = 'rep'",
    [m.rows[0].uuid, rep],
  );
  if (!r.rowCount) throw new SparringError('no_rep', `There is no rep "${rep}" in this team.`);
}

export interface TeamStatusReport {
  schemaVersion: number;
  people: { name: string; role: TeamRole; login: string; manager: string | null }[];
  attempts: number;
  audioBytes: number;
  answerMinutes: number;
  packs: number;
}

/** What `sparring team status` prints: who is in the team, what the store holds. */
export async function teamStatus(client: ClientBase): Promise<TeamStatusReport> {
  const version = await client.query<{ version: number }>('SELECT version FROM sparring.schema_version');
  const people = await client.query<TeamStatusReport['people'][number]>(
    `SELECT p.name, p.role, p.login, m.name AS manager FROM sparring.people p
     LEFT JOIN sparring.people m ON m.uuid = p.manager_uuid ORDER BY p.role, p.name`,
  );
  const counts = await client.query<{ attempts: string; bytes: string; seconds: number; packs: string }>(
    `SELECT (SELECT count(*) FROM sparring.attempts) AS attempts,
            (SELECT coalesce(sum(octet_length(opus)), 0) FROM sparring.audio) AS bytes,
            (SELECT coalesce(sum(duration_seconds), 0) FROM sparring.audio) AS seconds,
            (SELECT count(*) FROM sparring.packs) AS packs`,
  );
  const c = counts.rows[0]!;
  return {
    schemaVersion: version.rows[0]?.version ?? 0,
    people: people.rows,
    attempts: Number(c.attempts),
    audioBytes: Number(c.bytes),
    answerMinutes: Number(c.seconds) / 60,
    packs: Number(c.packs),
  };
}
