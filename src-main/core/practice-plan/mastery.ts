/** One criterion score of one answer, with the skill it trains and when it was given. */
export interface SkillSample {
  skill: string;
  score: number;
  at: Date;
  attemptId: number;
}

export interface SkillMastery {
  skill: string;
  /** 0-100, recent answers weighing more. */
  score: number;
  samples: number;
  lastAt: Date;
  /** The attempts that made it, newest first (a click away on the Progress page). */
  attemptIds: number[];
}

/** A score a fortnight old counts half as much as today's. */
export const HALF_LIFE_DAYS = 14;

/**
 * Each skill's recency-weighted mean score at a moment: a score `halfLifeDays` older than `at`
 * counts half (a sample dated after `at` counts in full). Mastery now, and at past moments for
 * the badges, both come from here.
 */
export function weightedMeans(
  samples: SkillSample[],
  at: Date,
  halfLifeDays = HALF_LIFE_DAYS,
): Map<string, { score: number; samples: number; lastAt: Date }> {
  const by = new Map<string, { w: number; sum: number; n: number; lastAt: Date }>();
  for (const s of samples) {
    const ageDays = Math.max(0, (at.getTime() - s.at.getTime()) / 86_400_000);
    const w = Math.pow(0.5, ageDays / halfLifeDays);
    const m = by.get(s.skill) ?? { w: 0, sum: 0, n: 0, lastAt: s.at };
    m.w += w;
    m.sum += w * s.score;
    m.n++;
    if (s.at > m.lastAt) m.lastAt = s.at;
    by.set(s.skill, m);
  }
  return new Map(
    [...by].map(([skill, m]) => [skill, { score: Math.round(m.sum / m.w), samples: m.n, lastAt: m.lastAt }]),
  );
}

/** Mastery per skill: the recency-weighted mean of the criterion scores that trained it, and the attempts behind it. */
export function masteryBySkill(samples: SkillSample[], now: Date, halfLifeDays = HALF_LIFE_DAYS): SkillMastery[] {
  const attempts = new Map<string, Map<number, number>>();
  for (const s of samples) {
    const bySkill = attempts.get(s.skill) ?? new Map<number, number>();
    bySkill.set(s.attemptId, Math.max(bySkill.get(s.attemptId) ?? 0, s.at.getTime()));
    attempts.set(s.skill, bySkill);
  }
  return [...weightedMeans(samples, now, halfLifeDays)]
    .map(([skill, m]) => ({
      skill,
      ...m,
      attemptIds: [...attempts.get(skill)!].sort((a, b) => b[1] - a[1]).map(([id]) => id),
    }))
    .sort((a, b) => a.score - b.score || a.skill.localeCompare(b.skill));
}
