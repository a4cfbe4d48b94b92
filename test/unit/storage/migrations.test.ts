import Database from 'better-sqlite3';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src-main/core/storage/migrations/index';
import { NewerDatabaseError, openDatabase, schemaVersion } from '../../../src-main/core/storage/database';
import { tempDir } from '../../support/paths';

/**
 * Data written at each schema version, so every migration is tested on a populated database.
 * Version 0 is an empty file (the database before the first migration).
 */
const populate: Record<number, (db: Database.Database) => void> = {
  0: (db) => db.exec('CREATE TABLE IF NOT EXISTS unrelated (x)'), // a stray table must survive
  1: (db) => {
    db.prepare("INSERT INTO profiles (name, role, created_at) VALUES ('Ana', 'rep', '2026-01-01')").run();
    db.prepare("INSERT INTO scenario_versions VALUES ('s', 'h', 'S', 'id: s', '2026-01-01')").run();
    db.prepare(
      "INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at) VALUES (1, 's', 'h', " +
        "'complete', '2026-01-01')",
    ).run();
    db.prepare(
      "INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, created_at) VALUES (1, 0, 't', 'Hi', " +
        "'2026-01-01')",
    ).run();
  },
  2: (db) => {
    db.prepare(
      'INSERT INTO score_overrides (turn_id, criterion_id, score, reason, author_profile_id, created_at) VALUES (1, ' +
        "'probing', 70, 'Asked, but only once', 1, '2026-01-02')",
    ).run();
    db.prepare("INSERT INTO rubric_versions VALUES ('core@1+abcd1234', 'id: core', '2026-01-02')").run();
  },
  3: (db) => {
    db.prepare("INSERT INTO recordings_in_progress VALUES ('9b2c', 1, 1, 'recordings/9b2c.wav', '2026-01-03')").run();
  },
  4: (db) => {
    db.prepare(
      'INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, rescored_from) VALUES (1, ' +
        "'s', 'h', 'complete', '2026-01-04', 1)",
    ).run();
    db.prepare('UPDATE attempts SET certification_pass_mark = 80 WHERE id = 2').run();
    // An attempt cut short, with the overall score version 4 stored for it.
    db.prepare(
      'INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, overall_score) VALUES (1, ' +
        "'s', 'h', 'incomplete', '2026-01-04', 55)",
    ).run();
  },
  5: (db) => {
    db.prepare("UPDATE turns SET next_target = 'end:won' WHERE id = 1").run();
    db.prepare("UPDATE attempts SET discarded_at = '2026-01-05' WHERE id = 3").run();
    db.prepare("INSERT INTO profiles (name, role, created_at) VALUES ('Morgan', 'manager', '2026-01-05')").run();
  },
  7: (db) => {
    db.prepare("INSERT INTO reviews VALUES (1, 'reviewed', 1, 'Solid', '2026-01-07')").run();
    db.prepare("UPDATE attempts SET review_status = 'reviewed' WHERE id = 1").run();
    db.prepare(
      'INSERT INTO review_comments (attempt_id, turn_id, author_profile_id, at_seconds, body, created_at) VALUES (1, ' +
        "1, 1, 7, 'Here', '2026-01-07')",
    ).run();
  },
  8: (db) => {
    db.prepare(
      'INSERT INTO review_comments (attempt_id, turn_id, author_profile_id, at_seconds, end_seconds, parent_id, ' +
        "body, created_at) VALUES (1, 1, 1, 7, 9, 1, 'Reply', '2026-01-08')",
    ).run();
  },
  15: (db) => {
    db.prepare("INSERT INTO alert_states VALUES ('inactivity:1:3', 2, 'snoozed', '2026-02-01', '2026-01-15')").run();
  },
  14: (db) => {
    db.prepare(
      'INSERT INTO assignments (uuid, scenario_id, rep_profile_id, manager_profile_id, kind, due_on, created_at) ' +
        "VALUES ('u-a', 'price-objection', 1, 2, 'practice', '2026-02-01', '2026-01-14')",
    ).run();
  },
  13: (db) => {
    db.prepare(
      "INSERT INTO turn_tries (attempt_id, turn_index, overall_score, answered_at) VALUES (1, 0, 40, '2026-01-13')",
    ).run();
  },
  12: (db) => {
    db.prepare("UPDATE profiles SET week_goal_minutes = 45, reminder_time = '08:30' WHERE id = 1").run();
  },
  11: (db) => {
    db.prepare("INSERT INTO team_state VALUES ('cursor', '42')").run();
    db.prepare("INSERT INTO team_pushed VALUES ('attempt', 'u-1', 'f', '2026-01-11')").run();
  },
  10: (db) => {
    db.prepare("UPDATE attempts SET certified_until = '2027-01-06T00:00:00.000Z' WHERE id = 2").run();
  },
  9: (db) => {
    db.prepare(
      "INSERT INTO coaching_plans VALUES (1, '[\"discovery\"]', 'Ask before you pitch', 'discovery-drill', 2, " +
        "'2026-01-09')",
    ).run();
  },
  6: (db) => {
    db.prepare('UPDATE profiles SET roles = \'["rep","manager"]\', confirmed_at = \'2026-01-06\' WHERE id = 1').run();
    db.prepare(
      "UPDATE attempts SET certification_outcome = 'certified', certified_by = 'automatic' WHERE id = 2",
    ).run();
  },
};

