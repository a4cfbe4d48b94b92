/** Today's plan from a rep's stored attempts (real SQLite, typed answers, a pinned clock). */
import { describe, expect, it } from 'vitest';
import { type Core, makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';
import { practisedAt } from '../../support/practised';

const NOW = new Date('2026-11-24T10:00:00');

const practised = (core: Core, scenarioId: string, answer: string, days: number) =>
  practisedAt(core, scenarioId, answer, new Date(NOW.getTime() - days * 86_400_000));

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

  it('a certification that expires says until when, and comes back into the plan before it does', () => {
    const core = makeCore(tempDir(), { modelPath: null, now: () => NOW });
    const rep = core.people.setUpMe('Riley Rep', ['rep']);
    const strong = 'I hear you. Teams your size cut onboarding time by 40%. Can we book 30 minutes on Thursday at 2pm?';
    const id = practised(core, 'price-objection', strong, 80);
    // Typed, so not certified by itself; a manager's review certifies it, valid 90 days from the attempt.
    core.people.use(core.people.add('Morgan Manager', ['manager']).id);
    const turn = core.history.get(id).turns[0]!;
    for (const c of turn.score!.criteria) core.review.overrideScore(turn.id, c.id, 100, 'Strong in the live call');
    const cert = core.history.get(id).certification!;
    expect(cert.validUntil!.slice(0, 10)).toBe(new Date(NOW.getTime() + 10 * 86_400_000).toISOString().slice(0, 10));
    expect(cert.label).toMatch(/^Certified by review: Morgan Manager, .*valid until \d{4}-\d\d-\d\d\)$/);
    core.people.use(rep.id);
    const today = core.plan.today();
    expect(today.plan[0]).toMatchObject({ scenarioId: 'price-objection', why: 'renew' });
    expect(today.badges.map((b) => b.id)).toContain('first-certification');
    expect(today.certifications).toEqual([
      { scenarioId: 'price-objection', title: expect.any(String), validUntil: cert.validUntil, expired: false },
    ]);
    core.close();
  });
});
