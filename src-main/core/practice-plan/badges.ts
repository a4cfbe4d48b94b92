import { type SkillSample, weightedMeans } from './mastery';

export interface Badge {
  id: 'first-certification' | 'streak-7' | `skill-80:${string}`;
  title: string;
  /** What it is for, in words. */
  detail: string;
}

const DAY_MS = 86_400_000;

/** The longest run of consecutive practised days (YYYY-MM-DD, any order). */
export function longestRun(days: string[]): number {
  const times = [...new Set(days)].map((d) => Date.parse(`${d}T12:00:00Z`)).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  times.forEach((t, i) => {
    run = i > 0 && Math.round((t - times[i - 1]!) / DAY_MS) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/**
 * A few badges that mean something, shown on Today and never in the way: a first certification,
 * seven days of practice in a row, and a skill held at 80 or more for a month (its mastery at 80+
 * now and at each weekly point of the last 30 days).
 */
export function badgesFor(input: {
  certified: boolean;
  practisedDays: string[];
  samples: SkillSample[];
  now: Date;
}): Badge[] {
  const badges: Badge[] = [];
  if (input.certified)
    badges.push({ id: 'first-certification', title: 'First certification', detail: 'certified on a scenario' });
  if (longestRun(input.practisedDays) >= 7)
    badges.push({ id: 'streak-7', title: '7-day streak', detail: 'practised seven days in a row' });
  const checkpoints = [0, 7, 14, 21, 30].map((d) => new Date(input.now.getTime() - d * DAY_MS));
  // Mastery as it stood at each moment: only the answers given by then.
  const held = checkpoints.map(
    (at) =>
      new Set(
        [
          ...weightedMeans(
            input.samples.filter((s) => s.at <= at),
            at,
          ),
        ]
          .filter(([, m]) => m.score >= 80)
          .map(([skill]) => skill),
      ),
  );
  for (const skill of held[0]!) {
    if (held.every((h) => h.has(skill)))
      badges.push({
        id: `skill-80:${skill}`,
        title: `${skill} at 80+`,
        detail: `held ${skill} at 80 or more for a month`,
      });
  }
  return badges;
}
