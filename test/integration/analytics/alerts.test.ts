/** The coaching alerts inbox over a real data folder: a seeded drop, its evidence, done, snooze, the thresholds. */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertSettingsFile } from '../../../src-main/core/analytics/alert-settings';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';
import { practisedAt } from '../../support/practised';

const NOW = new Date('2026-11-24T10:00:00');
const GOOD = 'Could we book thirty minutes on Thursday at 2pm to agree the rollout?';
const WEAK = 'Let us keep in touch.';

function team() {
  const dataDir = tempDir();
  const core = makeCore(dataDir, { modelPath: null, now: () => NOW });
  const riley = core.people.setUpMe('Riley Rep', ['rep']);
  const morgan = core.people.add('Morgan Manager', ['manager']);
  const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
  const good = [6, 5, 4].map((n) => practisedAt(core, 'drill-next-step', GOOD, day(n)));
  const weak = [3, 2, 1].map((n) => practisedAt(core, 'drill-next-step', WEAK, day(n)));
  core.people.use(morgan.id);
  return { core, dataDir, riley, morgan, good, weak, day };
}

describe('coaching alerts inbox', () => {
  it('raises a skill drop with the attempts behind it; done and snoozed alerts leave until something new', () => {
    const { core, weak, day } = team();
    const inbox = core.alerts.inbox();
    expect(inbox.problems).toEqual([]);
    const drop = inbox.alerts.find((a) => a.rule === 'mastery-drop')!;
    expect(drop).toMatchObject({ rep: 'Riley Rep', state: 'new', attemptIds: [...weak].reverse() });
    expect(drop.title).toMatch(/^Riley Rep: closing down \d+ points$/);
    expect(inbox.alerts.some((a) => a.rule === 'inactivity')).toBe(false);

    core.alerts.mark(drop.id, 'done');
    expect(core.alerts.inbox().alerts.some((a) => a.id === drop.id)).toBe(false);
    expect(core.alerts.inbox({ includeDone: true }).alerts.find((a) => a.id === drop.id)!.state).toBe('done');
    // Another weak attempt: a new alert, with the new evidence.
    core.people.use(core.people.list().find((p) => p.name === 'Riley Rep')!.id);
    const latest = practisedAt(core, 'drill-next-step', WEAK, day(0.5));
    core.people.use(core.people.list().find((p) => p.name === 'Morgan Manager')!.id);
    const again = core.alerts.inbox().alerts.find((a) => a.rule === 'mastery-drop')!;
    expect(again.id).not.toBe(drop.id);
    expect(again.attemptIds[0]).toBe(latest);
    core.alerts.mark(again.id, 'snoozed', 7);
    expect(core.alerts.inbox().alerts.some((a) => a.rule === 'mastery-drop')).toBe(false);
    core.close();
  });

  it('reads its thresholds from the file the manager edits, and says which line is wrong', () => {
    const { core, dataDir } = team();
    core.alerts.inbox(); // writes the file with the defaults
    writeFileSync(alertSettingsFile(dataDir), 'masteryDrop:\n  points: 90\n');
    expect(core.alerts.inbox().alerts.some((a) => a.rule === 'mastery-drop')).toBe(false);
    writeFileSync(alertSettingsFile(dataDir), 'masteryDrop:\n  points: many\n');
    const broken = core.alerts.inbox();
    expect(broken.problems[0]).toMatchObject({ line: 2 });
    expect(broken.alerts.some((a) => a.rule === 'mastery-drop')).toBe(true); // the defaults meanwhile
    core.close();
  });

  it('is for managers', () => {
    const { core, riley } = team();
    core.people.use(riley.id);
    expect(() => core.alerts.inbox()).toThrow(/for managers/);
    core.close();
  });
});
