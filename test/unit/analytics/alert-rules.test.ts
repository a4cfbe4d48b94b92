/** Every coaching alert rule on constructed histories: fires, does not fire, and at its threshold. */
import { describe, expect, it } from 'vitest';
import {
  type AlertThresholds,
  DEFAULT_THRESHOLDS,
  type HistoryAttempt,
  type RepHistory,
  alertsFor,
  certifications,
  inactivity,
  masteryDrops,
  overdue,
  talkShare,
} from '../../../src-main/core/analytics/alert-rules';
import { skillTotalsOf } from '../../../src-main/core/practice-plan/mastery';

const NOW = new Date('2026-11-24T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const T: AlertThresholds = DEFAULT_THRESHOLDS;

function attempt(id: number, ago: number, more: Partial<HistoryAttempt> = {}): HistoryAttempt {
  return {
    id,
    scenarioId: 's',
    title: 'Price objection',
    kind: 'roleplay',
    at: daysAgo(ago),
    talkShare: null,
    certification: null,
    ...more,
  };
}

function rep(more: Partial<RepHistory>): RepHistory {
  return { repId: 7, rep: 'Riley Rep', attempts: [], skills: [], assignments: [], ...more };
}

/** Questioning scored `scores` in attempts one day apart, the last `ago` days ago. */
function questioning(scores: number[], ago = 0) {
  const attempts = scores.map((_, i) => attempt(i + 1, ago + scores.length - 1 - i));
  const samples = scores.map((score, i) => ({ skill: 'questioning', score, at: attempts[i]!.at, attemptId: i + 1 }));
  return rep({ attempts, skills: skillTotalsOf(samples) });
}

describe('mastery drop', () => {
  it('fires when the last three attempts took a skill down 15 points or more, with those attempts as evidence', () => {
    const alerts = masteryDrops(questioning([90, 90, 90, 60, 60, 60]), T, NOW);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'mastery-drop', attemptIds: [6, 5, 4] });
    expect(alerts[0]!.title).toMatch(/^Riley Rep: questioning down \d+ points$/);
  });

  it('does not fire on a small dip, on a rise, or without anything before the last three', () => {
    expect(masteryDrops(questioning([80, 80, 80, 75, 75, 75]), T, NOW)).toEqual([]);
    expect(masteryDrops(questioning([50, 50, 50, 90, 90, 90]), T, NOW)).toEqual([]);
    expect(masteryDrops(questioning([90, 30, 30]), T, NOW)).toEqual([]);
  });

  it('fires at exactly the threshold, not one point under it', () => {
    const history = questioning([90, 90, 90, 60, 60, 60]);
    const drop = Number(/down (\d+) points/.exec(masteryDrops(history, T, NOW)[0]!.title)![1]);
    expect(masteryDrops(history, { ...T, masteryDrop: { points: drop, attempts: 3 } }, NOW)).toHaveLength(1);
    expect(masteryDrops(history, { ...T, masteryDrop: { points: drop + 1, attempts: 3 } }, NOW)).toEqual([]);
  });
});

describe('inactivity', () => {
  it('fires after 7 days without practice, and for a rep who never practised', () => {
    expect(inactivity(rep({ attempts: [attempt(1, 8)] }), T, NOW)[0]).toMatchObject({ attemptIds: [1] });
    expect(inactivity(rep({}), T, NOW)[0]!.title).toBe('Riley Rep: has not practised yet');
  });
  it('at the threshold: 7 days fires, 6 does not', () => {
    expect(inactivity(rep({ attempts: [attempt(1, 7)] }), T, NOW)).toHaveLength(1);
    expect(inactivity(rep({ attempts: [attempt(1, 6.9)] }), T, NOW)).toEqual([]);
  });
});

