import type { CoreContext } from '../context';
import type { Scenario } from '../domain';
import { type SkillMastery, type SkillTotals, masteryDays, meanOf, skillTotals } from '../practice-plan/mastery';
import type { RubricLibrary } from '../scoring/rubric-library';
import { AnalyticsRepository } from '../storage/analytics-repository';

/** A skill's weighted sums at a moment and the criteria they come from. */
export interface SkillSums {
  a: number;
  b: number;
  n: number;
  criteria: string[];
}

/** Items by a key, in their order (Map.groupBy is newer than the Node this supports). */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/**
 * What the alerts and the dashboard both read of a team: the catalog once, and each rep's
 * skill totals from the kept figures (storage/analytics-repository.ts) rather than every score.
 */
export class TeamFigures {
  readonly figures: AnalyticsRepository;
  readonly scenarios: Map<string, Scenario>;
  readonly library: RubricLibrary;

  constructor(ctx: Pick<CoreContext, 'db' | 'catalog'>) {
    this.figures = new AnalyticsRepository(ctx.db);
    this.scenarios = new Map(ctx.catalog.list().valid.map((s) => [s.id, s]));
    this.library = ctx.catalog.library();
  }

  skillOf = (criterionId: string) => this.library.criteria.get(criterionId)?.skill ?? 'general';

  titleOf = (scenarioId: string) => this.scenarios.get(scenarioId)?.title ?? scenarioId;

  /**
   * Each rep's (or one rep's) weighted sums per skill at a moment (mastery = a / b, from n answers),
   * with the criteria that trained it there (a skill's attempts are theirs).
   */
  masteryBySkill(at: Date, repId?: number): Map<number, Map<string, SkillSums>> {
    const { fromDay, toDay } = masteryDays(at);
    const out = new Map<number, Map<string, SkillSums>>();
    for (const s of this.figures.sums(fromDay, toDay, repId)) {
      const skill = this.skillOf(s.criterionId);
      const rep = out.get(s.repId) ?? new Map<string, SkillSums>();
      const c = rep.get(skill) ?? { a: 0, b: 0, n: 0, criteria: [] };
      c.a += s.a;
      c.b += s.b;
      c.n += s.n;
      c.criteria.push(s.criterionId);
      rep.set(skill, c);
      out.set(s.repId, rep);
    }
    return out;
  }

  /**
   * One rep's mastery per skill at a moment, weakest first, with the attempts behind each (newest
   * first): what Today shows, from the same figures as the manager's dashboard.
   */
  repMastery(repId: number, at: Date): SkillMastery[] {
    const { fromDay, toDay } = masteryDays(at);
    return [...(this.masteryBySkill(at, repId).get(repId) ?? [])]
      .map(([skill, c]) => {
        const facts = this.figures.factsFor(repId, c.criteria, fromDay, toDay, 100);
        return {
          skill,
          score: meanOf(c)!,
          samples: c.n,
          lastAt: new Date(facts[0]?.atMs ?? at.getTime()),
          attemptIds: [...new Set(facts.map((f) => f.attemptId))],
        };
      })
      .sort((a, b) => a.score - b.score || a.skill.localeCompare(b.skill));
  }

  /**
   * Each rep's skills over the mastery window ending at `at`, with each skill's newest `keep`
   * attempts (a skill's newest K attempts are among the newest K of each of its criteria).
   */
  skillTotals(at: Date, keep: number): Map<number, SkillTotals[]> {
    const { fromDay, toDay } = masteryDays(at);
    const sums = this.figures.sums(fromDay, toDay);
    const facts = keep > 0 ? this.figures.recentFacts(fromDay, toDay, keep) : [];
    const byRep = new Map<number, { sums: typeof sums; facts: typeof facts }>();
    const of = (repId: number) => {
      const r = byRep.get(repId) ?? { sums: [], facts: [] };
      byRep.set(repId, r);
      return r;
    };
    for (const s of sums) of(s.repId).sums.push(s);
    for (const f of facts) of(f.repId).facts.push(f);
    return new Map(
      [...byRep].map(([repId, r]) => [
        repId,
        skillTotals(
          r.sums.map((s) => ({ ...s, skill: this.skillOf(s.criterionId) })),
          r.facts.map((f) => ({ ...f, skill: this.skillOf(f.criterionId) })),
          keep,
        ),
      ]),
    );
  }
}
