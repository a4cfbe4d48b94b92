/**
 * Schema version 15: what a manager did with a coaching alert. An alert is computed from the
 * attempts each time; only the manager's decision is stored, by the alert's id (which names its
 * evidence, so a new drop or a new failure is a new alert): done, or snoozed until a date.
 */
export const sql = `
CREATE TABLE alert_states (
  alert_id            TEXT NOT NULL,
  manager_profile_id  INTEGER NOT NULL REFERENCES profiles(id),
  state               TEXT NOT NULL CHECK (state IN ('done', 'snoozed')),
  until               TEXT,
  at                  TEXT NOT NULL,
  PRIMARY KEY (manager_profile_id, alert_id)
);
`;
