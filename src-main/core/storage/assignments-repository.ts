import { randomUUID } from 'node:crypto';
import type { Db, LazyDb } from './database';
import { now } from './rows';

export interface AssignmentRow {
  id: number;
  uuid: string;
  scenarioId: string;
  repId: number;
  rep: string;
  repUuid: string;
  managerId: number;
  manager: string;
  managerUuid: string;
  kind: 'practice' | 'certification';
  dueOn: string;
  note: string | null;
  createdAt: string;
  cancelledAt: string | null;
  /** What did it: the rep's first finished attempt at it since it was assigned (certified, for a certification). */
  doneAttemptId: number | null;
  doneAt: string | null;
}

const SELECT = `
  SELECT s.id, s.uuid, s.scenario_id AS scenarioId, s.rep_profile_id AS repId, r.name AS rep, r.uuid AS repUuid,
         s.manager_profile_id AS managerId, m.name AS manager, m.uuid AS managerUuid, s.kind, s.due_on AS dueOn,
         s.note, s.created_at AS createdAt, s.cancelled_at AS cancelledAt, d.id AS doneAttemptId,
         coalesce(d.finished_at, d.started_at) AS doneAt
  FROM assignments s
  JOIN profiles r ON r.id = s.rep_profile_id
  JOIN profiles m ON m.id = s.manager_profile_id
  LEFT JOIN attempts d ON d.id = (
    SELECT a.id FROM attempts a
    WHERE a.profile_id = s.rep_profile_id AND a.scenario_id = s.scenario_id AND a.status = 'complete'
      AND a.discarded_at IS NULL AND coalesce(a.finished_at, a.started_at) >= s.created_at
      AND (s.kind = 'practice' OR a.certification_outcome = 'certified')
    ORDER BY coalesce(a.finished_at, a.started_at) LIMIT 1)`;

/** Assignments: what a manager asked a rep to practise by when; done is read from the rep's attempts. */
export class AssignmentsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  add(a: {
    uuid?: string;
    scenarioId: string;
    repId: number;
    managerId: number;
    kind: 'practice' | 'certification';
    dueOn: string;
    note: string | null;
    createdAt?: string;
    cancelledAt?: string | null;
  }): number {
    const info = this.db
      .prepare(
        `INSERT INTO assignments (uuid, scenario_id, rep_profile_id, manager_profile_id, kind, due_on, note, created_at,
                                  cancelled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.uuid ?? randomUUID(),
        a.scenarioId,
        a.repId,
        a.managerId,
        a.kind,
        a.dueOn,
        a.note,
        a.createdAt ?? now(),
        a.cancelledAt ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  /** A later state of an assignment from the team store (its manager changed the date or note, or cancelled it). */
  update(uuid: string, a: { dueOn: string; note: string | null; cancelledAt: string | null }): void {
    this.db
      .prepare('UPDATE assignments SET due_on = ?, note = ?, cancelled_at = ? WHERE uuid = ?')
      .run(a.dueOn, a.note, a.cancelledAt, uuid);
  }

  cancel(id: number): void {
    this.db.prepare('UPDATE assignments SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL').run(now(), id);
  }

  byId(id: number): AssignmentRow | undefined {
    return this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as AssignmentRow | undefined;
  }

  byUuid(uuid: string): AssignmentRow | undefined {
    return this.db.prepare(`${SELECT} WHERE s.uuid = ?`).get(uuid) as AssignmentRow | undefined;
  }

  ofRep(repId: number): AssignmentRow[] {
    return this.db
      .prepare(`${SELECT} WHERE s.rep_profile_id = ? ORDER BY s.due_on, s.id`)
      .all(repId) as AssignmentRow[];
  }

  byManager(managerId: number): AssignmentRow[] {
    return this.db
      .prepare(`${SELECT} WHERE s.manager_profile_id = ? ORDER BY s.due_on, s.id`)
      .all(managerId) as AssignmentRow[];
  }
}
