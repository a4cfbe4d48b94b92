/**
 * Schema version 13: "retry this turn". A step answered more than once keeps every answer: the
 * one that counts (the better score) stays in `turns`, the others are kept here with when they
 * were given, so a reviewer sees that the rep tried again and what each try was.
 */
export const sql = `
CREATE TABLE turn_tries (
  id                INTEGER PRIMARY KEY,
  attempt_id        INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  turn_index        INTEGER NOT NULL,
  audio_path        TEXT,
  duration_seconds  REAL,
  transcript_json   TEXT,
  score_json        TEXT,
  overall_score     REAL,
  answered_at       TEXT NOT NULL
);
CREATE INDEX turn_tries_by_step ON turn_tries(attempt_id, turn_index);
`;
