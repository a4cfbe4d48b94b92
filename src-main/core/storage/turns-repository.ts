import { shaOfAudioPath } from '../audio/audio-store';
import type { ScoreOverride, TurnRecord } from '../domain';
import type { Db, LazyDb } from './database';
import { now, toTurn, type TurnRow } from './rows';

/** Records (or replaces) a human score: turn, criterion, score, reason, author, time. */
export const UPSERT_OVERRIDE = `
  INSERT INTO score_overrides (turn_id, criterion_id, score, reason, author_profile_id, created_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (turn_id, criterion_id) DO UPDATE SET score = excluded.score, reason = excluded.reason,
    author_profile_id = excluded.author_profile_id, created_at = excluded.created_at`;

/** Reads and writes of answered turns, the branch each one took, score overrides and rubric versions. */
export class TurnsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  /** Stores (or replaces) a turn; the audio reference is saved before transcription so it is never lost. */
  save(attemptId: number, turn: Omit<TurnRecord, 'id'>): TurnRecord {
    this.db
      .prepare(
        `INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, audio_sha256, audio_path, duration_seconds,
                            transcript_json, score_json, overall_score, created_at)
         VALUES (@attemptId, @index, @turnId, @buyerLine, @sha, @audioPath, @durationSeconds,
                 @transcript, @score, @overall, @createdAt)
         ON CONFLICT (attempt_id, turn_index) DO UPDATE SET
           audio_sha256 = excluded.audio_sha256, audio_path = excluded.audio_path,
           duration_seconds = excluded.duration_seconds, transcript_json = excluded.transcript_json,
           score_json = excluded.score_json, overall_score = excluded.overall_score,
           -- A step answered again after a retry: when this answer was given.
           created_at = CASE WHEN turns.audio_path IS NULL AND turns.transcript_json IS NULL
                             THEN excluded.created_at ELSE turns.created_at END`,
      )
      .run({
        attemptId,
        index: turn.index,
        turnId: turn.turnId,
        buyerLine: turn.buyerLine,
        sha: turn.audioPath ? shaOfAudioPath(turn.audioPath) : null,
        audioPath: turn.audioPath,
        durationSeconds: turn.durationSeconds,
        transcript: turn.transcript ? JSON.stringify(turn.transcript) : null,
        score: turn.score ? JSON.stringify(turn.score) : null,
        overall: turn.score?.overall ?? null,
        createdAt: now(),
      });
    return this.at(attemptId, turn.index)!;
  }

  at(attemptId: number, step: number): TurnRecord | undefined {
    const row = this.db.prepare('SELECT * FROM turns WHERE attempt_id = ? AND turn_index = ?').get(attemptId, step) as
      TurnRow | undefined;
    return row && toTurn(row);
  }

  ofAttempt(attemptId: number): TurnRecord[] {
    return (
      this.db.prepare('SELECT * FROM turns WHERE attempt_id = ? ORDER BY turn_index').all(attemptId) as TurnRow[]
    ).map(toTurn);
  }

  byId(turnId: number): { attemptId: number; turn: TurnRecord } | undefined {
    const row = this.db.prepare('SELECT * FROM turns WHERE id = ?').get(turnId) as TurnRow | undefined;
    return row && { attemptId: row.attempt_id, turn: toTurn(row) };
  }

  /** The stored path of an attempt: each answered step, the scenario turn it answered, and where it went next. */
  path(attemptId: number): { step: number; turnId: string; nextTarget: string | null; hasTranscript: boolean }[] {
    return (
      this.db
        .prepare(
          'SELECT turn_index, turn_id, next_target, transcript_json IS NOT NULL AS t FROM turns WHERE attempt_id = ? ' +
            'ORDER BY turn_index',
        )
        .all(attemptId) as { turn_index: number; turn_id: string; next_target: string | null; t: number }[]
    ).map((r) => ({ step: r.turn_index, turnId: r.turn_id, nextTarget: r.next_target, hasTranscript: r.t === 1 }));
  }

  /** Records the branch an answered step took (decided once, when it was scored). */
  setNextTarget(attemptId: number, step: number, target: string): void {
    this.db
      .prepare('UPDATE turns SET next_target = ? WHERE attempt_id = ? AND turn_index = ?')
      .run(target, attemptId, step);
  }

  /** Every override of these turns, by turn id and criterion. */
  overrides(turnIds: number[]): { turnId: number; criterionId: string; override: ScoreOverride }[] {
    if (!turnIds.length) return [];
    const rows = this.db
      .prepare(
        `SELECT o.turn_id, o.criterion_id, o.score, o.reason, o.created_at, p.name AS author
         FROM score_overrides o JOIN profiles p ON p.id = o.author_profile_id
         WHERE o.turn_id IN (${turnIds.map(() => '?').join(',')})`,
      )
      .all(...turnIds) as {
      turn_id: number;
      criterion_id: string;
      score: number;
      reason: string;
      created_at: string;
      author: string;
    }[];
    return rows.map((r) => ({
      turnId: r.turn_id,
      criterionId: r.criterion_id,
      override: { score: r.score, reason: r.reason, author: r.author, at: r.created_at },
    }));
  }

  /** Records (or replaces) a human score for one criterion of a turn; the automatic score is untouched. */
  saveOverride(turnId: number, criterionId: string, score: number, reason: string, authorProfileId: number): void {
    this.db.prepare(UPSERT_OVERRIDE).run(turnId, criterionId, score, reason, authorProfileId, now());
  }

  removeOverride(turnId: number, criterionId: string): boolean {
    return (
      this.db.prepare('DELETE FROM score_overrides WHERE turn_id = ? AND criterion_id = ?').run(turnId, criterionId)
        .changes > 0
    );
  }

  /** Keeps the text of the rubric that produced a score, once per version. */
  recordRubricVersion(version: string, content: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO rubric_versions (version, content, first_used_at) VALUES (?, ?, ?)')
      .run(version, content, now());
  }

  rubricSnapshot(version: string): string | undefined {
    return (
      this.db.prepare('SELECT content FROM rubric_versions WHERE version = ?').get(version) as
        { content: string } | undefined
    )?.content;
  }
}
