/**
 * Schema version 7: a review of an attempt, by its manager: reviewed, or the rep should try
 * again. One row per attempt (its reviewer owns it: the team store syncs it as the manager's),
 * signed and dated. Attempts with no review wait in the review queue.
 * `attempts.review_status` mirrors the review's status, written in the same transaction, so the
 * queue and its counts are read from one covering index (100,000 attempts: see the bench).
 */
export const sql = `
CREATE TABLE reviews (
  attempt_id           INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  status               TEXT NOT NULL CHECK (status IN ('reviewed', 'needs-another')),
  reviewer_profile_id  INTEGER NOT NULL REFERENCES profiles(id),
  note                 TEXT,
  updated_at           TEXT NOT NULL
);
ALTER TABLE attempts ADD COLUMN review_status TEXT CHECK (review_status IN ('reviewed', 'needs-another'));
CREATE INDEX attempts_review_queue ON attempts(status, discarded_at, review_status, profile_id, overall_score);
`;
