import type { Db, LazyDb } from './database';
import { now } from './rows';

/** A manager's review of an attempt: reviewed, or the rep should try again (one row per attempt). */
export class ReviewsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  set(attemptId: number, status: 'reviewed' | 'needs-another', reviewerId: number, note: string | null): void {
    this.db.transaction(() => {
      this.mirror(attemptId, status);
      this.db
        .prepare(
          `INSERT INTO reviews (attempt_id, status, reviewer_profile_id, note, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (attempt_id) DO UPDATE SET status = excluded.status,
           reviewer_profile_id = excluded.reviewer_profile_id, note = excluded.note, updated_at = excluded.updated_at`,
        )
        .run(attemptId, status, reviewerId, note, now());
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
}
