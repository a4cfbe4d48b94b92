/**
 * Schema version 6.
 * People: a profile has one or more roles (rep, manager, designer), and one profile is the person
 * using this copy of Sparring (`is_self`); `confirmed_at` is when they said who they are (the
 * automatic "Me" of earlier versions is not confirmed, so the app asks once).
 * Certification as a decision, stored when it is made: the outcome, whether the automatic score
 * earned it or a reviewer's override did, the reviewer's name and reason. Earlier versions
 * derived it from the overall score, overrides included, so a rep's own overrides could "certify"
 * a failed attempt; those attempts get their outcome decided again, once, by the new rules.
 */
export const sql = `
ALTER TABLE profiles ADD COLUMN roles TEXT NOT NULL DEFAULT '["rep"]';
ALTER TABLE profiles ADD COLUMN is_self INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN confirmed_at TEXT;
UPDATE profiles SET roles = json_array(role);
UPDATE profiles SET is_self = 1 WHERE id = (SELECT min(id) FROM profiles);

ALTER TABLE attempts ADD COLUMN certification_outcome TEXT CHECK (certification_outcome IN ('certified', 'not-yet'));
ALTER TABLE attempts ADD COLUMN certified_by TEXT CHECK (certified_by IN ('automatic', 'review'));
ALTER TABLE attempts ADD COLUMN certified_by_name TEXT;
ALTER TABLE attempts ADD COLUMN certified_reason TEXT;
`;
