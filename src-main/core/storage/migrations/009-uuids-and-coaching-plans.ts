/**
 * Schema version 9: rows that travel get a UUID made where they were created (people, attempts,
 * review comments), so an attempt bundle or a review file imported twice adds nothing, and the team
 * store can sync them later (see TEAM.md: local integer ids stay local). Existing rows get one now;
 * a trigger gives every new row one, so no insert has to remember it.
 * Also: a manager's coaching plan for an attempt (one to three focus skills, a note, a suggested
 * scenario or drill), one per attempt, owned by its author like a review.
 */
const UUID_V4 = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

const withUuid = (table: string) => `
ALTER TABLE ${table} ADD COLUMN uuid TEXT;
UPDATE ${table} SET uuid = ${UUID_V4};
CREATE UNIQUE INDEX ${table}_by_uuid ON ${table}(uuid);
CREATE TRIGGER ${table}_uuid AFTER INSERT ON ${table} WHEN NEW.uuid IS NULL
BEGIN
  UPDATE ${table} SET uuid = ${UUID_V4} WHERE id = NEW.id;
END;`;

export const sql = `
${withUuid('profiles')}
${withUuid('attempts')}
${withUuid('review_comments')}
CREATE TABLE coaching_plans (
  attempt_id             INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  skills                 TEXT NOT NULL CHECK (json_array_length(skills) BETWEEN 1 AND 3),
  note                   TEXT,
  suggested_scenario_id  TEXT,
  author_profile_id      INTEGER NOT NULL REFERENCES profiles(id),
  updated_at             TEXT NOT NULL
);
`;