describe('certification', () => {
  const failed = { outcome: 'not-yet' as const, validUntil: null };
  const passed = (until: Date | null) => ({ outcome: 'certified' as const, validUntil: until });

  it('fires after two failures since the last pass, not after one, and a pass resets it', () => {
    const two = rep({ attempts: [attempt(1, 5, { certification: failed }), attempt(2, 3, { certification: failed })] });
    expect(certifications(two, T, NOW)[0]).toMatchObject({ rule: 'certification-failed', attemptIds: [2, 1] });
    const one = rep({ attempts: [attempt(1, 5, { certification: failed })] });
    expect(certifications(one, T, NOW)).toEqual([]);
    const reset = rep({
      attempts: [
        attempt(1, 9, { certification: failed }),
        attempt(2, 8, { certification: failed }),
        attempt(3, 7, { certification: passed(null) }),
        attempt(4, 1, { certification: failed }),
      ],
    });
    expect(certifications(reset, T, NOW)).toEqual([]);
  });

  it('fires when a certification expires within 14 days (or has), not with 15 left or when it never expires', () => {
    const until = (d: number) =>
      rep({ attempts: [attempt(1, 80, { certification: passed(new Date(NOW.getTime() + d * 86_400_000)) })] });
    expect(certifications(until(14), T, NOW)[0]).toMatchObject({ rule: 'certification-expiring', attemptIds: [1] });
    expect(certifications(until(-2), T, NOW)[0]!.title).toMatch(/certification expired$/);
    expect(certifications(until(15), T, NOW)).toEqual([]);
    expect(certifications(rep({ attempts: [attempt(1, 80, { certification: passed(null) })] }), T, NOW)).toEqual([]);
  });
});

describe('talk share', () => {
  const roleplays = (...shares: (number | null)[]) =>
    rep({ attempts: shares.map((s, i) => attempt(i + 1, 10 - i, { talkShare: s })) });

  it('fires when the last three role-plays were all above 65%', () => {
    expect(talkShare(roleplays(40, 70, 80, 66), T)[0]).toMatchObject({ rule: 'talk-share', attemptIds: [4, 3, 2] });
  });
  it('does not fire at exactly 65%, with one under, or with fewer than three', () => {
    expect(talkShare(roleplays(70, 65, 80), T)).toEqual([]);
    expect(talkShare(roleplays(70, 50, 80), T)).toEqual([]);
    expect(talkShare(roleplays(70, 80), T)).toEqual([]);
  });
  it('reads role-plays only (drills and typed answers have no talk share)', () => {
    const h = rep({
      attempts: [
        attempt(1, 5, { talkShare: 70 }),
        attempt(2, 4, { talkShare: 90, kind: 'drill' }),
        attempt(3, 3, { talkShare: 70 }),
        attempt(4, 2, { talkShare: null }),
        attempt(5, 1, { talkShare: 70 }),
      ],
    });
    expect(talkShare(h, T)[0]!.attemptIds).toEqual([5, 3, 1]);
  });
});

describe('overdue', () => {
  const assignment = (due: number, done: number | null) => ({
    id: 3,
    scenarioId: 's',
    title: 'Price objection',
    due: daysAgo(due),
    doneAt: done === null ? null : daysAgo(done),
  });
  it('fires for an assignment past its due date and not done; not when done, not before it is due', () => {
    expect(overdue(rep({ assignments: [assignment(1, null)] }), T, NOW)[0]).toMatchObject({ id: 'overdue:7:3' });
    expect(overdue(rep({ assignments: [assignment(1, 2)] }), T, NOW)).toEqual([]);
    expect(overdue(rep({ assignments: [assignment(-1, null)] }), T, NOW)).toEqual([]);
  });
  it('waits out the grace days', () => {
    const late = rep({ assignments: [assignment(2, null)] });
    expect(overdue(late, { ...T, overdue: { graceDays: 3 } }, NOW)).toEqual([]);
    expect(overdue(late, { ...T, overdue: { graceDays: 1 } }, NOW)).toHaveLength(1);
  });
});

it('an alert keeps its id while its evidence is the same, and gets a new one when something new happens', () => {
  const first = alertsFor(questioning([90, 90, 90, 60, 60, 60], 10), T, NOW).map((a) => a.id);
  expect(first).toEqual(
    expect.arrayContaining([expect.stringMatching(/^mastery-drop:7:questioning:6$/), 'inactivity:7:6']),
  );
  expect(alertsFor(questioning([90, 90, 90, 60, 60, 60], 10), T, NOW).map((a) => a.id)).toEqual(first);
  const later = alertsFor(questioning([90, 90, 90, 60, 60, 60, 0], 10), T, NOW).map((a) => a.id);
  expect(later).toContain('mastery-drop:7:questioning:7');
});
