import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../src-main/core/analytics/alert-rules';
import { alertSettingsFile, readAlertSettings } from '../../../src-main/core/analytics/alert-settings';
import { tempDir } from '../../support/paths';

describe('coaching alert settings file', () => {
  it('is written with the defaults, commented, on first use', () => {
    const dir = tempDir();
    expect(readAlertSettings(dir)).toMatchObject({ thresholds: DEFAULT_THRESHOLDS, problems: [] });
    expect(readFileSync(alertSettingsFile(dir), 'utf8')).toMatch(/points: 15\n\s+attempts: 3 +# \.\.\. over its last/);
  });

  it('takes what the manager changed, the defaults for what they removed', () => {
    const dir = tempDir();
    writeFileSync(alertSettingsFile(dir), 'inactivity:\n  days: 10\ntalkShare:\n  percent: 60\n');
    const { thresholds, problems } = readAlertSettings(dir);
    expect(problems).toEqual([]);
    expect(thresholds.inactivity.days).toBe(10);
    expect(thresholds.talkShare).toEqual({ percent: 60, roleplays: 3 });
    expect(thresholds.masteryDrop).toEqual(DEFAULT_THRESHOLDS.masteryDrop);
  });

  it('says which line is wrong and keeps alerting with the defaults meanwhile', () => {
    const dir = tempDir();
    writeFileSync(alertSettingsFile(dir), 'inactivity:\n  days: 10\nmasteryDrop:\n  points: lots\n');
    const { thresholds, problems } = readAlertSettings(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(problems[0]!.file).toBe(alertSettingsFile(dir));
    expect(thresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});
