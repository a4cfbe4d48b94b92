import type { CoreContext } from '../context';
import { SparringError, notFound } from '../errors';
import type { PeopleService } from '../people/people-service';
import { dayOf } from '../practice-plan/calendar';
import { type AssignmentRow, AssignmentsRepository } from '../storage/assignments-repository';

export type AssignmentStatus = 'open' | 'overdue' | 'done' | 'cancelled';

/** An assignment as the rep and the manager see it. */
export interface AssignmentView {
  id: number;
  uuid: string;
  scenarioId: string;
  title: string;
  kind: 'practice' | 'certification';
  rep: string;
  repId: number;
  manager: string;
  dueOn: string;
  note: string | null;
  status: AssignmentStatus;
  doneAttemptId: number | null;
  doneAt: string | null;
}

/**
 * Assignments: a manager asks reps to practise a scenario or drill (or certify on it) by a date,
 * with a note. The rep sees it at the top of Today; it is done by their first finished attempt at
 * it after it was assigned (a certified one, for a certification); past its date and not done, it
 * is overdue. One writer: the manager who made it (the team store syncs it by its UUID).
 */
export class AssignmentsService {
  private readonly rows: AssignmentsRepository;

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'catalog'>,
    private readonly people: PeopleService,
    private readonly now: () => Date,
  ) {
    this.rows = new AssignmentsRepository(ctx.db);
  }

  assign(input: {
    scenarioId: string;
    repIds: number[];
    dueOn: string;
    note?: string | null;
    kind?: 'practice' | 'certification';
  }): AssignmentView[] {
    const kind = input.kind ?? 'practice';
    const { scenario } = this.ctx.catalog.find(input.scenarioId);
    if (kind === 'certification' && !scenario.certification)
      throw new SparringError(
        'not_a_certification',
        `"${scenario.title}" has no certification (no pass mark in its file): assign it as practice.`,
      );
    if (input.dueOn < dayOf(this.now()))
      throw new SparringError('due_in_past', `The due date ${input.dueOn} has passed: choose today or later.`);
    const reps = [...new Set(input.repIds)];
    if (!reps.length) throw new SparringError('no_reps', 'Choose at least one rep.');
    // A manager assigns to others, never to themselves (people.reviewerFor refuses both).
    const manager = reps.map((id) => this.people.reviewerFor(id))[0]!;
    const ids = reps.map((repId) =>
      this.rows.add({
        scenarioId: scenario.id,
        repId,
        managerId: manager.id,
        kind,
        dueOn: input.dueOn,
        note: input.note?.trim() || null,
      }),
    );
    return ids.map((id) => this.view(this.rows.byId(id)!));
  }

  cancel(id: number): AssignmentView {
    const row = this.rows.byId(id);
    if (!row) throw notFound(`Assignment ${id}`);
    if (row.managerId !== this.people.me().id)
      throw new SparringError('not_yours', `Only ${row.manager}, who assigned it, can cancel it.`);
    this.rows.cancel(id);
    return this.view(this.rows.byId(id)!);
  }

  /** The rep's own: what is open or overdue, and what was done in the last week. */
  mine(): AssignmentView[] {
    const weekAgo = new Date(this.now().getTime() - 7 * 86_400_000).toISOString();
    return this.rows
      .ofRep(this.people.me().id)
      .map((r) => this.view(r))
      .filter((a) => a.status === 'open' || a.status === 'overdue' || (a.status === 'done' && a.doneAt! >= weekAgo));
  }

  /** What the person using Sparring assigned, with where each stands. */
  given(): AssignmentView[] {
    return this.rows.byManager(this.people.me().id).map((r) => this.view(r));
  }

  private view(r: AssignmentRow): AssignmentView {
    const title = this.titleOf(r.scenarioId);
    const status: AssignmentStatus = r.cancelledAt
      ? 'cancelled'
      : r.doneAttemptId !== null
        ? 'done'
        : r.dueOn < dayOf(this.now())
          ? 'overdue'
          : 'open';
    return {
      id: r.id,
      uuid: r.uuid,
      scenarioId: r.scenarioId,
      title,
      kind: r.kind,
      rep: r.rep,
      repId: r.repId,
      manager: r.manager,
      dueOn: r.dueOn,
      note: r.note,
      status,
      doneAttemptId: r.doneAttemptId,
      doneAt: r.doneAt,
    };
  }

  private titleOf(scenarioId: string): string {
    try {
      return this.ctx.catalog.find(scenarioId).scenario.title;
    } catch {
      return scenarioId;
    }
  }
}
