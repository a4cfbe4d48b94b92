/**
 * Schema version 11: what this computer knows of its team store (TEAM.md). `team_state` keeps the
 * pull cursor (the server's change number, not a clock) and who this copy is signed in as;
 * `team_pushed` records what has reached the store and in which state (a fingerprint), so the
 * outbox is "what is here and not there yet", and a push cut half-way is simply pushed again;
 * `team_refused` keeps rows from the store that failed this computer's checks, with the reasons,
 * instead of stopping the sync at them.
 */
export const sql = `
CREATE TABLE team_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
CREATE TABLE team_pushed (
  kind         TEXT NOT NULL CHECK (kind IN ('attempt', 'review', 'pack')),
  key          TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  pushed_at    TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE TABLE team_refused (
  uuid     TEXT PRIMARY KEY,
  reasons  TEXT NOT NULL,
  at       TEXT NOT NULL
);
`;
