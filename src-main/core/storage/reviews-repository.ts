import type { CoachingPlan } from '../domain';
import type { Db, LazyDb } from './database';
import { now } from './rows';

/** A coaching plan as stored: the scenario's title is looked up by whoever reads it. */
export type StoredPlan = Omit<CoachingPlan, 'suggestedScenarioTitle'>;

/**
 * A manager's review of an attempt: reviewed, or the rep should try again (one row per attempt);
 * and their coaching plan for it (one per attempt too).
 */
export class ReviewsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  set(
    attemptId: number,
    status: 'reviewed' | 'needs-another',
    reviewerId: number,
    note: string | null,
    at = now(),
  ): void {
    this.db.transaction(() => {
      this.mirror(attemptId, status);
      this.db
        .prepare(
          `INSERT INTO reviews (attempt_id, status, reviewer_profile_id, note, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (attempt_id) DO UPDATE SET status = excluded.status,
           reviewer_profile_id = excluded.reviewer_profile_id, note = excluded.note, updated_at = excluded.updated_at`,
        )
        .run(attemptId, status, reviewerId, note, at);
    })();
  }

  /** The attempt row's copy of the status, which the queue reads (see migration 7). */
  private mirror(attemptId: number, status: 'reviewed' | 'needs-another' | null): void {
    this.db.prepare('UPDATE attempts SET review_status = ? WHERE id = ?').run(status, attemptId);
  }

  /** Back to the queue. */
  clear(attemptId: number): void {
    this.db.transaction(() => {
      this.mirror(attemptId, null);
      this.db.prepare('DELETE FROM reviews WHERE attempt_id = ?').run(attemptId);
    })();
  }

  plan(attemptId: number): StoredPlan | null {
    const row = this.db
      .prepare(
        `SELECT c.skills, c.note, c.suggested_scenario_id, p.name AS author, c.author_profile_id, c.updated_at
         FROM coaching_plans c JOIN profiles p ON p.id = c.author_profile_id WHERE c.attempt_id = ?`,
      )
      .get(attemptId) as
      | {
          skills: string;
          note: string | null;
          suggested_scenario_id: string | null;
          author: string;
          author_profile_id: number;
          updated_at: string;
        }
      | undefined;
    return row
      ? {
          skills: JSON.parse(row.skills) as string[],
          note: row.note,
          suggestedScenarioId: row.suggested_scenario_id,
          author: row.author,
          authorId: row.author_profile_id,
          updatedAt: row.updated_at,
        }
      : null;
  }

  setPlan(
    attemptId: number,
    plan: { skills: string[]; note: string | null; suggestedScenarioId: string | null },
    authorId: number,
    at = now(),
  ): void {
    this.db
      .prepare(
        `INSERT INTO coaching_plans (attempt_id, skills, note, suggested_scenario_id, author_profile_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (attempt_id) DO UPDATE SET skills = excluded.skills, note = excluded.note,
           suggested_scenario_id = excluded.suggested_scenario_id, author_profile_id = excluded.author_profile_id,
           updated_at = excluded.updated_at`,
      )
      .run(attemptId, JSON.stringify(plan.skills), plan.note, plan.suggestedScenarioId, authorId, at);
  }

  clearPlan(attemptId: number): void {
    this.db.prepare('DELETE FROM coaching_plans WHERE attempt_id = ?').run(attemptId);
  }
}
