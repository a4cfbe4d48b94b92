/** Schema version 1: profiles, scenario versions, attempts, turns and review comments. */
export const sql = `
CREATE TABLE profiles (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'designer')),
  created_at  TEXT NOT NULL
);

-- Every scenario version an attempt was practised on, by content hash, so past attempts
-- keep pointing at the exact text they were scored against.
CREATE TABLE scenario_versions (
  scenario_id   TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  title         TEXT NOT NULL,
  content       TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (scenario_id, content_hash)
);

CREATE TABLE attempts (
  id             INTEGER PRIMARY KEY,
  profile_id     INTEGER NOT NULL REFERENCES profiles(id),
  scenario_id    TEXT NOT NULL,
  scenario_hash  TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('in_progress', 'complete', 'incomplete')),
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  overall_score  REAL,
  FOREIGN KEY (scenario_id, scenario_hash) REFERENCES scenario_versions(scenario_id, content_hash)
);
-- History lists newest first; this index makes that a walk, not a sort of every attempt.
CREATE INDEX attempts_by_start ON attempts(started_at DESC, id DESC);
CREATE INDEX attempts_by_profile ON attempts(profile_id);

CREATE TABLE turns (
  id                INTEGER PRIMARY KEY,
  attempt_id        INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  turn_index        INTEGER NOT NULL,
  turn_id           TEXT NOT NULL,
  buyer_line        TEXT NOT NULL,
  audio_sha256      TEXT,
  audio_path        TEXT,
  duration_seconds  REAL,
  transcript_json   TEXT,
  score_json        TEXT,
  overall_score     REAL,
  created_at        TEXT NOT NULL,
  UNIQUE (attempt_id, turn_index)
);

CREATE TABLE review_comments (
  id                 INTEGER PRIMARY KEY,
  attempt_id         INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  turn_id            INTEGER REFERENCES turns(id) ON DELETE CASCADE,
  author_profile_id  INTEGER REFERENCES profiles(id),
  at_seconds         REAL,
  body               TEXT NOT NULL,
  created_at         TEXT NOT NULL
);
`;
