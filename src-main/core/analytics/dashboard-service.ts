import type { CoreContext } from '../context';
import { SparringError } from '../errors';
import type { PeopleService } from '../people/people-service';
import { addDays, dateOf, dayNumber, dayOf, endOfDay, startOfWeek } from '../practice-plan/calendar';
import { MASTERY_WEEKS, masteryDays, meanOf } from '../practice-plan/mastery';
import { DEFAULT_WEEK_GOAL } from '../practice-plan/practice-plan-service';
import { streakOf } from '../practice-plan/streak';
import { readSettings, writeSettings } from '../settings';
import { AlertsRepository } from '../storage/alerts-repository';
import { PlanRepository } from '../storage/plan-repository';
import { readAlertSettings } from './alert-settings';
import { dashboardCsv, scorecardCsv } from './dashboard-csv';
import type { AssignmentsService } from './assignments-service';
import { TeamFigures, groupBy } from './team-figures';
import { meanOfPresent, weeklyMastery, weeksBetween } from './team-trends';

export interface DashboardQuery {
  /** Local days, inclusive (default: the last twelve weeks to today). */
  from?: string;
  to?: string;
  /** Only these reps (default: every rep this manager sees). */
  repIds?: number[];
}

export type CertificationStatus = 'certified' | 'expiring' | 'expired' | 'not-yet';

export interface RepCertification {
  scenarioId: string;
  title: string;
  status: CertificationStatus;
  validUntil: string | null;
  /** The attempt that decided it: the last pass, or the last try when never passed. */
  attemptId: number;
}

export interface DashboardRep {
  id: number;
  name: string;
  /** Mastery per skill at the end of the range (null: not practised in the mastery window). */
  mastery: Record<string, { score: number; answers: number } | null>;
  minutes: number;
  minutesPerWeek: number;
  attempts: number;
  streak: number;
  lastPractised: string | null;
  /** Weeks of the range in which the rep reached their weekly goal. */
  goal: { minutesPerWeek: number; weeksMet: number; weeks: number };
  assignments: { done: number; overdue: number; open: number };
  certifications: RepCertification[];
}

export interface LeaderboardEntry {
  repId: number;
  rep: string;
  rank: number;
  /** Minutes practised in the last seven days of the range. */
  minutes: number;
  /** Mean change of the rep's skills' mastery over those seven days (null: nothing to compare). */
  improvement: number | null;
}

export interface TeamDashboard {
  from: string;
  to: string;
  /** Every rep this manager sees (for the team filter), and those shown. */
  team: { id: number; name: string }[];
  reps: DashboardRep[];
  skills: string[];
  /** Each skill's team mastery (mean over the reps shown) at the end of each week of the range. */
  trends: { weeks: string[]; skills: { skill: string; points: (number | null)[] }[] };
  /** Off unless the team turned it on (Settings of the dashboard). */
  leaderboard: { enabled: boolean; entries: LeaderboardEntry[]; from: string; to: string };
}

const DEFAULT_RANGE_DAYS = 83;
const MAX_RANGE_DAYS = 731;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The manager's team dashboard: a rep × skill heatmap of mastery, the team's trend per skill,
 * engagement and certifications per rep, an optional leaderboard, and each cell's attempts. Read
 * from the kept figures (storage migration 16), so a team of 50 with 100,000 attempts opens fast.
 */
