/**
 * Schema version 5.
 * The practice path is stored, not replayed: each answered step keeps where the role-play went
 * after it (`next_target`: a turn id, "end" or "end:<id>"), decided once when the answer was
 * scored. Replaying branch rules over old transcripts would follow today's detectors, not the
 * path the rep actually took. Rows from before this version get theirs filled in once, on first
 * read, with the code of that day (there is nothing better to go on), and keep it from then on.
 * Discarding: a discarded attempt is hidden at once and can be restored (undo) until the app
 * next starts, when it is deleted.
 * An attempt that was never finished has no overall score (it would read as a complete one).
 */
export const sql = `
ALTER TABLE turns ADD COLUMN next_target TEXT;
ALTER TABLE attempts ADD COLUMN discarded_at TEXT;
UPDATE attempts SET overall_score = NULL WHERE status <> 'complete';
CREATE INDEX attempts_by_scenario ON attempts(scenario_id, started_at DESC, id DESC);
CREATE INDEX attempts_by_status ON attempts(status, started_at DESC, id DESC);
`;