describe('migrations', () => {
  it('has a populate step for every version before the latest', () => {
    for (let v = 0; v < LATEST_SCHEMA_VERSION; v++) expect(populate[v], `populate[${v}]`).toBeTypeOf('function');
  });

  for (const migration of migrations) {
    it(`migration ${migration.version} upgrades a populated version ${migration.version - 1} database`, () => {
      // A database that lived through every earlier version, with data written at each.
      const file = join(tempDir(), 'sparring.db');
      for (let v = 0; v < migration.version; v++) {
        const db = openDatabase(file, { targetVersion: v });
        populate[v]!(db);
        db.close();
      }
      const after = openDatabase(file, { targetVersion: migration.version });
      expect(schemaVersion(after)).toBe(migration.version);
      expect(after.pragma('foreign_key_check')).toEqual([]);
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'unrelated'").get()).toEqual({ n: 1 });
      // Version 1 data is kept.
      if (migration.version >= 2) expect(after.prepare('SELECT count(*) AS n FROM turns').get()).toEqual({ n: 1 });
      if (migration.version === 14) {
        // What was pushed is still known as pushed; an assignment is a kind of row it may record now.
        expect(after.prepare("SELECT kind, key FROM team_pushed WHERE kind = 'attempt'").get()).toEqual({
          kind: 'attempt',
          key: 'u-1',
        });
        after.prepare("INSERT INTO team_pushed VALUES ('assignment', 'a-1', 'f', 'now')").run();
      }
      if (migration.version === 12) {
        // Nobody has chosen yet: the default goal, no reminder.
        expect(after.prepare('SELECT week_goal_minutes, reminder_time FROM profiles WHERE id = 1').get()).toEqual({
          week_goal_minutes: null,
          reminder_time: null,
        });
        expect(() => after.prepare("UPDATE profiles SET reminder_time = '8am' WHERE id = 1").run()).toThrow(/CHECK/);
      }
      if (migration.version === 11) {
        // Nothing has reached a team store yet: every finished attempt is waiting, nothing was refused.
        expect(after.prepare('SELECT count(*) AS n FROM team_pushed').get()).toEqual({ n: 0 });
        expect(() => after.prepare("INSERT INTO team_pushed VALUES ('x', 'k', 'f', 'now')").run()).toThrow(/CHECK/);
      }
      if (migration.version === 9) {
        // Every row that travels has its own UUID, old rows and new ones alike.
        after.prepare("INSERT INTO profiles (name, role, created_at) VALUES ('New', 'rep', '2026-01-09')").run();
        for (const table of ['profiles', 'attempts', 'review_comments']) {
          const uuids = (after.prepare(`SELECT uuid FROM ${table}`).all() as { uuid: string }[]).map((r) => r.uuid);
          expect(uuids.length).toBeGreaterThan(0);
          for (const u of uuids)
            expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(new Set(uuids).size).toBe(uuids.length);
        }
        expect(() =>
          after.prepare("INSERT INTO coaching_plans VALUES (1, '[]', NULL, NULL, 1, '2026-01-09')").run(),
        ).toThrow(/CHECK/);
      }
      if (migration.version === 8) {
        // A comment from before version 8 is a point comment with no replies.
        expect(
          after.prepare('SELECT end_seconds, parent_id, resolved_at FROM review_comments WHERE id = 1').get(),
        ).toEqual({
          end_seconds: null,
          parent_id: null,
          resolved_at: null,
        });
      }
      if (migration.version === 6) {
        // Each profile's one role becomes its list of roles; the first profile is the one using the app.
        expect(after.prepare('SELECT name, roles, is_self, confirmed_at FROM profiles ORDER BY id').all()).toEqual([
          { name: 'Ana', roles: '["rep"]', is_self: 1, confirmed_at: null },
          { name: 'Morgan', roles: '["manager"]', is_self: 0, confirmed_at: null },
        ]);
        expect(after.prepare('SELECT certification_outcome FROM attempts WHERE id = 2').get()).toEqual({
          certification_outcome: null,
        });
      }
      if (migration.version === 5) {
        // An unfinished attempt no longer carries an overall score; paths start undecided.
        expect(after.prepare('SELECT overall_score FROM attempts WHERE id = 3').get()).toEqual({ overall_score: null });
        expect(after.prepare('SELECT next_target FROM turns WHERE id = 1').get()).toEqual({ next_target: null });
      }
      populate[migration.version]?.(after); // the new schema accepts the next version's data
      after.close();
    });
  }

  it('opens in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'sparring.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, created_at) VALUES (99, 0, 't', 'x', 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('reopening a current database changes nothing', () => {
    const file = join(tempDir(), 'sparring.db');
    const db = openDatabase(file);
    populate[1]!(db);
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT count(*) AS n FROM attempts').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = join(tempDir(), 'sparring.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const bytes = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of Sparring/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
