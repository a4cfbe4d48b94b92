import { GROWTH_EPOCH_MS, HALF_LIFE_DAYS, MAX_GROWTH_EXPONENT } from '../practice-plan/mastery';
import type { Db, LazyDb } from './database';
import { EPOCH_MS } from './plan-repository';

/** One rep's sums for one criterion over some days (migration 16 explains a and b). */
export interface CriterionSums {
  repId: number;
  criterionId: string;
  a: number;
  b: number;
  n: number;
}

/** One complete attempt's sums for one criterion. */
export interface CriterionFact {
  attemptId: number;
  repId: number;
  criterionId: string;
  atMs: number;
  day: string;
  total: number;
  n: number;
  a: number;
  b: number;
}

/** growthWeight (practice-plan/mastery.ts) in SQL, with the same cap. */
/** A certification attempt: how it ended, until when a pass is valid, when it was finished. */
export interface CertificationAttempt {
  attemptId: number;
  repId: number;
  scenarioId: string;
  outcome: 'certified' | 'not-yet';
  validUntil: string | null;
  atMs: number;
}

const HALF_LIFE_MS = HALF_LIFE_DAYS * 86_400_000;
const GROWTH_SQL = `pow(2, min(${MAX_GROWTH_EXPONENT}, (at_ms - ${GROWTH_EPOCH_MS}) / ${HALF_LIFE_MS}.0))`;
const FACT =
  'attempt_id AS attemptId, profile_id AS repId, criterion_id AS criterionId, at_ms AS atMs, day, total, n, a, b';
const MAX_MINUTES_PER_ATTEMPT = 30;

/**
 * The team figures of migration 16: brought up to date from the attempts marked stale, then read
 * as small rows. Every read method refreshes first, so nobody reads a stale figure.
 */