export class DashboardService {
  private readonly alerts: AlertsRepository;
  private readonly plans: PlanRepository;

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'catalog' | 'dataDir'>,
    private readonly people: PeopleService,
    private readonly assignments: AssignmentsService,
    private readonly now: () => Date,
  ) {
    this.alerts = new AlertsRepository(ctx.db);
    this.plans = new PlanRepository(ctx.db);
  }

  team(query: DashboardQuery = {}): TeamDashboard {
    const me = this.manager();
    const now = this.now();
    const today = dayOf(now);
    const { from, to } = this.range(query, today);
    const everyone = this.alerts.reps(me.id);
    const chosen = query.repIds?.length ? new Set(query.repIds) : null;
    const reps = everyone.filter((r) => !chosen || chosen.has(r.id));
    const team = new TeamFigures(this.ctx);
    // Mastery "at the end of the range": now when the range reaches today.
    const end = to === today ? now : endOfDay(to);
    const cells = team.masteryBySkill(end);
    const shown = new Set(reps.map((r) => r.id));
    const skills = [...new Set([...cells].filter(([id]) => shown.has(id)).flatMap(([, m]) => [...m.keys()]))].sort();

    const days = groupBy(team.figures.practiceDays(from), (d) => d.repId);
    const practised = team.figures.practisedDays();
    const weeks = weeksBetween(from, to);
    // Goal weeks: the weeks wholly inside the range and over, and this week once its goal is met.
    const goalWeeks = (met: (week: string) => boolean) =>
      weeks.filter((w) => w >= from && (addDays(w, 6) <= to && addDays(w, 6) < today ? true : w <= today && met(w)));
    const rangeDays = dayNumber(to) - dayNumber(from) + 1;
    // Done within the range; overdue and open as they stand now (as the alerts see them).
    const given = groupBy(
      this.assignments
        .given()
        .filter((a) => a.status !== 'cancelled' && (a.status !== 'done' || (a.doneAt && inRange(a.doneAt)))),
      (a) => a.repId,
    );
    function inRange(iso: string) {
      const day = dayOf(new Date(iso));
      return day >= from && day <= to;
    }
    const certifications = this.certifications(team, now);

    const rows: DashboardRep[] = reps.map((rep) => {
      const inRangeDays = (days.get(rep.id) ?? []).filter((d) => d.day <= to);
      const repDays = practised.get(rep.id) ?? [];
      const minutes = inRangeDays.reduce((s, d) => s + d.minutes, 0);
      const perWeek = new Map<string, number>();
      for (const d of inRangeDays) {
        const week = dayOf(startOfWeek(dateOf(d.day)));
        perWeek.set(week, (perWeek.get(week) ?? 0) + d.minutes);
      }
      const goal = this.plans.choices(rep.id).weekGoalMinutes ?? DEFAULT_WEEK_GOAL;
      const counted = goalWeeks((w) => (perWeek.get(w) ?? 0) >= goal);
      const mine = given.get(rep.id) ?? [];
      return {
        id: rep.id,
        name: rep.name,
        mastery: Object.fromEntries(
          skills.map((skill) => {
            const c = cells.get(rep.id)?.get(skill);
            return [skill, c ? { score: meanOf(c)!, answers: c.n } : null];
          }),
        ),
        minutes: Math.round(minutes),
        minutesPerWeek: Math.round((minutes * 7) / rangeDays),
        attempts: inRangeDays.reduce((s, d) => s + d.attempts, 0),
        streak: streakOf(repDays, today).days,
        lastPractised: repDays[0] ?? null,
        goal: {
          minutesPerWeek: goal,
          weeksMet: counted.filter((w) => (perWeek.get(w) ?? 0) >= goal).length,
          weeks: counted.length,
        },
        assignments: {
          done: mine.filter((a) => a.status === 'done').length,
          overdue: mine.filter((a) => a.status === 'overdue').length,
          open: mine.filter((a) => a.status === 'open').length,
        },
        certifications: certifications.get(rep.id) ?? [],
      };
    });

    return {
      from,
      to,
      team: everyone,
      reps: rows,
      skills,
      trends: this.trends(team, reps, skills, weeks, cells),
      leaderboard: this.leaderboard(team, reps, to, end),
    };
  }

  /** The attempts behind a heatmap cell: the rep's attempts that trained the skill in the mastery window. */
  cell(input: { repId: number; skill: string; to?: string }) {
    const me = this.manager();
    const rep = this.alerts.reps(me.id).find((r) => r.id === input.repId);
    if (!rep) throw new SparringError('not_your_rep', `Rep ${input.repId} is not one of ${me.name}'s reps.`);
    const now = this.now();
    const to = input.to && DAY.test(input.to) && input.to < dayOf(now) ? input.to : null;
    const at = to ? endOfDay(to) : now;
    const { fromDay, toDay } = masteryDays(at);
    const team = new TeamFigures(this.ctx);
    const criteria = team.masteryBySkill(at, rep.id).get(rep.id)?.get(input.skill)?.criteria ?? [];
    const facts = team.figures.factsFor(rep.id, criteria, fromDay, toDay, 500);
    const byAttempt = new Map<number, { total: number; n: number; atMs: number }>();
    for (const f of facts) {
      const x = byAttempt.get(f.attemptId) ?? { total: 0, n: 0, atMs: f.atMs };
      x.total += f.total;
      x.n += f.n;
      byAttempt.set(f.attemptId, x);
    }
    const scenarios = team.figures.scenariosOf([...byAttempt.keys()]);
    return {
      rep: rep.name,
      skill: input.skill,
      from: fromDay,
      to: toDay,
      attempts: [...byAttempt].slice(0, 100).map(([attemptId, x]) => ({
        attemptId,
        title: team.titleOf(scenarios.get(attemptId) ?? ''),
        at: new Date(x.atMs).toISOString(),
        score: Math.round(x.total / x.n),
        answers: x.n,
      })),
    };
  }

  /** The dashboard as a CSV file (one row per rep shown). */
  csv(query: DashboardQuery = {}): { fileName: string; csv: string; rows: number } {
    const board = this.team(query);
    return {
      fileName: `sparring-team-${board.from}-to-${board.to}.csv`,
      csv: dashboardCsv(board),
      rows: board.reps.length,
    };
  }

  /**
   * One rep's scorecard over the range: each skill's mastery at its end, the change since its
   * start, and the team's mean beside it; with the rep's engagement and certifications.
   */
  scorecard(query: DashboardQuery & { repId: number }) {
    const board = this.team({ from: query.from, to: query.to });
    const rep = board.reps.find((r) => r.id === query.repId);
    if (!rep) throw new SparringError('not_your_rep', `Rep ${query.repId} is not one of your reps.`);
    const team = new TeamFigures(this.ctx);
    const before = team.masteryBySkill(endOfDay(addDays(board.from, -1)), rep.id).get(rep.id) ?? new Map();
    const changes = new Map(
      board.skills.map((skill) => {
        const then = before.has(skill) ? meanOf(before.get(skill)!) : null;
        const now = rep.mastery[skill]?.score ?? null;
        return [skill, then === null || now === null ? null : now - then] as const;
      }),
    );
    const card = { from: board.from, to: board.to, rep };
    const skills = board.skills.map((skill) => ({
      skill,
      score: rep.mastery[skill]?.score ?? null,
      answers: rep.mastery[skill]?.answers ?? 0,
      teamMean: meanOfPresent(board.reps.map((r) => r.mastery[skill]?.score)),
      change: changes.get(skill) ?? null,
    }));
    return {
      ...card,
      skills,
      csv: scorecardCsv(card, skills),
      fileName: `sparring-scorecard-${rep.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${board.from}-to-${board.to}.csv`,
    };
  }

  /** Turns the leaderboard on or off for this team (off by default). */
  setLeaderboard(enabled: boolean) {
    this.manager();
    writeSettings(this.ctx.dataDir, { ...readSettings(this.ctx.dataDir), leaderboard: enabled });
    return { enabled };
  }

  private range(query: DashboardQuery, today: string): { from: string; to: string } {
    for (const [name, v] of [
      ['from', query.from],
      ['to', query.to],
    ] as const)
      if (v !== undefined && !(DAY.test(v) && dayOf(dateOf(v)) === v))
        throw new SparringError('bad_date', `The "${name}" date "${v}" is not a day (YYYY-MM-DD).`);
    // A range reaching past today ends today: the weeks ahead have nothing to show yet.
    const to = query.to && query.to < today ? query.to : today;
    const from = query.from ?? addDays(to, -DEFAULT_RANGE_DAYS);
    if (from > to) throw new SparringError('bad_range', `The range starts (${from}) after it ends (${to}).`);
    if (from < addDays(to, -MAX_RANGE_DAYS))
      throw new SparringError('range_too_long', `Choose at most two years (${from} to ${to} is longer).`);
    return { from, to };
  }

  private trends(
    team: TeamFigures,
    reps: { id: number }[],
    skills: string[],
    weeks: string[],
    atEnd: Map<number, Map<string, { a: number; b: number }>>,
  ): TeamDashboard['trends'] {
    const shown = new Set(reps.map((r) => r.id));
    // Each week's point is its end: the sums of that week and the weeks of the mastery window
    // before it. The last point is the range's end, the heatmap's own figures.
    const lead = MASTERY_WEEKS - 1;
    const first = addDays(weeks[0]!, -7 * lead);
    const sums = team.figures
      .weeklySums(first, weeks.at(-1)!)
      .filter((s) => shown.has(s.repId))
      .map((s) => ({
        key: `${s.repId}\t${team.skillOf(s.criterionId)}`,
        week: (dayNumber(s.week) - dayNumber(first)) / 7,
        a: s.a,
        b: s.b,
      }));
    const byKey = weeklyMastery(sums, lead, weeks.length, MASTERY_WEEKS);
    const last = weeks.length - 1;
    return {
      weeks,
      skills: skills.map((skill) => ({
        skill,
        points: weeks.map((_, i) =>
          meanOfPresent(
            reps.map((r) => {
              if (i < last) return byKey.get(`${r.id}\t${skill}`)?.[i];
              const c = atEnd.get(r.id)?.get(skill);
              return c ? meanOf(c) : null;
            }),
          ),
        ),
      })),
    };
  }

  private leaderboard(
    team: TeamFigures,
    reps: { id: number; name: string }[],
    to: string,
    end: Date,
  ): TeamDashboard['leaderboard'] {
    const enabled = readSettings(this.ctx.dataDir).leaderboard;
    const from = addDays(to, -6);
    if (!enabled) return { enabled, entries: [], from, to };
    const minutes = new Map<number, number>();
    for (const d of team.figures.practiceDays(from))
      if (d.day <= to) minutes.set(d.repId, (minutes.get(d.repId) ?? 0) + d.minutes);
    const nowM = team.masteryBySkill(end);
    const thenM = team.masteryBySkill(new Date(end.getTime() - 7 * 86_400_000));
    const entries = reps
      .map((rep) => {
        const then = thenM.get(rep.id);
        const changes = [...(nowM.get(rep.id) ?? [])]
          .filter(([skill]) => then?.has(skill))
          .map(([skill, m]) => meanOf(m)! - meanOf(then!.get(skill)!)!);
        return {
          repId: rep.id,
          rep: rep.name,
          rank: 0,
          minutes: Math.round(minutes.get(rep.id) ?? 0),
          improvement: meanOfPresent(changes),
        };
      })
      .sort((x, y) => y.minutes - x.minutes || (y.improvement ?? -999) - (x.improvement ?? -999));
    entries.forEach((e, i) => (e.rank = i > 0 && e.minutes === entries[i - 1]!.minutes ? entries[i - 1]!.rank : i + 1));
    return { enabled, entries, from, to };
  }

  /** Each rep's certifications: certified (and until when), expiring soon, expired, or not passed yet. */
  private certifications(team: TeamFigures, now: Date): Map<number, RepCertification[]> {
    const expiringDays = readAlertSettings(this.ctx.dataDir).thresholds.certification.expiringDays;
    const out = new Map<number, RepCertification[]>();
    for (const [repId, tries] of groupBy(team.figures.certificationAttempts(), (c) => c.repId)) {
      out.set(
        repId,
        [...groupBy(tries, (t) => t.scenarioId)].map(([scenarioId, list]) => {
          const passes = list.filter((t) => t.outcome === 'certified');
          // The pass that lasts longest decides (one that never expires beats any date).
          const best = passes.sort((x, y) => (y.validUntil ?? '9999').localeCompare(x.validUntil ?? '9999'))[0];
          const left = best?.validUntil ? (Date.parse(best.validUntil) - now.getTime()) / 86_400_000 : Infinity;
          return {
            scenarioId,
            title: team.titleOf(scenarioId),
            status: !best ? 'not-yet' : left <= 0 ? 'expired' : left <= expiringDays ? 'expiring' : 'certified',
            validUntil: best?.validUntil ?? null,
            attemptId: (best ?? list.at(-1)!).attemptId,
          };
        }),
      );
    }
    return out;
  }

  private manager() {
    return this.people.manager('The team dashboard');
  }
}
