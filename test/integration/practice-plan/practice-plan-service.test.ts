/** Today's plan from a rep's stored attempts (real SQLite, typed answers, a pinned clock). */
import { describe, expect, it } from 'vitest';
import { type Core, makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const NOW = new Date('2026-11-24T10:00:00');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

/** A finished typed attempt, stamped `days` before NOW. */
function practised(core: Core, scenarioId: string, answer: string, days: number): number {
  const { attemptId } = core.practice.start(scenarioId);
  core.practice.submitTyped(attemptId, 0, answer);
  core.practice.finish(attemptId);
  core.storage.db
    .prepare('UPDATE attempts SET started_at = ?, finished_at = ? WHERE id = ?')
    .run(daysAgo(days), daysAgo(days), attemptId);
  return attemptId;
}

describe("a rep's day", () => {
  it('puts a failed drill first as due, says why, ticks it off once practised, and keeps the streak', () => {
    let clock = NOW;
    const core = makeCore(tempDir(), { modelPath: null, now: () => clock });
    core.people.setUpMe('Riley Rep', ['rep']);
    practised(core, 'drill-next-step', 'Let us keep in touch.', 3);
    practised(core, 'drill-open-questions', 'What would make onboarding easier for your team?', 2);
    practised(core, 'drill-open-questions', 'How do you onboard new drivers today?', 1);

    const today = core.plan.today();
    expect(today.plan[0]).toMatchObject({ scenarioId: 'drill-next-step', why: 'due', done: false });
    expect(today.plan[0]!.reason).toMatch(/^.+: last \d+, due (today|since \w+day)$/);
    expect(today.plannedMinutes).toBeLessThanOrEqual(7);
    expect(today.streak).toMatchObject({ days: 3, practisedToday: false });
    const closing = today.skills.find((s) => s.skill === 'closing')!;
    expect(closing.score).toBeLessThan(today.skills.find((s) => s.skill === 'questioning')!.score);
    expect(closing.attemptIds.length).toBe(1);

    // Practised now: ticked off, and the streak counts today.
    practised(core, 'drill-next-step', 'Could we book thirty minutes on Thursday at 2pm?', 0);
    const after = core.plan.today();
    expect(after.plan.find((i) => i.scenarioId === 'drill-next-step')).toMatchObject({ done: true });
    expect(after.streak).toMatchObject({ days: 4, practisedToday: true });
    // The next day the streak is still there until the day is over.
    clock = new Date(NOW.getTime() + 86_400_000);
    expect(core.plan.today().streak).toMatchObject({ days: 4, practisedToday: false });
    core.close();
  });

  it('a first day offers something new within the minutes asked', () => {
    const core = makeCore(tempDir(), { modelPath: null, now: () => NOW });
    core.people.setUpMe('Riley Rep', ['rep']);
    const today = core.plan.today({ minutes: 5 });
    expect(today.plan.length).toBeGreaterThan(0);
    expect(today.plan.every((i) => i.why === 'new')).toBe(true);
    expect(today.plannedMinutes).toBeLessThanOrEqual(5);
    expect(today.streak.days).toBe(0);
    core.close();
  });
});
