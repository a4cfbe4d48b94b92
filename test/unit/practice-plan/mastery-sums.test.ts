/**
 * The weighted sums the team figures keep (growth weights) give the same mastery as weighing
 * every score at the moment it is asked for, and "before the last N attempts" is the sums less theirs.
 */
import { describe, expect, it } from 'vitest';
import { type SkillSample, meanOf, skillTotalsOf, weightedMeans } from '../../../src-main/core/practice-plan/mastery';

const NOW = new Date('2026-11-24T12:00:00Z');
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000);

/** A rep's uneven history: two skills, several answers per attempt, scores that wander. */
function history(): SkillSample[] {
  const out: SkillSample[] = [];
  for (let i = 0; i < 60; i++) {
    const when = at(119 - i * 2 - (i % 3) * 0.37);
    out.push({ skill: 'questioning', score: (i * 37) % 101, at: when, attemptId: i + 1 });
    out.push({ skill: 'questioning', score: (i * 11 + 5) % 101, at: when, attemptId: i + 1 });
    if (i % 4 === 0) out.push({ skill: 'closing', score: 100 - ((i * 7) % 60), at: when, attemptId: i + 1 });
  }
  return out;
}

describe('mastery from kept sums', () => {
  it('equals the weighted mean at any later moment', () => {
    const samples = history();
    const totals = skillTotalsOf(samples);
    for (const moment of [NOW, new Date(NOW.getTime() + 30 * 86_400_000)]) {
      const direct = weightedMeans(samples, moment);
      for (const t of totals) expect(meanOf(t), t.skill).toBe(direct.get(t.skill)!.score);
    }
  });

  it('less the last attempts, equals the mean of the attempts before them', () => {
    const samples = history();
    const q = skillTotalsOf(samples).find((t) => t.skill === 'questioning')!;
    expect(q.attempts).toBe(60);
    const last = q.recent.slice(0, 3);
    expect(last.map((r) => r.attemptId)).toEqual([60, 59, 58]);
    const before = samples.filter((s) => s.skill === 'questioning' && s.attemptId < 58);
    const then = weightedMeans(before, last[2]!.at).get('questioning')!.score;
    const sums = { a: q.a - last.reduce((s, r) => s + r.a, 0), b: q.b - last.reduce((s, r) => s + r.b, 0) };
    expect(meanOf(sums)).toBe(then);
  });

  it('has no mean without samples', () => {
    expect(meanOf({ a: 0, b: 0 })).toBeNull();
  });
});
