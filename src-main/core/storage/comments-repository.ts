import type { ReviewComment } from '../domain';
import type { Db, LazyDb } from './database';
import { now } from './rows';

interface CommentRow {
  id: number;
  attempt_id: number;
  turn_id: number;
  at_seconds: number;
  end_seconds: number | null;
  criterion_id: string | null;
  parent_id: number | null;
  body: string;
  author: string;
  author_profile_id: number;
  created_at: string;
  updated_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

const toComment = (r: CommentRow): ReviewComment => ({
  id: r.id,
  attemptId: r.attempt_id,
  turnId: r.turn_id,
  atSeconds: r.at_seconds,
  endSeconds: r.end_seconds,
  criterionId: r.criterion_id,
  parentId: r.parent_id,
  body: r.body,
  author: r.author,
  authorId: r.author_profile_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
});

const SELECT = `
  SELECT c.id, c.attempt_id, c.turn_id, c.at_seconds, c.end_seconds, c.criterion_id, c.parent_id, c.body,
         p.name AS author, c.author_profile_id, c.created_at, c.updated_at, c.resolved_at, rp.name AS resolved_by
  FROM review_comments c
  JOIN profiles p ON p.id = c.author_profile_id
  LEFT JOIN profiles rp ON rp.id = c.resolved_by_profile_id`;

/** Review comments pinned to moments of answers, and their replies. */
export class CommentsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  ofAttempt(attemptId: number): ReviewComment[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE c.attempt_id = ? ORDER BY c.at_seconds, c.created_at, c.id`)
      .all(attemptId) as CommentRow[];
    return rows.map(toComment);
  }

  byId(id: number): ReviewComment | undefined {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CommentRow | undefined;
    return row && toComment(row);
  }

  add(c: Omit<ReviewComment, 'id' | 'author' | 'createdAt' | 'updatedAt' | 'resolvedAt' | 'resolvedBy'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO review_comments (attempt_id, turn_id, author_profile_id, at_seconds, end_seconds, criterion_id,
                                      parent_id, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.attemptId, c.turnId, c.authorId, c.atSeconds, c.endSeconds, c.criterionId, c.parentId, c.body, now());
    return Number(info.lastInsertRowid);
  }

  edit(id: number, body: string): void {
    this.db.prepare('UPDATE review_comments SET body = ?, updated_at = ? WHERE id = ?').run(body, now(), id);
  }

  /** Deletes a comment and its replies. */
  remove(id: number): void {
    this.db.prepare('DELETE FROM review_comments WHERE id = ?').run(id);
  }

  resolve(id: number, byProfileId: number | null): void {
    this.db
      .prepare('UPDATE review_comments SET resolved_at = ?, resolved_by_profile_id = ? WHERE id = ?')
      .run(byProfileId === null ? null : now(), byProfileId, id);
  }
}
