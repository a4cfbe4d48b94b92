import type { ProfileRole } from '../domain';
import type { Db, LazyDb } from './database';
import { now } from './rows';
import { UPSERT_OVERRIDE } from './turns-repository';

export interface PersonRow {
  id: number;
  uuid: string;
  name: string;
  roles: ProfileRole[];
}

/** An attempt's own columns, as an attempts bundle carries them. */
export interface AttemptExportRow {
  uuid: string;
  profileId: number;
  scenarioId: string;
  scenarioHash: string;
  status: 'in_progress' | 'complete' | 'incomplete';
  startedAt: string;
  finishedAt: string | null;
  passMark: number | null;
}

export interface OverrideRow {
  turnIndex: number;
  criterionId: string;
  score: number;
  reason: string;
  authorId: number;
  at: string;
}

export interface CommentExportRow {
  uuid: string;
  parentUuid: string | null;
  turnIndex: number;
  atSeconds: number;
  endSeconds: number | null;
  criterionId: string | null;
  body: string;
  authorId: number;
  createdAt: string;
  updatedAt: string | null;
  resolvedAt: string | null;
  resolvedById: number | null;
}

export interface LocalComment {
  id: number;
  attemptId: number;
  authorUuid: string;
  parentId: number | null;
  updatedAt: string | null;
  resolvedAt: string | null;
}

/**
 * The rows attempt bundles and review files read and write, by the UUIDs that travel with them
 * (local integer ids never leave this database).
 */
