/**
 * Schema version 16: figures kept in step with the attempts, so a manager's dashboard and alerts
 * over a whole team (50 reps, 100,000 attempts) read a few thousand small rows instead of every
 * score's JSON.
 *
 * - `analytics_dirty`: attempts whose figures are stale. Triggers only mark; the figures are
 *   recomputed from the attempts themselves when next read (storage/analytics-repository.ts), so
 *   they cannot drift from what an attempt says: an override, a re-score, a discard, a synced row
 *   all go through the same recomputation.
 * - `practice_facts`: one row per finished or left attempt (its local day and minutes).
 * - `skill_facts`: one row per complete attempt and criterion: the sum and count of its answers'
 *   scores (overrides applied), and those weighted by 2^(days since 2024-01-01 / 14). Because
 *   every weight grows by the same factor with time, a recency-weighted mean "now" is the ratio
 *   of these sums, whenever now is (practice-plan/mastery.ts explains).
 * - `practice_days`, `skill_days` and `skill_weeks`: the same summed per rep and local day (and
 *   week, from Monday), kept by triggers on the facts (a fact is only ever inserted or deleted, so
 *   adding and subtracting keeps them exact).
 * Local days are those of the computer that computes them (the manager's, for a team).
 */
/**
 * Marks the attempts a query names as stale. Not "INSERT OR IGNORE": inside a trigger, the outer
 * statement's conflict handling wins (an upsert of a turn made it fail on an attempt marked twice).
 */
const mark = (attemptId: string, from = '') =>
  `INSERT INTO analytics_dirty SELECT DISTINCT x FROM (SELECT ${attemptId} AS x ${from})
   WHERE x IS NOT NULL AND x NOT IN (SELECT attempt_id FROM analytics_dirty);`;

