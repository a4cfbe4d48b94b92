import type { CoreContext } from '../context';
import type { ScenarioProblem } from '../domain';
import type { PeopleService } from '../people/people-service';
import type { SkillTotals } from '../practice-plan/mastery';
import type { CertificationAttempt } from '../storage/analytics-repository';
import { summarizeRoleplay } from '../scoring/roleplay-summary';
import { AlertsRepository } from '../storage/alerts-repository';
import { AssignmentsRepository } from '../storage/assignments-repository';
import { type CoachingAlert, type HistoryAttempt, type RepHistory, alertsFor } from './alert-rules';
import { readAlertSettings } from './alert-settings';
import { TeamFigures, groupBy } from './team-figures';

export interface InboxAlert extends Omit<CoachingAlert, 'at'> {
  at: string;
  /** new: to look at; snoozed: hidden until `until`; done: dealt with (shown only when asked). */
  state: 'new' | 'snoozed' | 'done';
  until: string | null;
}

/**
 * The manager's coaching alerts inbox: the rules (alert-rules.ts) run over each rep's history as
 * this computer holds it, with the thresholds from the manager's file, and the manager's decisions
 * (done, snoozed) kept by alert id. Computed each time it is opened: nothing to keep in step.
 */
export class AlertsService {
  private readonly alerts: AlertsRepository;
  private readonly assignments: AssignmentsRepository;

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'catalog' | 'dataDir' | 'records'>,
    private readonly people: PeopleService,
    private readonly now: () => Date,
  ) {
    this.alerts = new AlertsRepository(ctx.db);
    this.assignments = new AssignmentsRepository(ctx.db);
  }

  inbox(options: { includeDone?: boolean } = {}): {
    alerts: InboxAlert[];
    settingsFile: string;
    problems: ScenarioProblem[];
  } {
    const now = this.now();
    const me = this.manager();
    const { thresholds, file, problems } = readAlertSettings(this.ctx.dataDir);
    const states = this.alerts.states(me.id);
    // The whole team's figures in a few reads, not a pass over every rep's scores.
    const team = new TeamFigures(this.ctx);
    const skills = team.skillTotals(now, thresholds.masteryDrop.attempts + 1);
    const certifications = groupBy(team.figures.certificationAttempts(), (c) => c.repId);
    const all = this.alerts.reps(me.id).flatMap((rep) =>
      alertsFor(
        this.history(rep, team, {
          skills: skills.get(rep.id) ?? [],
          certifications: certifications.get(rep.id) ?? [],
          roleplays: thresholds.talkShare.roleplays,
        }),
        thresholds,
        now,
      ),
    );
    const alerts = all
      .map((a): InboxAlert => {
        const s = states.get(a.id);
        const snoozed = s?.state === 'snoozed' && s.until !== null && Date.parse(s.until) > now.getTime();
        return {
          ...a,
          at: a.at.toISOString(),
          state: s?.state === 'done' ? 'done' : snoozed ? 'snoozed' : 'new',
          until: snoozed ? s!.until : null,
        };
      })
      .filter((a) => a.state === 'new' || options.includeDone)
      .sort((a, b) => b.at.localeCompare(a.at));
    return { alerts, settingsFile: file, problems };
  }

  /** Done, snoozed for some days, or back to new. */
  mark(alertId: string, state: 'done' | 'snoozed' | 'new', days = 7) {
    const me = this.manager();
    const until = state === 'snoozed' ? new Date(this.now().getTime() + days * 86_400_000).toISOString() : null;
    this.alerts.setState(me.id, alertId, state === 'new' ? null : state, until);
    return { id: alertId, state, until };
  }

  private manager() {
    return this.people.manager('Coaching alerts');
  }

  /**
   * One rep's history as the rules read it: the skills' sums, the last attempt, every
   * certification attempt, the last few role-plays (with their talk share) and the assignments.
   */
  private history(
    rep: { id: number; name: string },
    team: TeamFigures,
    of: {
      skills: SkillTotals[];
      certifications: CertificationAttempt[];
      roleplays: number;
    },
  ): RepHistory {
    const kind = (scenarioId: string) => (team.scenarios.get(scenarioId)?.kind === 'drill' ? 'drill' : 'roleplay');
    const attempts = new Map<number, HistoryAttempt>();
    const add = (a: { attemptId: number; scenarioId: string; atMs: number }) =>
      attempts.get(a.attemptId) ??
      attempts
        .set(a.attemptId, {
          id: a.attemptId,
          scenarioId: a.scenarioId,
          title: team.titleOf(a.scenarioId),
          kind: kind(a.scenarioId),
          at: new Date(a.atMs),
          talkShare: null,
          certification: null,
        })
        .get(a.attemptId)!;
    team.figures.lastPractices(rep.id, 1).forEach(add);
    for (const c of of.certifications)
      add(c).certification = { outcome: c.outcome, validUntil: c.validUntil ? new Date(c.validUntil) : null };
    // Talk share needs each answer's timing: read for the last few role-plays only.
    // Role-plays: anything not known as a drill (a scenario since removed counts, as kind() says).
    const drillIds = [...team.scenarios.values()].filter((s) => s.kind === 'drill').map((s) => s.id);
    for (const r of team.figures.lastPractices(rep.id, of.roleplays, drillIds))
      add(r).talkShare = summarizeRoleplay(this.ctx.records.get(r.attemptId).turns)?.talkSharePercent ?? null;
    const assignments = this.assignments
      .ofRep(rep.id)
      .filter((a) => !a.cancelledAt)
      .map((a) => ({
        id: a.id,
        scenarioId: a.scenarioId,
        title: team.titleOf(a.scenarioId),
        // Due by the end of its day, local time.
        due: new Date(`${a.dueOn}T23:59:59`),
        doneAt: a.doneAt ? new Date(a.doneAt) : null,
      }));
    return {
      repId: rep.id,
      rep: rep.name,
      attempts: [...attempts.values()].sort((a, b) => a.at.getTime() - b.at.getTime()),
      skills: of.skills,
      assignments,
    };
  }
}
