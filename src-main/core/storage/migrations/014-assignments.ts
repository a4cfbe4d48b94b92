/**
 * Schema version 14: assignments. A manager asks a rep to practise a scenario or drill (or to
 * certify on it) by a date, with a note; it syncs through the team store by its UUID. Whether it
 * is done is not stored: it is the rep's first finished attempt at it after it was assigned (for a
 * certification, a certified one), read from the attempts themselves.
 * `team_pushed` learns a fourth kind of row (SQLite cannot change a CHECK in place: the table is
 * made again with its rows).
 */
export const sql = `
CREATE TABLE assignments (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE,
  scenario_id         TEXT NOT NULL,
  rep_profile_id      INTEGER NOT NULL REFERENCES profiles(id),
  manager_profile_id  INTEGER NOT NULL REFERENCES profiles(id),
  kind                TEXT NOT NULL CHECK (kind IN ('practice', 'certification')),
  due_on              TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  note                TEXT,
  created_at          TEXT NOT NULL,
  cancelled_at        TEXT
);
CREATE INDEX assignments_by_rep ON assignments(rep_profile_id, due_on);
CREATE INDEX assignments_by_manager ON assignments(manager_profile_id, due_on);

CREATE TABLE team_pushed_new (
  kind         TEXT NOT NULL CHECK (kind IN ('attempt', 'review', 'pack', 'assignment')),
  key          TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  pushed_at    TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
INSERT INTO team_pushed_new SELECT * FROM team_pushed;
DROP TABLE team_pushed;
ALTER TABLE team_pushed_new RENAME TO team_pushed;
`;
