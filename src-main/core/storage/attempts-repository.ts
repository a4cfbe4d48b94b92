import type { AttemptFilter, AttemptStatus, AttemptSummary, Scenario } from '../domain';
import type { Db, LazyDb } from './database';
import { type AttemptRow, now, toSummary } from './rows';

/**
 * The summary columns; `index` names the attempts index to walk. Pages in time order walk
 * attempts_by_start and stop after the page: left to itself, SQLite filters on the review-queue
 * index and then sorts every match (page 20 of a score band among 100,000 attempts: 124 ms, against 11 ms).
 */
const summarySelect = (index = '') => `
  SELECT a.id, a.scenario_id, a.scenario_hash, v.title, a.status, a.started_at, a.finished_at, a.overall_score,
         a.rescored_from, a.certification_pass_mark, a.certification_outcome, a.certified_by, a.certified_by_name,
         a.certified_reason, a.certified_until, p.name AS rep, a.profile_id AS rep_id, r.status AS review_status,
         rp.name AS reviewer, r.note AS review_note, r.updated_at AS reviewed_at,
         (SELECT count(*) FROM turns t WHERE t.attempt_id = a.id) AS turn_count
  FROM attempts a ${index}
  JOIN scenario_versions v ON v.scenario_id = a.scenario_id AND v.content_hash = a.scenario_hash
  JOIN profiles p ON p.id = a.profile_id
  LEFT JOIN reviews r ON r.attempt_id = a.id
  LEFT JOIN profiles rp ON rp.id = r.reviewer_profile_id`;
const SUMMARY_SELECT = summarySelect();

/** ORDER BY for each history sort; ids break ties so paging is stable. Unscored attempts sort last. */
const ORDER: Record<NonNullable<AttemptFilter['sort']>, string> = {
  newest: 'a.started_at DESC, a.id DESC',
  oldest: 'a.started_at ASC, a.id ASC',
  best: 'a.overall_score IS NULL, a.overall_score DESC, a.started_at DESC, a.id DESC',
  worst: 'a.overall_score IS NULL, a.overall_score ASC, a.started_at DESC, a.id DESC',
};

