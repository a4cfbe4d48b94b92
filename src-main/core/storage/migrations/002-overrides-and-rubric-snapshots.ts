/**
 * Schema version 2: a manager's override of a criterion score (the automatic score stays in the
 * turn's score JSON; the effective score is the override), and the text of each rubric version
 * that produced stored scores, so an old score can always be explained.
 */
export const sql = `
CREATE TABLE score_overrides (
  id                 INTEGER PRIMARY KEY,
  turn_id            INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
  criterion_id       TEXT NOT NULL,
  score              INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  reason             TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  author_profile_id  INTEGER NOT NULL REFERENCES profiles(id),
  created_at         TEXT NOT NULL,
  UNIQUE (turn_id, criterion_id)
);

CREATE TABLE rubric_versions (
  version      TEXT PRIMARY KEY,
  content      TEXT NOT NULL,
  first_used_at TEXT NOT NULL
);
`;
