/** The few badges: a first certification, seven days in a row, a skill held at 80+ for a month. */
import { describe, expect, it } from 'vitest';
import { badgesFor, longestRun } from '../../../src-main/core/practice-plan/badges';
import type { SkillSample } from '../../../src-main/core/practice-plan/mastery';

const NOW = new Date('2026-11-24T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const run = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    ago(from - i)
      .toISOString()
      .slice(0, 10),
  );

describe('badges', () => {
  it('counts the longest run of practised days', () => {
    expect(longestRun(run(20, 7))).toBe(7);
    expect(longestRun([...run(20, 3), ...run(10, 6)])).toBe(6);
    expect(longestRun([])).toBe(0);
  });

  it('gives each badge when it is earned, and not before', () => {
    const steady = (skill: string, score: number): SkillSample[] =>
      Array.from({ length: 12 }, (_, i) => ({ skill, score, at: ago(i * 4), attemptId: i }));
    const badges = badgesFor({
      certified: true,
      practisedDays: run(12, 7),
      samples: [...steady('closing', 90), ...steady('questioning', 70)],
      now: NOW,
    });
    expect(badges.map((b) => b.id)).toEqual(['first-certification', 'streak-7', 'skill-80:closing']);
    // Only recently above 80: no month yet.
    const recent: SkillSample[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ skill: 'closing', score: 40, at: ago(35 - i), attemptId: i })),
      { skill: 'closing', score: 95, at: ago(1), attemptId: 9 },
    ];
    expect(badgesFor({ certified: false, practisedDays: run(12, 6), samples: recent, now: NOW })).toEqual([]);
  });
});