/** The WHERE clause of a history filter, with its parameters. Discarded attempts are never listed. */
function where(filter: Omit<AttemptFilter, 'limit' | 'offset' | 'sort'>): { sql: string; params: unknown[] } {
  const clauses = ['a.discarded_at IS NULL'];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.scenarioId) add('a.scenario_id = ?', filter.scenarioId);
  if (filter.scenarioIds) {
    clauses.push(`a.scenario_id IN (${filter.scenarioIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...filter.scenarioIds);
  }
  if (filter.status) add('a.status = ?', filter.status);
  if (filter.from) add('a.started_at >= ?', filter.from);
  if (filter.to) add('a.started_at < ?', filter.to);
  if (filter.certification) clauses.push('a.certification_pass_mark IS NOT NULL');
  if (filter.repId !== undefined) add('a.profile_id = ?', filter.repId);
  if (filter.notRepId !== undefined) add('a.profile_id <> ?', filter.notRepId);
  if (filter.review === 'to-review') clauses.push('a.review_status IS NULL');
  if (filter.review === 'reviewed' || filter.review === 'needs-another') add('a.review_status = ?', filter.review);
  if (filter.band === 'below-60') clauses.push('a.overall_score < 60');
  if (filter.band === '60-79') clauses.push('a.overall_score >= 60 AND a.overall_score < 80');
  if (filter.band === '80-plus') clauses.push('a.overall_score >= 80');
  if (filter.certification === 'passed') clauses.push("a.certification_outcome = 'certified'");
  if (filter.certification === 'not-passed') clauses.push("a.certification_outcome = 'not-yet'");
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

/** Which scenario version an attempt was taken on, where it stands, whose it is, and its certification. */
export interface AttemptRef {
  scenarioId: string;
  scenarioHash: string;
  status: AttemptStatus;
  discarded: boolean;
  repId: number;
  certification: {
    passMark: number;
    outcome: 'certified' | 'not-yet' | null;
    by: 'automatic' | 'review' | null;
  } | null;
}

/** Reads and writes of scenario versions and attempts. SQL stays in storage/. */
export class AttemptsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  recordScenarioVersion(scenario: Scenario, content: string): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO scenario_versions (scenario_id, content_hash, title, content, first_seen_at) VALUES ' +
          '(?, ?, ?, ?, ?)',
      )
      .run(scenario.id, scenario.contentHash, scenario.title, content, now());
  }

  scenarioContent(scenarioId: string, hash: string): string | undefined {
    const row = this.db
      .prepare('SELECT content FROM scenario_versions WHERE scenario_id = ? AND content_hash = ?')
      .get(scenarioId, hash) as { content: string } | undefined;
    return row?.content;
  }

  createAttempt(profileId: number, scenario: Scenario, startedAt = now(), rescoredFrom: number | null = null): number {
    const info = this.db
      .prepare(
        `INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, rescored_from,
                               certification_pass_mark)
         VALUES (?, ?, ?, 'in_progress', ?, ?, ?)`,
      )
      .run(
        profileId,
        scenario.id,
        scenario.contentHash,
        startedAt,
        rescoredFrom,
        scenario.certification?.passMark ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  /** Which scenario version an attempt was taken on, and where it stands (discarded ones included). */
  attemptRef(attemptId: number): AttemptRef | undefined {
    const row = this.db
      .prepare(
        `SELECT scenario_id, scenario_hash, status, discarded_at, profile_id, certification_pass_mark,
                certification_outcome, certified_by
         FROM attempts WHERE id = ?`,
      )
      .get(attemptId) as
      | {
          scenario_id: string;
          scenario_hash: string;
          status: AttemptStatus;
          discarded_at: string | null;
          profile_id: number;
          certification_pass_mark: number | null;
          certification_outcome: 'certified' | 'not-yet' | null;
          certified_by: 'automatic' | 'review' | null;
        }
      | undefined;
    if (!row) return undefined;
    const passMark = row.certification_pass_mark;
    return {
      scenarioId: row.scenario_id,
      scenarioHash: row.scenario_hash,
      status: row.status,
      discarded: row.discarded_at !== null,
      repId: row.profile_id,
      certification: passMark === null ? null : { passMark, outcome: row.certification_outcome, by: row.certified_by },
    };
  }

  /** Records a certification decision when it is made: by the automatic score, or by a reviewer. */
  setCertification(
    attemptId: number,
    decision: {
      outcome: 'certified' | 'not-yet';
      by: 'automatic' | 'review';
      reviewer?: string;
      reason?: string;
      /** For a certification that expires: the number of days it stays valid, from when the attempt was finished. */
      validDays?: number;
    },
  ): void {
    this.db
      .prepare(
        `UPDATE attempts SET certification_outcome = ?, certified_by = ?, certified_by_name = ?, certified_reason = ?,
           certified_until = CASE WHEN ? = 'certified' AND ? IS NOT NULL
             THEN strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(finished_at, started_at), '+' || ? || ' days') END
         WHERE id = ?`,
      )
      .run(
        decision.outcome,
        decision.by,
        decision.reviewer ?? null,
        decision.reason ?? null,
        decision.outcome,
        decision.validDays ?? null,
        decision.validDays ?? null,
        attemptId,
      );
  }

  /** Complete certification attempts whose outcome was never decided (from before outcomes were stored). */
  undecidedCertifications(): number[] {
    return (
      this.db
        .prepare(
          `SELECT id FROM attempts WHERE status = 'complete' AND certification_pass_mark IS NOT NULL
           AND certification_outcome IS NULL`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id);
  }

  summary(attemptId: number): (AttemptSummary & { scenarioHash: string }) | undefined {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE a.id = ?`).get(attemptId) as AttemptRow | undefined;
    return row && { ...toSummary(row), scenarioHash: row.scenario_hash };
  }

  /** Sets an attempt's status; closing it (complete or incomplete) stamps the time. */
  setStatus(attemptId: number, status: AttemptStatus): void {
    const finishedAt = status === 'in_progress' ? null : now();
    this.db.prepare('UPDATE attempts SET status = ?, finished_at = ? WHERE id = ?').run(status, finishedAt, attemptId);
  }

  setOverall(attemptId: number, overall: number | null): void {
    this.db.prepare('UPDATE attempts SET overall_score = ? WHERE id = ?').run(overall, attemptId);
  }

  list(filter: AttemptFilter): AttemptSummary[] {
    const w = where(filter);
    const sort = filter.sort ?? 'newest';
    // Which index to walk (see summarySelect): time order by start; one scenario's attempts by scenario.
    const index =
      sort === 'newest' || sort === 'oldest'
        ? 'INDEXED BY attempts_by_start'
        : filter.scenarioId
          ? 'INDEXED BY attempts_by_scenario'
          : '';
    const rows = this.db
      .prepare(`${summarySelect(index)} ${w.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`)
      .all(...w.params, filter.limit, filter.offset) as AttemptRow[];
    return rows.map(toSummary);
  }

  count(filter: Omit<AttemptFilter, 'limit' | 'offset' | 'sort'> = {}): number {
    const w = where(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM attempts a ${w.sql}`).get(...w.params) as { n: number }).n;
  }

  /** How many attempts a filter matches in each review status, in one pass. */
  countByReview(filter: Omit<AttemptFilter, 'limit' | 'offset' | 'sort' | 'review'>) {
    const w = where(filter);
    const rows = this.db
      .prepare(`SELECT a.review_status AS status, count(*) AS n FROM attempts a ${w.sql} GROUP BY a.review_status`)
      .all(...w.params) as { status: 'reviewed' | 'needs-another' | null; n: number }[];
    const n = (status: string | null) => rows.find((r) => r.status === status)?.n ?? 0;
    return { toReview: n(null), reviewed: n('reviewed'), needsAnother: n('needs-another') };
  }

  /** The scenarios that have attempts (for the history's scenario filter), by title. */
  practisedScenarios(): { id: string; title: string }[] {
    return this.db
      .prepare(
        `SELECT a.scenario_id AS id, max(v.title) AS title FROM attempts a
         JOIN scenario_versions v ON v.scenario_id = a.scenario_id AND v.content_hash = a.scenario_hash
         WHERE a.discarded_at IS NULL GROUP BY a.scenario_id ORDER BY title`,
      )
      .all() as { id: string; title: string }[];
  }

  rescoredBy(attemptId: number): number[] {
    return (
      this.db
        .prepare('SELECT id FROM attempts WHERE rescored_from = ? AND discarded_at IS NULL ORDER BY id')
        .all(attemptId) as { id: number }[]
    ).map((r) => r.id);
  }

  /** Attempts still "in progress" (when the app starts, they were cut short). */
  inProgress(): number[] {
    return (this.db.prepare("SELECT id FROM attempts WHERE status = 'in_progress'").all() as { id: number }[]).map(
      (r) => r.id,
    );
  }

  /** Hides an attempt (undo: restore); it is deleted when the app next starts. */
  discard(attemptId: number): void {
    this.db.prepare('UPDATE attempts SET discarded_at = ? WHERE id = ?').run(now(), attemptId);
  }

  restore(attemptId: number): void {
    this.db.prepare('UPDATE attempts SET discarded_at = NULL WHERE id = ?').run(attemptId);
  }

  /**
   * Deletes attempts discarded before this start (their turns go with them). Audio files are left: they are shared by
   * content hash.
   */
  purgeDiscarded(): number {
    return this.db.prepare('DELETE FROM attempts WHERE discarded_at IS NOT NULL').run().changes;
  }
}