export class AnalyticsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  /**
   * Recomputes the figures of the attempts marked stale: all of them, or the first `limit` (the
   * start-up warm-up works through a large backlog in small steps). Returns how many are left.
   */
  refresh(limit = -1): number {
    const db = this.db;
    if (!db.prepare('SELECT 1 FROM analytics_dirty LIMIT 1').get()) return 0;
    const at = EPOCH_MS('coalesce(a.finished_at, a.started_at)');
    db.transaction(() => {
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS analytics_batch (attempt_id INTEGER PRIMARY KEY);
               DELETE FROM analytics_batch;`);
      db.prepare('INSERT INTO analytics_batch SELECT attempt_id FROM analytics_dirty ORDER BY attempt_id LIMIT ?').run(
        Math.trunc(limit),
      );
      // CROSS JOIN below fixes the order: from the few stale attempts to their rows (left to
      // itself, SQLite walked every attempt by status: 70 ms for one stale attempt among 100,000).
      db.exec(`
        DELETE FROM practice_facts WHERE attempt_id IN (SELECT attempt_id FROM analytics_batch);
        DELETE FROM skill_facts WHERE attempt_id IN (SELECT attempt_id FROM analytics_batch);
        INSERT INTO practice_facts
        SELECT a.id, a.profile_id, a.scenario_id, date(coalesce(a.finished_at, a.started_at), 'localtime'), ${at},
               min(${MAX_MINUTES_PER_ATTEMPT},
                   max(0, (julianday(coalesce(a.finished_at, a.started_at)) - julianday(a.started_at)) * 1440)),
               a.status = 'complete'
        FROM analytics_batch d CROSS JOIN attempts a ON a.id = d.attempt_id
        WHERE a.discarded_at IS NULL AND a.status IN ('complete', 'incomplete');
        INSERT INTO skill_facts
        SELECT id, criterion, profile_id, day, date(day, 'weekday 0', '-6 days'), at_ms, sum(score), count(*),
               sum(score) * ${GROWTH_SQL}, count(*) * ${GROWTH_SQL}
        FROM (SELECT a.id, a.profile_id, date(a.started_at, 'localtime') AS day, ${at} AS at_ms,
                     json_extract(c.value, '$.id') AS criterion,
                     coalesce(o.score, json_extract(c.value, '$.score')) AS score
              FROM analytics_batch d
              CROSS JOIN attempts a ON a.id = d.attempt_id AND a.status = 'complete' AND a.discarded_at IS NULL
              -- A damaged score is left out rather than stopping the figures of the whole team.
              JOIN turns t ON t.attempt_id = a.id AND json_valid(t.score_json)
              JOIN json_each(t.score_json, '$.criteria') c
              LEFT JOIN score_overrides o ON o.turn_id = t.id AND o.criterion_id = json_extract(c.value, '$.id'))
        WHERE typeof(score) IN ('integer', 'real') AND criterion IS NOT NULL AND at_ms IS NOT NULL
        GROUP BY id, criterion;
        DELETE FROM analytics_dirty WHERE attempt_id IN (SELECT attempt_id FROM analytics_batch);`);
    })();
    return db.prepare('SELECT count(*) FROM analytics_dirty').pluck().get() as number;
  }

  /**
   * Each rep's sums per criterion from a Monday to a day (inclusive): whole weeks from the weekly
   * sums, the last (partial) week from the daily ones.
   */
  sums(fromMonday: string, toDay: string, repId?: number): CriterionSums[] {
    this.refresh();
    const oneRep = repId ? 'AND profile_id = @repId' : '';
    const rows = this.db
      .prepare(
        `SELECT profile_id, criterion_id, sum(a), sum(b), sum(n) FROM (
           SELECT profile_id, criterion_id, a, b, n FROM skill_weeks
           WHERE week >= @fromMonday AND week < date(@toDay, 'weekday 0', '-6 days') ${oneRep}
           UNION ALL
           SELECT profile_id, criterion_id, a, b, n FROM skill_days
           WHERE day >= max(@fromMonday, date(@toDay, 'weekday 0', '-6 days')) AND day <= @toDay
             ${oneRep})
         GROUP BY profile_id, criterion_id`,
      )
      .raw()
      .all(repId ? { fromMonday, toDay, repId } : { fromMonday, toDay }) as [number, string, number, number, number][];
    return rows.map(([repId, criterionId, a, b, n]) => ({ repId, criterionId, a, b, n }));
  }

  /** The sums per rep, criterion and week (its Monday), for the weeks from one Monday to another. */
  weeklySums(fromMonday: string, toMonday: string): (CriterionSums & { week: string })[] {
    this.refresh();
    const rows = this.db
      .prepare('SELECT week, profile_id, criterion_id, a, b, n FROM skill_weeks WHERE week BETWEEN ? AND ?')
      .raw()
      .all(fromMonday, toMonday) as [string, number, string, number, number, number][];
    return rows.map(([week, repId, criterionId, a, b, n]) => ({ week, repId, criterionId, a, b, n }));
  }

  /**
   * For each rep and criterion practised between two days, its `k` most recent attempts' facts,
   * newest first: enough to tell a skill's last attempts (alert-rules.ts says why).
   */
  recentFacts(fromDay: string, toDay: string, k: number): CriterionFact[] {
    this.refresh();
    const pairs = this.db
      .prepare('SELECT DISTINCT profile_id, criterion_id FROM skill_weeks WHERE week BETWEEN ? AND ?')
      .raw()
      .all(fromDay, toDay) as [number, string][];
    const recent = this.db.prepare(
      `SELECT ${FACT} FROM skill_facts
       WHERE profile_id = ? AND criterion_id = ? AND day BETWEEN ? AND ? ORDER BY at_ms DESC LIMIT ?`,
    );
    return pairs.flatMap(([repId, criterionId]) => this.factsOf(recent.all(repId, criterionId, fromDay, toDay, k)));
  }

  /** One rep's facts for some criteria between two days, newest first (a heatmap cell's attempts). */
  factsFor(repId: number, criterionIds: string[], fromDay: string, toDay: string, limit: number): CriterionFact[] {
    this.refresh();
    return this.factsOf(
      this.db
        .prepare(
          `SELECT ${FACT} FROM skill_facts
           WHERE profile_id = ? AND criterion_id IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ?
           ORDER BY at_ms DESC LIMIT ?`,
        )
        .all(repId, JSON.stringify(criterionIds), fromDay, toDay, limit),
    );
  }

  private factsOf(rows: unknown[]): CriterionFact[] {
    return rows as CriterionFact[];
  }

  /** The scenario of each of these attempts (finished or left ones). */
  scenariosOf(attemptIds: number[]): Map<number, string> {
    this.refresh();
    const rows = this.db
      .prepare(
        'SELECT attempt_id, scenario_id FROM practice_facts WHERE attempt_id IN (SELECT value FROM json_each(?))',
      )
      .raw()
      .all(JSON.stringify(attemptIds)) as [number, string][];
    return new Map(rows);
  }

  /** Each rep's practice per local day, from a day on: attempts, complete ones, minutes. */
  practiceDays(
    fromDay: string,
  ): { repId: number; day: string; attempts: number; completes: number; minutes: number }[] {
    this.refresh();
    const rows = this.db
      .prepare('SELECT profile_id, day, attempts, completes, minutes FROM practice_days WHERE day >= ?')
      .raw()
      .all(fromDay) as [number, string, number, number, number][];
    return rows.map(([repId, day, attempts, completes, minutes]) => ({ repId, day, attempts, completes, minutes }));
  }

  /**
   * Every day each rep practised, newest first (for streaks, which can reach back a long way). Two
   * columns, apart from the range's figures: one read of every column was slower (bench).
   */
  practisedDays(): Map<number, string[]> {
    this.refresh();
    const rows = this.db
      .prepare('SELECT profile_id, day FROM practice_days ORDER BY profile_id, day DESC')
      .raw()
      .all() as [number, string][];
    const out = new Map<number, string[]>();
    for (const [rep, day] of rows) {
      const days = out.get(rep);
      if (days) days.push(day);
      else out.set(rep, [day]);
    }
    return out;
  }

  /** A rep's most recent finished or left attempts, newest first; not of some scenarios, when given. */
  lastPractices(
    repId: number,
    limit: number,
    exceptScenarioIds: string[] = [],
  ): { attemptId: number; scenarioId: string; atMs: number }[] {
    this.refresh();
    return this.db
      .prepare(
        `SELECT attempt_id AS attemptId, scenario_id AS scenarioId, at_ms AS atMs FROM practice_facts
         WHERE profile_id = ? AND scenario_id NOT IN (SELECT value FROM json_each(?))
         ORDER BY at_ms DESC LIMIT ?`,
      )
      .all(repId, JSON.stringify(exceptScenarioIds), limit) as {
      attemptId: number;
      scenarioId: string;
      atMs: number;
    }[];
  }

  /** Every certification attempt of every rep, oldest first: how it ended and until when a pass is valid. */
  certificationAttempts(): CertificationAttempt[] {
    return this.db
      .prepare(
        `SELECT id AS attemptId, profile_id AS repId, scenario_id AS scenarioId, certification_outcome AS outcome,
                certified_until AS validUntil, ${EPOCH_MS('coalesce(finished_at, started_at)')} AS atMs
         FROM attempts WHERE certification_outcome IS NOT NULL AND discarded_at IS NULL
         ORDER BY started_at`,
      )
      .all() as CertificationAttempt[];
  }
}
