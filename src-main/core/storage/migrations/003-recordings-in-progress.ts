/**
 * Schema version 3: the answers being recorded right now. A row is written when recording starts
 * and deleted when it finishes or is cancelled, so after a crash the next start knows which
 * half-written WAV belongs to which attempt and turn, and recovers it.
 */
export const sql = `
CREATE TABLE recordings_in_progress (
  id          TEXT PRIMARY KEY,
  attempt_id  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  turn_index  INTEGER NOT NULL,
  path        TEXT NOT NULL,
  started_at  TEXT NOT NULL
);
`;
