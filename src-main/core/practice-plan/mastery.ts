import { addDays, dayOf, startOfWeek } from './calendar';

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
 * Mastery reads the week of the moment and the 17 before it (about 120 days: a score that old
 * weighs under 1%). Whole weeks, so the figures kept per week answer it (storage migration 16).
 */
export const MASTERY_WEEKS = 18;

/** The local days a mastery "at" a moment reads: from a Monday to the moment's day. */
export function masteryDays(at: Date): { fromDay: string; toDay: string } {
  return { fromDay: addDays(dayOf(startOfWeek(at)), -7 * (MASTERY_WEEKS - 1)), toDay: dayOf(at) };
}

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

/**
 * Weights that double every half-life from a fixed day. A sample's weight "now" is
 * 0.5^(age / half-life) = growthWeight(sample) / growthWeight(now): the factor of now cancels
 * in a weighted mean, so the mean at any moment after the samples is Σ growthWeight·score /
 * Σ growthWeight, and those sums can be kept as attempts arrive (storage migration 16) instead
 * of re-weighing every score each time.
 */
export const GROWTH_EPOCH_MS = Date.UTC(2024, 0, 1);
/** Past it (about 2054, or a clock gone wrong), every weight is the same rather than infinite. */
export const MAX_GROWTH_EXPONENT = 800;
export const growthWeight = (atMs: number, halfLifeDays = HALF_LIFE_DAYS) =>
  2 ** Math.min(MAX_GROWTH_EXPONENT, (atMs - GROWTH_EPOCH_MS) / (halfLifeDays * 86_400_000));

/** The weighted sums of one attempt (or any group of answers): mean = a / b. */
export interface WeightedSums {
  a: number;
  b: number;
}

/** A skill's weighted sums over a window, and its most recent attempts each with their own sums. */
export interface SkillTotals extends WeightedSums {
  skill: string;
  /** How many attempts trained it (at least as many as are in `recent`). */
  attempts: number;
  /** Newest first. */
  recent: (WeightedSums & { attemptId: number; at: Date })[];
}

export const meanOf = ({ a, b }: WeightedSums) => (b > 0 ? Math.round(a / b) : null);

/**
 * Per skill: the window's sums, and the newest `keep` attempts among the facts given (per
 * criterion facts of the same attempt are added up).
 */
export function skillTotals(
  sums: (WeightedSums & { skill: string })[],
  facts: (WeightedSums & { skill: string; attemptId: number; atMs: number })[],
  keep: number,
): SkillTotals[] {
  const bySkill = new Map<string, SkillTotals>();
  const totals = (skill: string) => {
    const t = bySkill.get(skill) ?? { skill, a: 0, b: 0, attempts: 0, recent: [] };
    bySkill.set(skill, t);
    return t;
  };
  for (const s of sums) {
    const t = totals(s.skill);
    t.a += s.a;
    t.b += s.b;
  }
  const attempts = new Map<string, Map<number, WeightedSums & { attemptId: number; at: Date }>>();
  for (const f of facts) {
    const of = attempts.get(f.skill) ?? new Map();
    attempts.set(f.skill, of);
    const r = of.get(f.attemptId) ?? { attemptId: f.attemptId, at: new Date(f.atMs), a: 0, b: 0 };
    r.a += f.a;
    r.b += f.b;
    of.set(f.attemptId, r);
  }
  for (const [skill, of] of attempts) {
    const t = totals(skill);
    const newest = [...of.values()].sort((x, y) => y.at.getTime() - x.at.getTime() || y.attemptId - x.attemptId);
    t.attempts = newest.length;
    t.recent = newest.slice(0, keep);
  }
  return [...bySkill.values()];
}

/** The same totals from individual samples (each answer's criterion score). */
export function skillTotalsOf(samples: SkillSample[], keep = Infinity): SkillTotals[] {
  const weighted = samples.map((s) => {
    const w = growthWeight(s.at.getTime());
    return { skill: s.skill, attemptId: s.attemptId, atMs: s.at.getTime(), a: w * s.score, b: w };
  });
  return skillTotals(weighted, weighted, keep);
}
