import { dayOf, startOfWeek } from './calendar';
import { type SkillSample, weightedMeans } from './mastery';

/** How many weeks the trend shows: a quarter, enough to see a skill fade and come back. */
export const TREND_WEEKS = 12;

export interface SkillTrend {
  /** The Monday each point stands for (local date, YYYY-MM-DD), oldest first; the last is this week. */
  weeks: string[];
  /** Each skill's mastery at the end of each week (this week: now); null before its first sample. */
  skills: { skill: string; points: (number | null)[] }[];
}

/**
 * Each skill's mastery week by week: the same recency-weighted mean as Today's mastery, taken at
 * the end of each past week (from the samples given by then) and now for this week. Computed, not
 * stored: a score changed by a manager's override changes the past weeks too, as it should.
 */
export function weeklyTrend(samples: SkillSample[], now: Date, weeks = TREND_WEEKS): SkillTrend {
  const monday = startOfWeek(now);
  const starts = Array.from(
    { length: weeks },
    (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * (weeks - 1 - i)),
  );
  const sorted = [...samples].sort((a, b) => a.at.getTime() - b.at.getTime());
  const skills = [...new Set(sorted.map((s) => s.skill))].sort();
  const points = new Map(skills.map((s) => [s, [] as (number | null)[]]));
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1]! : now;
    // This week is everything so far (an answer stamped a moment after "now" included).
    const upTo = i + 1 < starts.length ? sorted.filter((s) => s.at.getTime() <= end.getTime()) : sorted;
    const means = weightedMeans(upTo, end);
    for (const skill of skills) points.get(skill)!.push(means.get(skill)?.score ?? null);
  }
  return {
    weeks: starts.map(dayOf),
    skills: skills.map((skill) => ({ skill, points: points.get(skill)! })),
  };
}
