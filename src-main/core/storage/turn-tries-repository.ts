import { shaOfAudioPath } from '../audio/audio-store';
import type { TurnTry } from '../domain';
import type { Db, LazyDb } from './database';

interface TryRow {
  id: number;
  turn_index: number;
  audio_path: string | null;
  duration_seconds: number | null;
  transcript_json: string | null;
  score_json: string | null;
  overall_score: number | null;
  answered_at: string;
}

const ANSWER = 'audio_path, duration_seconds, transcript_json, score_json, overall_score';

const toTry = (r: TryRow): TurnTry => ({
  id: r.id,
  audioPath: r.audio_path,
  durationSeconds: r.duration_seconds,
  transcript: r.transcript_json ? JSON.parse(r.transcript_json) : null,
  score: r.score_json ? JSON.parse(r.score_json) : null,
  answeredAt: r.answered_at,
});

/** The answers of a step that do not count (migration 13): kept, moved in and out of `turns` whole. */
export class TurnTriesRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  /**
   * Puts a step's answer aside and leaves the step unanswered (no transcript, no branch decided),
   * so the same buyer line is answered again. One transaction.
   */
  setAside(attemptId: number, step: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO turn_tries (attempt_id, turn_index, ${ANSWER}, answered_at)
           SELECT attempt_id, turn_index, ${ANSWER}, created_at FROM turns WHERE attempt_id = ? AND turn_index = ?`,
        )
        .run(attemptId, step);
      this.db
        .prepare(
          `UPDATE turns SET audio_sha256 = NULL, audio_path = NULL, duration_seconds = NULL, transcript_json = NULL,
                            score_json = NULL, overall_score = NULL, next_target = NULL
           WHERE attempt_id = ? AND turn_index = ?`,
        )
        .run(attemptId, step);
    })();
  }

  /**
   * A step put aside for a retry that was never answered again (the rep left, went on, or the app
   * closed): its best earlier answer counts again, and leaves the tries. Returns whether it did.
   */
  restoreIfEmpty(attemptId: number, step: number): boolean {
    return this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT audio_path, transcript_json FROM turns WHERE attempt_id = ? AND turn_index = ?')
        .get(attemptId, step) as { audio_path: string | null; transcript_json: string | null } | undefined;
      if (!row || row.audio_path !== null || row.transcript_json !== null) return false;
      const best = this.db
        .prepare(
          `SELECT id FROM turn_tries WHERE attempt_id = ? AND turn_index = ?
           ORDER BY overall_score IS NULL, overall_score DESC, id LIMIT 1`,
        )
        .get(attemptId, step) as { id: number } | undefined;
      if (!best) return false;
      this.swap(attemptId, step, best.id);
      this.db.prepare('DELETE FROM turn_tries WHERE id = ?').run(best.id);
      return true;
    })();
  }

  /** How many answers a step has put aside. */
  count(attemptId: number, step: number): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM turn_tries WHERE attempt_id = ? AND turn_index = ?')
        .get(attemptId, step) as {
        n: number;
      }
    ).n;
  }

  /**
   * A model judgement that arrived for an answer now put aside: written to that answer, so its
   * score is complete if it comes back. Matched by its words and audio.
   */
  updateScore(
    attemptId: number,
    step: number,
    match: { text: string; audioPath: string | null },
    score: NonNullable<TurnTry['score']>,
  ): void {
    const rows = this.db
      .prepare('SELECT id, audio_path, transcript_json FROM turn_tries WHERE attempt_id = ? AND turn_index = ?')
      .all(attemptId, step) as { id: number; audio_path: string | null; transcript_json: string | null }[];
    const found = rows.find(
      (r) =>
        r.audio_path === match.audioPath &&
        r.transcript_json !== null &&
        (JSON.parse(r.transcript_json) as { text: string }).text === match.text,
    );
    if (found)
      this.db
        .prepare('UPDATE turn_tries SET score_json = ?, overall_score = ? WHERE id = ?')
        .run(JSON.stringify(score), score.overall, found.id);
  }

  /** The best answer put aside for a step, if it scored higher than `than`. */
  betterThan(attemptId: number, step: number, than: number): TurnTry | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM turn_tries WHERE attempt_id = ? AND turn_index = ? AND overall_score > ?
         ORDER BY overall_score DESC, id LIMIT 1`,
      )
      .get(attemptId, step, than) as TryRow | undefined;
    return row && toTry(row);
  }

  /** The counted answer and a set-aside one change places (the better one counts). */
  swap(attemptId: number, step: number, tryId: number): void {
    this.db.transaction(() => {
      const held = this.db
        .prepare(`SELECT ${ANSWER}, created_at FROM turns WHERE attempt_id = ? AND turn_index = ?`)
        .get(attemptId, step) as Record<string, unknown>;
      const kept = this.db.prepare(`SELECT * FROM turn_tries WHERE id = ?`).get(tryId) as TryRow;
      this.db
        .prepare(
          `UPDATE turns SET audio_path = ?, audio_sha256 = ?, duration_seconds = ?, transcript_json = ?, score_json = ?,
                            overall_score = ?, created_at = ?
           WHERE attempt_id = ? AND turn_index = ?`,
        )
        .run(
          kept.audio_path,
          kept.audio_path ? shaOfAudioPath(kept.audio_path) : null,
          kept.duration_seconds,
          kept.transcript_json,
          kept.score_json,
          kept.overall_score,
          kept.answered_at,
          attemptId,
          step,
        );
      this.db
        .prepare(
          `UPDATE turn_tries SET audio_path = ?, duration_seconds = ?, transcript_json = ?, score_json = ?,
                                 overall_score = ?, answered_at = ? WHERE id = ?`,
        )
        .run(
          held.audio_path,
          held.duration_seconds,
          held.transcript_json,
          held.score_json,
          held.overall_score,
          held.created_at,
          tryId,
        );
    })();
  }

  /** An answer that came with an attempt from elsewhere (a bundle, the team store): words and score, no audio. */
  add(
    attemptId: number,
    step: number,
    t: { transcript: TurnTry['transcript']; score: TurnTry['score']; answeredAt: string },
  ): void {
    this.db
      .prepare(
        `INSERT INTO turn_tries (attempt_id, turn_index, transcript_json, score_json, overall_score, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        attemptId,
        step,
        t.transcript ? JSON.stringify(t.transcript) : null,
        t.score ? JSON.stringify(t.score) : null,
        t.score?.overall ?? null,
        t.answeredAt,
      );
  }

  /**
   * A recorded answer found at start beside one the step already has (a reload started the step
   * again): kept as a set-aside answer with its audio, never written over the newer one.
   */
  addRecording(attemptId: number, step: number, audioPath: string, durationSeconds: number, answeredAt: string): void {
    this.db
      .prepare(
        `INSERT INTO turn_tries (attempt_id, turn_index, audio_path, duration_seconds, answered_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(attemptId, step, audioPath, durationSeconds, answeredAt);
  }

  /** Every set-aside answer of an attempt, by step, oldest first. */
  ofAttempt(attemptId: number): Map<number, TurnTry[]> {
    const rows = this.db
      .prepare('SELECT * FROM turn_tries WHERE attempt_id = ? ORDER BY turn_index, answered_at, id')
      .all(attemptId) as TryRow[];
    const by = new Map<number, TurnTry[]>();
    for (const r of rows) by.set(r.turn_index, [...(by.get(r.turn_index) ?? []), toTry(r)]);
    return by;
  }
}
