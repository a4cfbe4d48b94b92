import type { CoreContext } from '../context';
import type { Scenario, ScenarioProblem } from '../domain';
import type { RubricLibrary } from '../scoring/rubric-library';
import { SparringError } from '../errors';
import type { PeopleService } from '../people/people-service';
import { masteryWindow } from '../practice-plan/practice-plan-service';
import { summarizeRoleplay } from '../scoring/roleplay-summary';
import { AlertsRepository } from '../storage/alerts-repository';
import { AssignmentsRepository } from '../storage/assignments-repository';
import { PlanRepository } from '../storage/plan-repository';
import { type CoachingAlert, type HistoryAttempt, type RepHistory, alertsFor } from './alert-rules';
import { readAlertSettings } from './alert-settings';

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
  private readonly plans: PlanRepository;
  private readonly assignments: AssignmentsRepository;

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'catalog' | 'dataDir' | 'records'>,
    private readonly people: PeopleService,
    private readonly now: () => Date,
  ) {
    this.alerts = new AlertsRepository(ctx.db);
    this.plans = new PlanRepository(ctx.db);
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
    // Read once for the whole team, not once per rep.
    const texts = {
      scenarios: new Map(this.ctx.catalog.list().valid.map((s) => [s.id, s])),
      library: this.ctx.catalog.library(),
    };
    const all = this.alerts
      .reps(me.id)
      .flatMap((rep) => alertsFor(this.history(rep, thresholds.talkShare.roleplays, now, texts), thresholds, now));
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
    const me = this.people.me();
    if (!me.roles.includes('manager'))
      throw new SparringError(
        'not_a_manager',
        `Coaching alerts are for managers; ${me.name} is not one here (Settings → People).`,
      );
    return me;
  }

  /** One rep's history as the rules read it. */
  private history(
    rep: { id: number; name: string },
    roleplaysForTalkShare: number,
    now: Date,
    { scenarios: catalog, library }: { scenarios: Map<string, Scenario>; library: RubricLibrary },
  ): RepHistory {
    const outcomes = this.alerts.certificationOutcomes(rep.id);
    const attempts: HistoryAttempt[] = this.plans.practices(rep.id).map((p) => {
      const c = outcomes.get(p.attemptId);
      const scenario = catalog.get(p.scenarioId);
      return {
        id: p.attemptId,
        scenarioId: p.scenarioId,
        title: scenario?.title ?? p.scenarioId,
        kind: scenario?.kind === 'drill' ? 'drill' : 'roleplay',
        at: new Date(p.finishedMs),
        talkShare: null,
        certification: c ? { outcome: c.outcome, validUntil: c.validUntil ? new Date(c.validUntil) : null } : null,
      };
    });
    // Talk share needs each answer's timing: read for the last few role-plays only.
    const roleplays = attempts.filter((a) => a.kind === 'roleplay').slice(-roleplaysForTalkShare);
    for (const a of roleplays)
      a.talkShare = summarizeRoleplay(this.ctx.records.get(a.id).turns)?.talkSharePercent ?? null;
    const { since, attempts: limit } = masteryWindow(now);
    const samples = this.plans.criterionScores(rep.id, since, limit).map((s) => ({
      skill: library.criteria.get(s.criterionId)?.skill ?? 'general',
      score: s.score,
      at: new Date(s.at),
      attemptId: s.attemptId,
    }));
    const assignments = this.assignments
      .ofRep(rep.id)
      .filter((a) => !a.cancelledAt)
      .map((a) => ({
        id: a.id,
        scenarioId: a.scenarioId,
        title: catalog.get(a.scenarioId)?.title ?? a.scenarioId,
        // Due by the end of its day, local time.
        due: new Date(`${a.dueOn}T23:59:59`),
        doneAt: a.doneAt ? new Date(a.doneAt) : null,
      }));
    return { repId: rep.id, rep: rep.name, attempts, samples, assignments };
  }
}
