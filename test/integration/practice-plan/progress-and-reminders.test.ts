/** Progress (the skill trend, personal bests), the weekly goal and the daily reminder (real SQLite, a pinned clock). */
import { describe, expect, it } from 'vitest';
import { type Core, makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';
import { practisedAt } from '../../support/practised';

const NOW = new Date('2026-11-24T10:00:00'); // a Tuesday

const practised = (core: Core, scenarioId: string, answer: string, days: number) =>
  practisedAt(core, scenarioId, answer, new Date(NOW.getTime() - days * 86_400_000));

describe('progress', () => {
  it('draws each skill week by week, with this week moving when the rep practises, and keeps personal bests', () => {
    const core = makeCore(tempDir(), { modelPath: null, now: () => NOW });
    core.people.setUpMe('Riley Rep', ['rep']);
    expect(core.plan.progress()).toMatchObject({ bests: [] });
    const weak = practised(core, 'drill-next-step', 'Let us keep in touch.', 20);
    practised(core, 'drill-open-questions', 'How do you onboard new drivers today?', 9);

    const before = core.plan.progress();
    expect(before.trend.weeks).toHaveLength(12);
    expect(before.trend.weeks.at(-1)).toBe('2026-11-23'); // this week's Monday
    const closing = before.trend.skills.find((s) => s.skill === 'closing')!;
    // Nothing before the first attempt; from its week on, a point every week.
    expect(closing.points.slice(0, 8)).toEqual(Array(8).fill(null));
    expect(closing.points.slice(9).every((p) => p !== null)).toBe(true);
    expect(before.bests.find((b) => b.scenarioId === 'drill-next-step')).toMatchObject({
      attemptId: weak,
      isNew: false,
    });

    // A better next step today: this week's point rises, and it is a new personal best.
    const good = practised(core, 'drill-next-step', 'Could we book thirty minutes on Thursday at 2pm?', 0);
    const after = core.plan.progress();
    const closingNow = after.trend.skills.find((s) => s.skill === 'closing')!;
    expect(closingNow.points.at(-1)!).toBeGreaterThan(closing.points.at(-1)!);
    expect(closingNow.points.slice(0, -1)).toEqual(closing.points.slice(0, -1));
    expect(after.bests.find((b) => b.scenarioId === 'drill-next-step')).toMatchObject({ attemptId: good, isNew: true });
    core.close();
  });

  it('keeps a weekly goal the rep sets, and refuses one out of range at the API', () => {
    const core = makeCore(tempDir(), { modelPath: null, now: () => NOW });
    core.people.setUpMe('Riley Rep', ['rep']);
    expect(core.plan.today().week.goalMinutes).toBe(30);
    expect(core.plan.setWeekGoal(45).week.goalMinutes).toBe(45);
    expect(core.plan.setWeekGoal(null).week.goalMinutes).toBe(30);
    core.close();
  });

  it('reminds once a day at the chosen time, only while today’s plan is not done, and never unless turned on', () => {
    let clock = new Date('2026-11-24T08:00:00');
    const core = makeCore(tempDir(), { modelPath: null, now: () => clock });
    core.people.setUpMe('Riley Rep', ['rep']);
    expect(core.plan.reminderDue()).toEqual({ due: false }); // off
    expect(core.plan.setReminder('09:30')).toEqual({ reminderTime: '09:30' });
    expect(core.plan.reminderDue()).toEqual({ due: false }); // not yet 09:30
    clock = new Date('2026-11-24T09:31:00');
    const due = core.plan.reminderDue();
    expect(due).toMatchObject({ due: true, title: 'Today’s practice is ready' });
    expect(due.due && due.body).toMatch(/^\d items?, about \d+ min: .+ first\.$/);
    clock = new Date('2026-11-24T15:00:00');
    expect(core.plan.reminderDue()).toEqual({ due: false }); // shown today already
    // The next day, with the plan done before the time: nothing.
    clock = new Date('2026-11-25T08:00:00');
    for (let n = 0; n < 10; n++) {
      const item = core.plan.today().plan.find((i) => !i.done);
      if (!item) break;
      const { attemptId } = core.practice.start(item.scenarioId);
      core.practice.submitTyped(attemptId, 0, 'Could we book thirty minutes on Thursday at 2pm?');
      core.practice.finish(attemptId);
      core.storage.db
        .prepare('UPDATE attempts SET started_at = ?, finished_at = ? WHERE id = ?')
        .run(clock.toISOString(), clock.toISOString(), attemptId);
    }
    clock = new Date('2026-11-25T10:00:00');
    expect(core.plan.today().plan.every((i) => i.done)).toBe(true);
    expect(core.plan.reminderDue()).toEqual({ due: false });
    expect(core.plan.setReminder(null)).toEqual({ reminderTime: null });
    core.close();
  });
});
