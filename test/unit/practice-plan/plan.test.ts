/** The daily plan, property-tested: any history, any library, any budget. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan, type PlanScenario } from '../../../src-main/core/practice-plan/plan';
import type { CardState } from '../../../src-main/core/practice-plan/schedule';

const NOW = new Date(2026, 10, 24, 9);
const SKILLS = ['questioning', 'closing', 'objection-handling', 'value-selling'];

const library = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `s${i}`)),
    title: fc.constant('A scenario'),
    kind: fc.constantFrom('scenario' as const, 'drill' as const),
    minutes: fc.integer({ min: 1, max: 12 }),
    skills: fc.subarray(SKILLS, { minLength: 1 }),
  }),
  { selector: (s) => s.id, minLength: 1, maxLength: 12 },
);

const world = library.chain((scenarios: PlanScenario[]) =>
  fc.record({
    scenarios: fc.constant(scenarios),
    cards: fc.array(
      fc.record({
        scenarioId: fc.constantFrom(...scenarios.map((s) => s.id)),
        dueIn: fc.integer({ min: -20, max: 20 }),
        lastScore: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 12 },
    ),
    weakest: fc.option(fc.constantFrom(...SKILLS), { nil: undefined }),
    last: fc.option(fc.constantFrom(...scenarios.map((s) => s.id)), { nil: null }),
    budget: fc.integer({ min: 3, max: 30 }),
  }),
);

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function planOf(w: World) {
  const cards = new Map<string, CardState>(
    w.cards.map((c) => [
      c.scenarioId,
      {
        scenarioId: c.scenarioId,
        due: new Date(NOW.getTime() + c.dueIn * 86_400_000),
        stability: 3,
        reps: 1,
        lapses: 0,
        lastAt: new Date(NOW.getTime() - 86_400_000),
        lastScore: c.lastScore,
      },
    ]),
  );
  const mastery = w.weakest ? [{ skill: w.weakest, score: 40, samples: 3, lastAt: NOW, attemptIds: [1] }] : [];
  const plan = buildPlan({
    scenarios: w.scenarios,
    cards,
    mastery,
    lastScenarioId: w.last,
    doneToday: new Set(),
    budgetMinutes: w.budget,
    now: NOW,
  });
  return { plan, cards };
}

describe('daily plan', () => {
  it('stays within the minutes asked, puts due items first (most overdue first), repeats nothing', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { plan, cards } = planOf(w);
        expect(plan.reduce((m, i) => m + i.minutes, 0)).toBeLessThanOrEqual(w.budget);
        expect(new Set(plan.map((i) => i.scenarioId)).size).toBe(plan.length);
        const firstOther = plan.findIndex((i) => i.why !== 'due');
        const due = plan.filter((i) => i.why === 'due' && cards.get(i.scenarioId)!.due <= NOW);
        if (firstOther >= 0)
          expect(plan.slice(firstOther).some((i) => i.why === 'due' && cards.get(i.scenarioId)!.due <= NOW)).toBe(
            false,
          );
        const dueTimes = due.map((i) => cards.get(i.scenarioId)!.due.getTime());
        expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
        // Never the same drill twice in a row: what was just practised does not open the plan.
        if (w.last && plan.length) expect(plan[0]!.scenarioId).not.toBe(w.last);
      }),
      { numRuns: 500 },
    );
  });

  it('offers a drill for the weakest skill and something new when nothing is due', () => {
    const scenarios: PlanScenario[] = [
      { id: 'close-drill', title: 'Ask for the next step', kind: 'drill', minutes: 3, skills: ['closing'] },
      { id: 'discovery', title: 'Discovery call', kind: 'scenario', minutes: 6, skills: ['questioning'] },
      { id: 'open-drill', title: 'Open questions', kind: 'drill', minutes: 3, skills: ['questioning'] },
    ];
    const plan = buildPlan({
      scenarios,
      cards: new Map(),
      mastery: [{ skill: 'closing', score: 42, samples: 4, lastAt: NOW, attemptIds: [3] }],
      lastScenarioId: null,
      doneToday: new Set(),
      budgetMinutes: 7,
      now: NOW,
    });
    expect(plan.map((i) => [i.scenarioId, i.why, i.reason])).toEqual([
      ['close-drill', 'weakest', 'closing: your weakest skill, at 42'],
      ['open-drill', 'new', 'New: questioning'],
    ]);
  });

  it('brings a certification back before it expires, first, and not while it is far from expiring', () => {
    const scenarios: PlanScenario[] = [
      { id: 'cert', title: 'Price objection', kind: 'scenario', minutes: 3, skills: ['objection-handling'] },
      { id: 'drill', title: 'Open questions', kind: 'drill', minutes: 3, skills: ['questioning'] },
    ];
    const plan = (days: number) =>
      buildPlan({
        scenarios,
        cards: new Map(),
        mastery: [],
        lastScenarioId: null,
        doneToday: new Set(),
        budgetMinutes: 7,
        now: NOW,
        certifications: [{ scenarioId: 'cert', validUntil: new Date(NOW.getTime() + days * 86_400_000) }],
      });
    expect(plan(10)[0]).toMatchObject({
      scenarioId: 'cert',
      why: 'renew',
      reason: expect.stringMatching(/^Certification expires on /),
    });
    expect(plan(-2)[0]).toMatchObject({ why: 'renew', reason: expect.stringMatching(/^Certification expired on /) });
    expect(plan(40).some((i) => i.why === 'renew')).toBe(false);
  });
});
