/**
 * Schema version 12: what a rep chooses for their own practice. A weekly goal in minutes (null:
 * the default, 30), and an opt-in daily reminder: the local time it is due at ("HH:MM", null: off)
 * and the local day it was last shown, so it is never shown twice in one day.
 */
export const sql = `
ALTER TABLE profiles ADD COLUMN week_goal_minutes INTEGER CHECK (week_goal_minutes BETWEEN 10 AND 1200);
ALTER TABLE profiles ADD COLUMN reminder_time TEXT CHECK (reminder_time GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE profiles ADD COLUMN reminded_on TEXT;
`;
