/**
 * Schema version 7: a review of an attempt, by its manager: reviewed, or the rep should try
 * again. One row per attempt (its reviewer owns it), signed and dated. Attempts with no row are
 * waiting in the review queue.
 */
export const sql = `
CREATE TABLE reviews (
  attempt_id           INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  status               TEXT NOT NULL CHECK (status IN ('reviewed', 'needs-another')),
  reviewer_profile_id  INTEGER NOT NULL REFERENCES profiles(id),
  note                 TEXT,
  updated_at           TEXT NOT NULL
);
CREATE INDEX attempts_by_rep ON attempts(profile_id, started_at);
`;
