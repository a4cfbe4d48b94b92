/**
 * Schema version 4.
 * Re-scoring: re-scoring an old attempt with a newer scenario or rubric version never rewrites
 * it; it creates a new attempt that points back at the one it re-scored, so both results stay.
 * Certification: the pass mark an attempt was taken under, copied from its scenario version, so a
 * pass stays a pass (or not) whatever later edits do to the scenario file.
 */
export const sql = `
ALTER TABLE attempts ADD COLUMN rescored_from INTEGER REFERENCES attempts(id) ON DELETE SET NULL;
ALTER TABLE attempts ADD COLUMN certification_pass_mark REAL CHECK (certification_pass_mark BETWEEN 0 AND 100);
CREATE INDEX attempts_by_rescored_from ON attempts(rescored_from);
`;
