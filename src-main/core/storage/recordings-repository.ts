import type { Db, LazyDb } from './database';
import { now } from './rows';

/** The answers being recorded right now (crash recovery knows from these which file belongs to which step). */
export class RecordingsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  add(id: string, attemptId: number, step: number, path: string): void {
    this.db
      .prepare(
        'INSERT INTO recordings_in_progress (id, attempt_id, turn_index, path, started_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, attemptId, step, path, now());
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM recordings_in_progress WHERE id = ?').run(id);
  }

  all(): { id: string; attemptId: number; step: number; path: string }[] {
    return this.db
      .prepare(
        'SELECT id, attempt_id AS attemptId, turn_index AS step, path FROM recordings_in_progress ORDER BY started_at',
      )
      .all() as { id: string; attemptId: number; step: number; path: string }[];
  }
}
