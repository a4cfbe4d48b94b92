import type { CoreContext } from '../context';
import type { PeopleService } from '../people/people-service';
import { TeamFigures } from '../analytics/team-figures';
import { PlanRepository } from '../storage/plan-repository';
import { badgesFor } from './badges';
import { buildPlan } from './plan';
import { TREND_WEEKS, weeklyTrend } from './progress';
import { scheduleCards } from './schedule';
import { dayOf, startOfWeek } from './calendar';
import { streakOf } from './streak';

/** Mastery reads the last 120 days (a score that old weighs under 1% at a 14-day half-life), 300 attempts at most. */
export const MASTERY_DAYS = 120;
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

  /** The criterion scores of the rep's recent complete attempts, each with the skill it trains. */
  private samples(repId: number, now: Date, days = MASTERY_DAYS, attempts = MASTERY_ATTEMPTS) {
    const library = this.ctx.catalog.library();
    const skillOf = (criterionId: string) => library.criteria.get(criterionId)?.skill ?? 'general';
    const since = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.plans
      .criterionScores(repId, since, attempts)
      .map((s) => ({ skill: skillOf(s.criterionId), score: s.score, at: new Date(s.at), attemptId: s.attemptId }));
  }

  /**
   * Progress over weeks: each skill's mastery week by week (the chart), and the rep's personal best
   * on each scenario (a best reached this week is marked new). Asked for apart from Today, so the
   * chart's data never slows the plan down.
   */
  progress() {
    const now = this.now();
    const me = this.people.me();
    const titles = new Map(this.ctx.catalog.list().valid.map((s) => [s.id, s.title]));
    const weekStart = startOfWeek(now).getTime();
    return {
      // Twelve weeks and the lead-in their first point weighs, whatever the number of attempts.
      trend: weeklyTrend(this.samples(me.id, now, TREND_WEEKS * 7 + 60, 5000), now),
      bests: this.plans.bests(me.id).map((b) => ({
        ...b,
        title: titles.get(b.scenarioId) ?? b.scenarioId,
        isNew: Date.parse(b.at) >= weekStart,
      })),
    };
  }

  /** The rep's own weekly goal in minutes (null: back to the default). */
  setWeekGoal(minutes: number | null) {
    this.plans.setWeekGoal(this.people.me().id, minutes);
    return this.today();
  }

  /** An opt-in daily reminder at a local time ("HH:MM"), or null to turn it off. */
  setReminder(time: string | null) {
    const me = this.people.me();
    this.plans.setReminder(me.id, time);
    return { reminderTime: this.plans.choices(me.id).reminderTime };
  }

  reminderSettings() {
    return { reminderTime: this.plans.choices(this.people.me().id).reminderTime };
  }

  /**
   * Whether to show the daily reminder now: it is on, its time has come today, today's plan is not
   * done, and it has not been shown today. Answering yes records the day, so whoever asks (the app's
   * timer, or the page's under the browser bridge) shows it at most once a day.
   */
  reminderDue(): { due: false } | { due: true; title: string; body: string } {
    const now = this.now();
    const me = this.people.me();
    const { reminderTime, remindedOn } = this.plans.choices(me.id);
    const today = dayOf(now);
    if (!reminderTime || remindedOn === today) return { due: false };
    const [h, m] = reminderTime.split(':').map(Number) as [number, number];
    if (now.getHours() * 60 + now.getMinutes() < h * 60 + m) return { due: false };
    const plan = this.today();
    const left = plan.plan.filter((i) => !i.done);
    if (!left.length) return { due: false };
    this.plans.markReminded(me.id, today);
    const minutes = left.reduce((n, i) => n + i.minutes, 0);
    return {
      due: true,
      title: 'Today’s practice is ready',
      body:
        `${left.length} item${left.length === 1 ? '' : 's'}, about ${minutes} min: ${left[0]!.title} first.` +
        (plan.streak.days > 0 && !plan.streak.practisedToday ? ` Keep your ${plan.streak.days}-day streak.` : ''),
    };
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
    // Mastery from the kept figures (the same numbers the manager's dashboard shows); the badges'
    // look back over the last weeks reads the recent scores themselves.
    const skills = new TeamFigures(this.ctx).repMastery(me.id, now);
    const samples = this.samples(me.id, now);
    const practisedDays = localDays(practices.map((p) => p.finishedMs));
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
      week: {
        minutes: Math.round(weekMinutes),
        goalMinutes: this.plans.choices(me.id).weekGoalMinutes ?? DEFAULT_WEEK_GOAL,
      },
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

/**
 * The local calendar days (YYYY-MM-DD) of these instants: the streak's days. Computed here from
 * the practices already read (SQLite's 'localtime' conversion, row by row, took half of Today's time).
 */
function localDays(instants: number[]): string[] {
  // Keyed by a number, formatted once per day: thousands of instants fall on a few hundred days.
  const days = new Map<number, string>();
  for (const ms of instants) {
    const d = new Date(ms);
    const key = d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
    if (!days.has(key)) days.set(key, dayOf(d));
  }
  return [...days.values()];
}

/** What the week's goal is until the rep sets their own. */
export const DEFAULT_WEEK_GOAL = 30;

const minutesOf = (start: number, end: number) =>
  Math.min(MAX_MINUTES_PER_ATTEMPT, Math.max(0, (end - start) / 60_000));