export const sql = `
CREATE TABLE analytics_dirty (attempt_id INTEGER PRIMARY KEY);

CREATE TABLE practice_facts (
  attempt_id  INTEGER PRIMARY KEY,
  profile_id  INTEGER NOT NULL,
  scenario_id TEXT NOT NULL,
  day         TEXT NOT NULL,
  at_ms       INTEGER NOT NULL,
  minutes     REAL NOT NULL,
  complete    INTEGER NOT NULL
);
CREATE INDEX practice_facts_by_rep ON practice_facts(profile_id, at_ms);

CREATE TABLE skill_facts (
  attempt_id   INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  profile_id   INTEGER NOT NULL,
  day          TEXT NOT NULL,
  week         TEXT NOT NULL,
  at_ms        INTEGER NOT NULL,
  total        REAL NOT NULL,
  n            INTEGER NOT NULL,
  a            REAL NOT NULL,
  b            REAL NOT NULL,
  PRIMARY KEY (attempt_id, criterion_id)
) WITHOUT ROWID;
CREATE INDEX skill_facts_recent ON skill_facts(profile_id, criterion_id, at_ms DESC);

CREATE TABLE practice_days (
  profile_id INTEGER NOT NULL,
  day        TEXT NOT NULL,
  attempts   INTEGER NOT NULL,
  completes  INTEGER NOT NULL,
  minutes    REAL NOT NULL,
  PRIMARY KEY (profile_id, day)
) WITHOUT ROWID;

-- Keyed by day (and week) first: the dashboard reads a range of days for the whole team.
CREATE TABLE skill_days (
  day          TEXT NOT NULL,
  profile_id   INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  a            REAL NOT NULL,
  b            REAL NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (day, profile_id, criterion_id)
) WITHOUT ROWID;

CREATE TABLE skill_weeks (
  week         TEXT NOT NULL,
  profile_id   INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  a            REAL NOT NULL,
  b            REAL NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (week, profile_id, criterion_id)
) WITHOUT ROWID;

CREATE TRIGGER practice_facts_in AFTER INSERT ON practice_facts BEGIN
  INSERT INTO practice_days VALUES (NEW.profile_id, NEW.day, 1, NEW.complete, NEW.minutes)
  ON CONFLICT DO UPDATE SET attempts = attempts + 1, completes = completes + NEW.complete,
                            minutes = minutes + NEW.minutes;
END;
CREATE TRIGGER practice_facts_out AFTER DELETE ON practice_facts BEGIN
  UPDATE practice_days SET attempts = attempts - 1, completes = completes - OLD.complete,
                           minutes = minutes - OLD.minutes
  WHERE profile_id = OLD.profile_id AND day = OLD.day;
  DELETE FROM practice_days WHERE profile_id = OLD.profile_id AND day = OLD.day AND attempts <= 0;
END;
CREATE TRIGGER skill_facts_in AFTER INSERT ON skill_facts BEGIN
  INSERT INTO skill_days VALUES (NEW.day, NEW.profile_id, NEW.criterion_id, NEW.a, NEW.b, NEW.n)
  ON CONFLICT DO UPDATE SET a = a + NEW.a, b = b + NEW.b, n = n + NEW.n;
  INSERT INTO skill_weeks VALUES (NEW.week, NEW.profile_id, NEW.criterion_id, NEW.a, NEW.b, NEW.n)
  ON CONFLICT DO UPDATE SET a = a + NEW.a, b = b + NEW.b, n = n + NEW.n;
END;
CREATE TRIGGER skill_facts_out AFTER DELETE ON skill_facts BEGIN
  UPDATE skill_days SET a = a - OLD.a, b = b - OLD.b, n = n - OLD.n
  WHERE day = OLD.day AND profile_id = OLD.profile_id AND criterion_id = OLD.criterion_id;
  UPDATE skill_weeks SET a = a - OLD.a, b = b - OLD.b, n = n - OLD.n
  WHERE week = OLD.week AND profile_id = OLD.profile_id AND criterion_id = OLD.criterion_id;
  -- Subtracting floating sums can leave dust: a bucket with nothing left is removed outright.
  DELETE FROM skill_days
  WHERE day = OLD.day AND profile_id = OLD.profile_id AND criterion_id = OLD.criterion_id AND n <= 0;
  DELETE FROM skill_weeks
  WHERE week = OLD.week AND profile_id = OLD.profile_id AND criterion_id = OLD.criterion_id AND n <= 0;
END;

CREATE TRIGGER analytics_attempt_in AFTER INSERT ON attempts BEGIN
  ${mark('NEW.id')}
END;
CREATE TRIGGER analytics_attempt_change
AFTER UPDATE OF profile_id, scenario_id, status, started_at, finished_at, discarded_at ON attempts BEGIN
  ${mark('NEW.id')}
END;
CREATE TRIGGER analytics_attempt_out AFTER DELETE ON attempts BEGIN
  ${mark('OLD.id')}
END;
CREATE TRIGGER analytics_turn_in AFTER INSERT ON turns BEGIN
  ${mark('NEW.attempt_id')}
END;
CREATE TRIGGER analytics_turn_change AFTER UPDATE OF score_json, attempt_id ON turns BEGIN
  ${mark('NEW.attempt_id')}
  ${mark('OLD.attempt_id')}
END;
CREATE TRIGGER analytics_turn_out AFTER DELETE ON turns BEGIN
  ${mark('OLD.attempt_id')}
END;
CREATE TRIGGER analytics_override_in AFTER INSERT ON score_overrides BEGIN
  ${mark('attempt_id', 'FROM turns WHERE id = NEW.turn_id')}
END;
CREATE TRIGGER analytics_override_change AFTER UPDATE ON score_overrides BEGIN
  ${mark('attempt_id', 'FROM turns WHERE id IN (NEW.turn_id, OLD.turn_id)')}
END;
CREATE TRIGGER analytics_override_out AFTER DELETE ON score_overrides BEGIN
  ${mark('attempt_id', 'FROM turns WHERE id = OLD.turn_id')}
END;

-- Every attempt already stored is computed on the first read.
INSERT INTO analytics_dirty SELECT id FROM attempts;
CREATE INDEX attempts_certifications ON attempts(started_at) WHERE certification_outcome IS NOT NULL;
`;
