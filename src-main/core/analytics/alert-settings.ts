import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ScenarioProblem } from '../domain';
import { parseYamlWith } from '../yaml-source';
import { type AlertThresholds, DEFAULT_THRESHOLDS } from './alert-rules';

/** Where a manager edits the alert thresholds: one YAML file in the data folder, written with the defaults first. */
export const alertSettingsFile = (dataDir: string) => join(dataDir, 'coaching-alerts.yaml');

const count = (max: number) => z.number().int().min(1).max(max);
const schema = z.strictObject({
  masteryDrop: z
    .strictObject({ points: count(100), attempts: count(20) })
    .partial()
    .optional(),
  inactivity: z
    .strictObject({ days: count(365) })
    .partial()
    .optional(),
  certification: z
    .strictObject({ failures: count(20), expiringDays: z.number().int().min(0).max(365) })
    .partial()
    .optional(),
  talkShare: z
    .strictObject({ percent: count(100), roleplays: count(20) })
    .partial()
    .optional(),
  overdue: z
    .strictObject({ graceDays: z.number().int().min(0).max(365) })
    .partial()
    .optional(),
});

const TEMPLATE = `# Coaching alerts: when Sparring tells a manager that a rep may need help.
# Edit the numbers; a line removed falls back to the default shown here.

masteryDrop:        # a skill's mastery fell by at least this many points ...
  points: ${DEFAULT_THRESHOLDS.masteryDrop.points}
  attempts: ${DEFAULT_THRESHOLDS.masteryDrop.attempts}        # ... over its last this many attempts
inactivity:
  days: ${DEFAULT_THRESHOLDS.inactivity.days}            # no practice for this many days
certification:
  failures: ${DEFAULT_THRESHOLDS.certification.failures}        # failed this many times since it was last passed
  expiringDays: ${DEFAULT_THRESHOLDS.certification.expiringDays}   # or it expires within this many days
talkShare:
  percent: ${DEFAULT_THRESHOLDS.talkShare.percent}         # the rep talked more than this share of the time ...
  roleplays: ${DEFAULT_THRESHOLDS.talkShare.roleplays}        # ... in this many role-plays running
overdue:
  graceDays: ${DEFAULT_THRESHOLDS.overdue.graceDays}        # an assignment this many days past its due date
`;

/**
 * The thresholds in force, and any problem in the file (file:line: message). A broken file never
 * silences alerts: until it is fixed the defaults apply, and its problems are shown with the alerts.
 */
export function readAlertSettings(dataDir: string): {
  thresholds: AlertThresholds;
  file: string;
  problems: ScenarioProblem[];
} {
  const file = alertSettingsFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, TEMPLATE);
    renameSync(`${file}.tmp`, file);
  }
  const source = parseYamlWith(schema, readFileSync(file, 'utf8'), file);
  const d = source.data ?? {};
  return {
    thresholds: {
      masteryDrop: { ...DEFAULT_THRESHOLDS.masteryDrop, ...d.masteryDrop },
      inactivity: { ...DEFAULT_THRESHOLDS.inactivity, ...d.inactivity },
      certification: { ...DEFAULT_THRESHOLDS.certification, ...d.certification },
      talkShare: { ...DEFAULT_THRESHOLDS.talkShare, ...d.talkShare },
      overdue: { ...DEFAULT_THRESHOLDS.overdue, ...d.overdue },
    },
    file,
    problems: source.problems,
  };
}
