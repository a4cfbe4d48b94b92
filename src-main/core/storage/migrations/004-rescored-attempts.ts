/**
 * Schema version 4: re-scoring. Re-scoring an old attempt with a newer scenario or rubric version
 * never rewrites it: it creates a new attempt that points back at the one it re-scored, so both
 * results stay side by side.
 */
export const sql = `
ALTER TABLE attempts ADD COLUMN rescored_from INTEGER REFERENCES attempts(id) ON DELETE SET NULL;
CREATE INDEX attempts_by_rescored_from ON attempts(rescored_from);
`;
