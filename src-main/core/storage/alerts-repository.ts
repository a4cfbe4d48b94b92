import type { Db, LazyDb } from './database';
import { now } from './rows';

/** What the alert rules read of a rep beyond the daily plan's reads, and the manager's decisions on alerts. */
export class AlertsRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  /** The reps whose attempts are here (a manager's replica of their team), but the manager. */
  reps(notId: number): { id: number; name: string }[] {
    return this.db
      .prepare(
        `SELECT id, name FROM profiles WHERE id <> ? AND EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'rep')
         ORDER BY name COLLATE NOCASE`,
      )
      .all(notId) as { id: number; name: string }[];
  }

  /** Each certification attempt of a rep: how it ended and until when a pass is valid. */
  certificationOutcomes(repId: number): Map<number, { outcome: 'certified' | 'not-yet'; validUntil: string | null }> {
    const rows = this.db
      .prepare(
        `SELECT id, certification_outcome AS outcome, certified_until AS validUntil FROM attempts
         WHERE profile_id = ? AND discarded_at IS NULL AND certification_outcome IS NOT NULL`,
      )
      .all(repId) as { id: number; outcome: 'certified' | 'not-yet'; validUntil: string | null }[];
    return new Map(rows.map((r) => [r.id, { outcome: r.outcome, validUntil: r.validUntil }]));
  }

  states(managerId: number): Map<string, { state: 'done' | 'snoozed'; until: string | null }> {
    const rows = this.db
      .prepare('SELECT alert_id AS id, state, until FROM alert_states WHERE manager_profile_id = ?')
      .all(managerId) as { id: string; state: 'done' | 'snoozed'; until: string | null }[];
    return new Map(rows.map((r) => [r.id, { state: r.state, until: r.until }]));
  }

  setState(managerId: number, alertId: string, state: 'done' | 'snoozed' | null, until: string | null): void {
    if (state === null)
      this.db.prepare('DELETE FROM alert_states WHERE manager_profile_id = ? AND alert_id = ?').run(managerId, alertId);
    else
      this.db
        .prepare('INSERT OR REPLACE INTO alert_states VALUES (?, ?, ?, ?, ?)')
        .run(alertId, managerId, state, until, now());
  }
}
