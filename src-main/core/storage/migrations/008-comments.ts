/**
 * Schema version 8: review comments pinned to moments. The table exists since version 1 (empty
 * until now); a comment may cover a range (`end_seconds`), be tagged with a criterion, answer
 * another comment (`parent_id`: a reply), be edited (`updated_at`) and be resolved by a reviewer.
 */
export const sql = `
ALTER TABLE review_comments ADD COLUMN end_seconds REAL;
ALTER TABLE review_comments ADD COLUMN criterion_id TEXT;
ALTER TABLE review_comments ADD COLUMN parent_id INTEGER REFERENCES review_comments(id) ON DELETE CASCADE;
ALTER TABLE review_comments ADD COLUMN updated_at TEXT;
ALTER TABLE review_comments ADD COLUMN resolved_at TEXT;
ALTER TABLE review_comments ADD COLUMN resolved_by_profile_id INTEGER REFERENCES profiles(id);
CREATE INDEX review_comments_by_attempt ON review_comments(attempt_id, at_seconds);
`;
