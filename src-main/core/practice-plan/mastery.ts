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

/** Mastery per skill: the recency-weighted mean of the criterion scores that trained it. */
export function masteryBySkill(samples: SkillSample[], now: Date, halfLifeDays = HALF_LIFE_DAYS): SkillMastery[] {
  const by = new Map<string, { w: number; sum: number; n: number; lastAt: Date; attempts: Map<number, number> }>();
  for (const s of samples) {
    const ageDays = Math.max(0, (now.getTime() - s.at.getTime()) / 86_400_000);
    const w = Math.pow(0.5, ageDays / halfLifeDays);
    const m = by.get(s.skill) ?? { w: 0, sum: 0, n: 0, lastAt: s.at, attempts: new Map() };
    m.w += w;
    m.sum += w * s.score;
    m.n++;
    if (s.at > m.lastAt) m.lastAt = s.at;
    m.attempts.set(s.attemptId, Math.max(m.attempts.get(s.attemptId) ?? 0, s.at.getTime()));
    by.set(s.skill, m);
  }
  return [...by]
    .map(([skill, m]) => ({
      skill,
      score: Math.round(m.sum / m.w),
      samples: m.n,
      lastAt: m.lastAt,
      attemptIds: [...m.attempts].sort((a, b) => b[1] - a[1]).map(([id]) => id),
    }))
    .sort((a, b) => a.score - b.score || a.skill.localeCompare(b.skill));
}
