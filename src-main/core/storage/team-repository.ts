import type { ProfileRole } from '../domain';
import { BundlesRepository } from './bundles-repository';
import type { Db, LazyDb } from './database';
import { PeopleRepository } from './people-repository';
import { now } from './rows';

export type PushedKind = 'attempt' | 'review' | 'pack' | 'assignment';

/**
 * What this computer knows of its team store (migration 11): the pull cursors, who this copy is
 * signed in as, what has been pushed (and in which state), and what was refused on the way in.
 * It decides nothing; the sync service does.
 */
export class TeamRepository {
  private readonly bundles: BundlesRepository;
  private readonly people: PeopleRepository;

  constructor(private readonly lazy: LazyDb) {
    this.bundles = new BundlesRepository(lazy);
    this.people = new PeopleRepository(lazy);
  }

  private get db(): Db {
    return this.lazy.get();
  }

  state(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM team_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setState(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM team_state WHERE key = ?').run(key);
    else this.db.prepare('INSERT OR REPLACE INTO team_state VALUES (?, ?)').run(key, value);
  }

  fingerprint(kind: PushedKind, key: string): string | null {
    const row = this.db.prepare('SELECT fingerprint FROM team_pushed WHERE kind = ? AND key = ?').get(kind, key) as
      { fingerprint: string } | undefined;
    return row?.fingerprint ?? null;
  }

  markPushed(kind: PushedKind, key: string, fingerprint: string): void {
    this.db.prepare('INSERT OR REPLACE INTO team_pushed VALUES (?, ?, ?, ?)').run(kind, key, fingerprint, now());
  }

  /** The outbox of attempts: this person's finished attempts that have not reached the store. */
  attemptsToPush(profileId: number): { id: number; uuid: string }[] {
    return this.db
      .prepare(
        `SELECT a.id, a.uuid FROM attempts a
         WHERE a.profile_id = ? AND a.status <> 'in_progress' AND a.discarded_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM team_pushed p WHERE p.kind = 'attempt' AND p.key = a.uuid)
         ORDER BY a.id`,
      )
      .all(profileId) as { id: number; uuid: string }[];
  }

  /**
   * Attempts this person added something to (a verdict, a score change, a comment or reply, a
   * plan), and those they pushed a review part for before (whose part may now be empty: a removal
   * travels as a part with less in it).
   */
  attemptsAddedTo(profileId: number): { id: number; uuid: string }[] {
    return this.db
      .prepare(
        `SELECT a.id, a.uuid FROM attempts a WHERE a.discarded_at IS NULL AND a.status <> 'in_progress' AND (
           EXISTS (SELECT 1 FROM team_pushed tp WHERE tp.kind = 'review' AND tp.key = a.uuid) OR
           EXISTS (SELECT 1 FROM reviews r WHERE r.attempt_id = a.id AND r.reviewer_profile_id = :me)
           OR EXISTS (SELECT 1 FROM review_comments c WHERE c.attempt_id = a.id AND c.author_profile_id = :me)
           OR EXISTS (SELECT 1 FROM coaching_plans k WHERE k.attempt_id = a.id AND k.author_profile_id = :me)
           OR EXISTS (SELECT 1 FROM score_overrides o JOIN turns t ON t.id = o.turn_id
                      WHERE t.attempt_id = a.id AND o.author_profile_id = :me))
         ORDER BY a.id`,
      )
      .all({ me: profileId }) as { id: number; uuid: string }[];
  }

  /** Another store: cursors, pushed marks and refusals belong to the old one. Who this copy is stays. */
  forgetStore(): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM team_state WHERE key <> 'person'").run();
      this.db.prepare('DELETE FROM team_pushed').run();
      this.db.prepare('DELETE FROM team_refused').run();
    })();
  }

  /**
   * What an author's review part no longer holds is removed here too (their part is theirs to say):
   * their verdict, score changes, comments (with the replies to them) and plan on this attempt.
   * Returns whether a score change went, so the attempt's overall and certification are reviewed.
   */
  removeAbsent(
    attemptId: number,
    authorId: number,
    keep: {
      review: boolean;
      plan: boolean;
      overrides: { turnIndex: number; criterionId: string }[];
      comments: string[];
    },
  ): { overridesRemoved: number } {
    return this.db.transaction(() => {
      const theirReview = this.db
        .prepare('SELECT 1 FROM reviews WHERE attempt_id = ? AND reviewer_profile_id = ?')
        .get(attemptId, authorId);
      if (!keep.review && theirReview) {
        // Back to the queue, with the attempt row's copy of the status (migration 7).
        this.db.prepare('DELETE FROM reviews WHERE attempt_id = ?').run(attemptId);
        this.db.prepare('UPDATE attempts SET review_status = NULL WHERE id = ?').run(attemptId);
      }
      if (!keep.plan)
        this.db
          .prepare('DELETE FROM coaching_plans WHERE attempt_id = ? AND author_profile_id = ?')
          .run(attemptId, authorId);
      const kept = new Set(keep.overrides.map((o) => `${o.turnIndex}:${o.criterionId}`));
      const overrides = this.db
        .prepare(
          `SELECT o.turn_id AS turnId, o.criterion_id AS criterionId, t.turn_index AS turnIndex
           FROM score_overrides o JOIN turns t ON t.id = o.turn_id WHERE t.attempt_id = ? AND o.author_profile_id = ?`,
        )
        .all(attemptId, authorId) as { turnId: number; criterionId: string; turnIndex: number }[];
      let overridesRemoved = 0;
      for (const o of overrides)
        if (!kept.has(`${o.turnIndex}:${o.criterionId}`)) {
          this.db
            .prepare('DELETE FROM score_overrides WHERE turn_id = ? AND criterion_id = ?')
            .run(o.turnId, o.criterionId);
          overridesRemoved++;
        }
      const comments = new Set(keep.comments);
      const mine = this.db
        .prepare('SELECT id, uuid FROM review_comments WHERE attempt_id = ? AND author_profile_id = ?')
        .all(attemptId, authorId) as { id: number; uuid: string }[];
      // Replies go with their comment (ON DELETE CASCADE).
      for (const c of mine)
        if (!comments.has(c.uuid)) this.db.prepare('DELETE FROM review_comments WHERE id = ?').run(c.id);
      return { overridesRemoved };
    })();
  }

  refuse(uuid: string, reasons: string[]): void {
    this.db.prepare('INSERT OR REPLACE INTO team_refused VALUES (?, ?, ?)').run(uuid, reasons.join('\n'), now());
  }

  refusedCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM team_refused').get() as { n: number }).n;
  }

  /**
   * A person as the team store names them: their row here updated (name, roles), or added. A
   * person added here by hand under the same name (before the team was connected) gives way: they
   * are renamed "(this computer)", since the team's person is the one reviews will name.
   */
  upsertTeamPerson(uuid: string, name: string, roles: ProfileRole[]): number {
    return this.db.transaction(() => {
      const clash = this.db
        .prepare('SELECT id FROM profiles WHERE name = ? COLLATE NOCASE AND uuid <> ?')
        .get(name, uuid) as { id: number } | undefined;
      if (clash) this.db.prepare("UPDATE profiles SET name = name || ' (this computer)' WHERE id = ?").run(clash.id);
      const here = this.db.prepare('SELECT id FROM profiles WHERE uuid = ?').get(uuid) as { id: number } | undefined;
      if (here) return this.people.save({ id: here.id, name, roles }).id;
      return this.bundles.addPerson(uuid, name, roles);
    })();
  }

  /**
   * The person using this copy becomes the team's person: their UUID and name from the store, so
   * what they practised here before connecting is pushed as theirs. If the team's person is
   * already here (pulled earlier), that profile becomes the one using Sparring.
   */
  adoptIdentity(selfId: number, uuid: string, name: string, roles: ProfileRole[]): void {
    this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM profiles WHERE uuid = ?').get(uuid) as
        { id: number } | undefined;
      if (existing && existing.id !== selfId) {
        this.db.prepare('UPDATE profiles SET is_self = 0 WHERE is_self = 1').run();
        this.db.prepare('UPDATE profiles SET is_self = 1 WHERE id = ?').run(existing.id);
        this.upsertTeamPerson(uuid, name, roles);
        return;
      }
      this.db.prepare('UPDATE profiles SET uuid = ? WHERE id = ?').run(uuid, selfId);
      this.upsertTeamPerson(uuid, name, roles);
    })();
  }

  /** Answers whose audio is in the team store and not fetched yet (their paths point at audio/team/). */
  teamAudio(
    attemptId: number,
  ): { turnId: number; audioPath: string; durationSeconds: number | null; repUuid: string }[] {
    return this.db
      .prepare(
        `SELECT t.id AS turnId, t.audio_path AS audioPath, t.duration_seconds AS durationSeconds, p.uuid AS repUuid
         FROM turns t JOIN attempts a ON a.id = t.attempt_id JOIN profiles p ON p.id = a.profile_id
         WHERE t.attempt_id = ? AND t.audio_path LIKE 'audio/team/%'`,
      )
      .all(attemptId) as { turnId: number; audioPath: string; durationSeconds: number | null; repUuid: string }[];
  }
}
