import type { Db, LazyDb } from './database';

/** A finished practice as the plan reads it (times in epoch milliseconds: no date strings to parse). */
export interface FinishedPractice {
  attemptId: number;
  scenarioId: string;
  startedMs: number;
  finishedMs: number;
  overall: number | null;
  status: 'complete' | 'incomplete';
}

/** A stored ISO time as epoch milliseconds, computed by SQLite. */
export const EPOCH_MS = (column: string) => `CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;

/** What the daily plan reads of one rep's attempts (never discarded ones). */
export class PlanRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  /** Every attempt the rep finished or left, oldest first: the reviews of the schedule, the week's minutes. */
  practices(repId: number): FinishedPractice[] {
    // Rows as arrays, times as numbers computed by SQLite: a rep with 10,000 attempts reads them all each time.
    const rows = this.db
      .prepare(
        `SELECT id, scenario_id, ${EPOCH_MS('started_at')}, ${EPOCH_MS('coalesce(finished_at, started_at)')},
                overall_score, status
         FROM attempts
         WHERE profile_id = ? AND discarded_at IS NULL AND status IN ('complete', 'incomplete')
         ORDER BY started_at`,
      )
      .raw()
      .all(repId) as [number, string, number, number, number | null, 'complete' | 'incomplete'][];
    return rows.map(([attemptId, scenarioId, startedMs, finishedMs, overall, status]) => ({
      attemptId,
      scenarioId,
      startedMs,
      finishedMs,
      overall,
      status,
    }));
  }

  /**
   * The rep's current certifications by scenario, with the latest date each stays valid until
   * (null: one of them never expires).
   */
  certifications(repId: number): { scenarioId: string; validUntil: string | null }[] {
    return this.db
      .prepare(
        `SELECT scenario_id AS scenarioId,
                CASE WHEN count(*) > count(certified_until) THEN NULL ELSE max(certified_until) END AS validUntil
         FROM attempts
         WHERE profile_id = ? AND discarded_at IS NULL AND certification_outcome = 'certified'
         GROUP BY scenario_id`,
      )
      .all(repId) as { scenarioId: string; validUntil: string | null }[];
  }

  /**
   * The rep's best overall score on each scenario they completed: the score, when, and which
   * attempt (the earliest of equal bests: the day it was first reached).
   */
  bests(repId: number): { scenarioId: string; score: number; attemptId: number; at: string }[] {
    return this.db
      .prepare(
        `SELECT scenario_id AS scenarioId, overall_score AS score, id AS attemptId,
                coalesce(finished_at, started_at) AS at
         FROM (SELECT *, row_number() OVER (PARTITION BY scenario_id ORDER BY overall_score DESC, started_at) AS n
               FROM attempts
               WHERE profile_id = ? AND status = 'complete' AND discarded_at IS NULL AND overall_score IS NOT NULL
                 AND rescored_from IS NULL)
         WHERE n = 1 ORDER BY at DESC`,
      )
      .all(repId) as { scenarioId: string; score: number; attemptId: number; at: string }[];
  }

  /** What the rep chose: a weekly goal (null: the default) and a daily reminder time (null: off). */
  choices(repId: number): { weekGoalMinutes: number | null; reminderTime: string | null; remindedOn: string | null } {
    return this.db
      .prepare(
        `SELECT week_goal_minutes AS weekGoalMinutes, reminder_time AS reminderTime, reminded_on AS remindedOn
         FROM profiles WHERE id = ?`,
      )
      .get(repId) as { weekGoalMinutes: number | null; reminderTime: string | null; remindedOn: string | null };
  }

  setWeekGoal(repId: number, minutes: number | null): void {
    this.db.prepare('UPDATE profiles SET week_goal_minutes = ? WHERE id = ?').run(minutes, repId);
  }

  setReminder(repId: number, time: string | null): void {
    this.db.prepare('UPDATE profiles SET reminder_time = ? WHERE id = ?').run(time, repId);
  }

  markReminded(repId: number, day: string): void {
    this.db.prepare('UPDATE profiles SET reminded_on = ? WHERE id = ?').run(day, repId);
  }

  /** The criterion scores of the rep's complete attempts since a date (most recent `limit`), overrides applied. */
  criterionScores(repId: number, since: string, limit: number) {
    // Only each criterion's id and score are read out of the score JSON, by SQLite (json_each),
    // rather than parsing whole scores (checks, evidence) in JavaScript.
    const rows = this.db
      .prepare(
        `SELECT a.id, coalesce(a.finished_at, a.started_at), json_extract(c.value, '$.id'),
                coalesce(o.score, json_extract(c.value, '$.score'))
         FROM (SELECT id, finished_at, started_at FROM attempts
               WHERE profile_id = ? AND status = 'complete' AND discarded_at IS NULL AND started_at >= ?
               ORDER BY started_at DESC LIMIT ?) a
         JOIN turns t ON t.attempt_id = a.id AND t.score_json IS NOT NULL
         JOIN json_each(t.score_json, '$.criteria') c
         LEFT JOIN score_overrides o ON o.turn_id = t.id AND o.criterion_id = json_extract(c.value, '$.id')`,
      )
      .raw()
      .all(repId, since, limit) as [number, string, string, number | null][];
    return rows.flatMap(([attemptId, at, criterionId, score]) =>
      score === null ? [] : [{ attemptId, at, criterionId, score }],
    );
  }
}
