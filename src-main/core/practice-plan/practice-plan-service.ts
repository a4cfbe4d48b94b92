import type { CoreContext } from '../context';
import type { PeopleService } from '../people/people-service';
import { PlanRepository } from '../storage/plan-repository';
import { badgesFor } from './badges';
import { masteryBySkill } from './mastery';
import { buildPlan } from './plan';
import { scheduleCards } from './schedule';
import { dayOf, streakOf } from './streak';

/** Mastery reads the last 120 days (a score that old weighs under 1% at a 14-day half-life), 300 attempts at most. */
const MASTERY_DAYS = 120;
const MASTERY_ATTEMPTS = 300;
/** A left attempt counts its time, but an attempt left open overnight does not count a night. */
const MAX_MINUTES_PER_ATTEMPT = 30;

/**
 * The rep coming back tomorrow: what to practise today (a short plan on a forgetting-curve
 * schedule), how each skill is held, the streak and the week's minutes. Computed from the stored
 * attempts each time (nothing to keep in step); see the README for how the schedule works.
 */
export class PracticePlanService {
  private readonly plans: PlanRepository;

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'catalog'>,
    private readonly people: PeopleService,
    private readonly now: () => Date,
  ) {
    this.plans = new PlanRepository(ctx.db);
  }

  today(options: { minutes?: number } = {}) {
    const now = this.now();
    const me = this.people.me();
    const budgetMinutes = Math.min(30, Math.max(3, options.minutes ?? 7));
    const practices = this.plans.practices(me.id);
    const complete = practices.filter((p) => p.status === 'complete' && p.overall !== null);
    const cards = scheduleCards(
      complete.map((p) => ({ scenarioId: p.scenarioId, at: new Date(p.finishedMs), score: p.overall! })),
    );
    const library = this.ctx.catalog.library();
    const skillOf = (criterionId: string) => library.criteria.get(criterionId)?.skill ?? 'general';
    const since = new Date(now.getTime() - MASTERY_DAYS * 86_400_000).toISOString();
    const samples = this.plans
      .criterionScores(me.id, since, MASTERY_ATTEMPTS)
      .map((s) => ({ skill: skillOf(s.criterionId), score: s.score, at: new Date(s.at), attemptId: s.attemptId }));
    const skills = masteryBySkill(samples, now);
    const practisedDays = this.plans.practisedDays(me.id);
    const today = dayOf(now);
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    const doneToday = new Set(complete.filter((p) => p.finishedMs >= midnight).map((p) => p.scenarioId));
    const scenarios = this.ctx.catalog.list().valid.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      minutes: s.minutes,
      skills: s.skills,
    }));
    const certified = this.plans.certifications(me.id);
    const expiring = certified.flatMap((c) =>
      c.validUntil ? [{ scenarioId: c.scenarioId, validUntil: new Date(c.validUntil) }] : [],
    );
    const plan = buildPlan({
      certifications: expiring,
      scenarios,
      cards,
      mastery: skills,
      // "Just practised" is today's last practice: yesterday's is fine to open with again.
      lastScenarioId: (practices.at(-1)?.finishedMs ?? 0) >= midnight ? practices.at(-1)!.scenarioId : null,
      doneToday,
      budgetMinutes,
      now,
    });
    const weekStart = startOfWeek(now).getTime();
    const weekMinutes = practices
      .filter((p) => p.startedMs >= weekStart)
      .reduce((sum, p) => sum + minutesOf(p.startedMs, p.finishedMs), 0);
    return {
      date: today,
      budgetMinutes,
      plannedMinutes: plan.reduce((m, i) => m + i.minutes, 0),
      plan,
      streak: streakOf(practisedDays, today),
      badges: badgesFor({ certified: certified.length > 0, practisedDays, samples, now }),
      week: { minutes: Math.round(weekMinutes), goalMinutes: 30 },
      /** What the rep is certified on, and until when (null: for good). */
      certifications: certified.map((c) => ({
        scenarioId: c.scenarioId,
        title: scenarios.find((s) => s.id === c.scenarioId)?.title ?? c.scenarioId,
        validUntil: c.validUntil,
        expired: c.validUntil !== null && Date.parse(c.validUntil) <= now.getTime(),
      })),
      skills: skills.map((s) => ({ ...s, lastAt: s.lastAt.toISOString(), attemptIds: s.attemptIds.slice(0, 20) })),
    };
  }
}

const minutesOf = (start: number, end: number) =>
  Math.min(MAX_MINUTES_PER_ATTEMPT, Math.max(0, (end - start) / 60_000));

function startOfWeek(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
}