export class BundlesRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  people(ids: number[]): PersonRow[] {
    if (!ids.length) return [];
    const rows = this.db
      .prepare(`SELECT id, uuid, name, roles FROM profiles WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as { id: number; uuid: string; name: string; roles: string }[];
    return rows.map((r) => ({ ...r, roles: JSON.parse(r.roles) as ProfileRole[] }));
  }

  personByUuid(uuid: string): PersonRow | undefined {
    const row = this.db.prepare('SELECT id, uuid, name, roles FROM profiles WHERE uuid = ?').get(uuid) as
      { id: number; uuid: string; name: string; roles: string } | undefined;
    return row && { ...row, roles: JSON.parse(row.roles) as ProfileRole[] };
  }

  /** Someone from another computer: a confirmed person here, never the one using this copy. */
  addPerson(uuid: string, name: string, roles: ProfileRole[]): number {
    const info = this.db
      .prepare(
        `INSERT INTO profiles (uuid, name, role, roles, is_self, confirmed_at, created_at)
         VALUES (?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(uuid, name, roles[0], JSON.stringify(roles), now(), now());
    return Number(info.lastInsertRowid);
  }

  attempt(attemptId: number): AttemptExportRow | undefined {
    return this.db
      .prepare(
        `SELECT uuid, profile_id AS profileId, scenario_id AS scenarioId, scenario_hash AS scenarioHash, status,
                started_at AS startedAt, finished_at AS finishedAt, certification_pass_mark AS passMark
         FROM attempts WHERE id = ? AND discarded_at IS NULL`,
      )
      .get(attemptId) as AttemptExportRow | undefined;
  }

  attemptByUuid(uuid: string): { id: number; repUuid: string } | undefined {
    return this.db
      .prepare('SELECT a.id, p.uuid AS repUuid FROM attempts a JOIN profiles p ON p.id = a.profile_id WHERE a.uuid = ?')
      .get(uuid) as { id: number; repUuid: string } | undefined;
  }

  insertAttempt(a: Omit<AttemptExportRow, 'status'> & { status: 'complete' | 'incomplete' }): number {
    const info = this.db
      .prepare(
        `INSERT INTO attempts (uuid, profile_id, scenario_id, scenario_hash, status, started_at, finished_at,
                               certification_pass_mark)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.uuid, a.profileId, a.scenarioId, a.scenarioHash, a.status, a.startedAt, a.finishedAt, a.passMark);
    return Number(info.lastInsertRowid);
  }

  insertScenarioVersion(id: string, hash: string, title: string, content: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO scenario_versions VALUES (?, ?, ?, ?, ?)')
      .run(id, hash, title, content, now());
  }

  hasScenarioVersion(id: string, hash: string): boolean {
    return !!this.db
      .prepare('SELECT 1 FROM scenario_versions WHERE scenario_id = ? AND content_hash = ?')
      .get(id, hash);
  }

  overrides(attemptId: number): OverrideRow[] {
    return this.db
      .prepare(
        `SELECT t.turn_index AS turnIndex, o.criterion_id AS criterionId, o.score, o.reason,
                o.author_profile_id AS authorId, o.created_at AS at
         FROM score_overrides o JOIN turns t ON t.id = o.turn_id WHERE t.attempt_id = ? ORDER BY t.turn_index`,
      )
      .all(attemptId) as OverrideRow[];
  }

  /** Writes a reviewer's score unless this database holds a newer one for the same criterion; true when written. */
  mergeOverride(turnId: number, o: Omit<OverrideRow, 'turnIndex'>): boolean {
    const existing = this.db
      .prepare('SELECT created_at, score, reason FROM score_overrides WHERE turn_id = ? AND criterion_id = ?')
      .get(turnId, o.criterionId) as { created_at: string; score: number; reason: string } | undefined;
    if (existing && (Date.parse(existing.created_at) >= Date.parse(o.at) || sameOverride(existing, o))) return false;
    this.db.prepare(UPSERT_OVERRIDE).run(turnId, o.criterionId, o.score, o.reason, o.authorId, o.at);
    return true;
  }

  comments(attemptId: number): CommentExportRow[] {
    return this.db
      .prepare(
        `SELECT c.uuid, pc.uuid AS parentUuid, t.turn_index AS turnIndex, c.at_seconds AS atSeconds,
                c.end_seconds AS endSeconds, c.criterion_id AS criterionId, c.body, c.author_profile_id AS authorId,
                c.created_at AS createdAt, c.updated_at AS updatedAt, c.resolved_at AS resolvedAt,
                c.resolved_by_profile_id AS resolvedById
         FROM review_comments c JOIN turns t ON t.id = c.turn_id
         LEFT JOIN review_comments pc ON pc.id = c.parent_id
         WHERE c.attempt_id = ? ORDER BY c.id`,
      )
      .all(attemptId) as CommentExportRow[];
  }

  commentByUuid(uuid: string): LocalComment | undefined {
    return this.db
      .prepare(
        `SELECT c.id, c.attempt_id AS attemptId, p.uuid AS authorUuid, c.parent_id AS parentId,
                c.updated_at AS updatedAt, c.resolved_at AS resolvedAt
         FROM review_comments c JOIN profiles p ON p.id = c.author_profile_id WHERE c.uuid = ?`,
      )
      .get(uuid) as LocalComment | undefined;
  }

  personByName(name: string): PersonRow | undefined {
    const row = this.db
      .prepare('SELECT id, uuid, name, roles FROM profiles WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1')
      .get(name) as { id: number; uuid: string; name: string; roles: string } | undefined;
    return row && { ...row, roles: JSON.parse(row.roles) as ProfileRole[] };
  }

  insertComment(
    c: Omit<CommentExportRow, 'parentUuid' | 'turnIndex'> & {
      attemptId: number;
      turnId: number;
      parentId: number | null;
    },
  ): void {
    this.db
      .prepare(
        `INSERT INTO review_comments (uuid, attempt_id, turn_id, author_profile_id, at_seconds, end_seconds,
                                      criterion_id, parent_id, body, created_at, updated_at, resolved_at,
                                      resolved_by_profile_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.uuid,
        c.attemptId,
        c.turnId,
        c.authorId,
        c.atSeconds,
        c.endSeconds,
        c.criterionId,
        c.parentId,
        c.body,
        c.createdAt,
        c.updatedAt,
        c.resolvedAt,
        c.resolvedById,
      );
  }

  /** A later edit or resolution of a comment this database already has. */
  updateComment(id: number, c: Pick<CommentExportRow, 'body' | 'updatedAt' | 'resolvedAt' | 'resolvedById'>): void {
    this.db
      .prepare(
        'UPDATE review_comments SET body = ?, updated_at = ?, resolved_at = ?, resolved_by_profile_id = ? WHERE id = ?',
      )
      .run(c.body, c.updatedAt, c.resolvedAt, c.resolvedById, id);
  }

  reviewOf(attemptId: number) {
    return this.db
      .prepare(
        `SELECT status, note, reviewer_profile_id AS reviewerId, updated_at AS at FROM reviews WHERE attempt_id = ?`,
      )
      .get(attemptId) as
      { status: 'reviewed' | 'needs-another'; note: string | null; reviewerId: number; at: string } | undefined;
  }
}

const sameOverride = (a: { score: number; reason: string }, b: { score: number; reason: string }) =>
  a.score === b.score && a.reason === b.reason;
