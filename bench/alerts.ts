/**
 * Coaching alerts at team scale: 50 reps × 2,000 finished attempts (100,000), each with two
 * scored answers (a real score of a typed answer, as stored), over a year. A manager opens the
 * inbox: every rule over every rep's history (bench for the target ≤ 200 ms).
 */
import { createCore } from '../src-main/core';
import { ROOT, SCENARIOS, tempDir } from '../test/support/paths';
import { practisedAt } from '../test/support/practised';
import { time } from './queue';

export function alertsFigures(attempts = 100_000, reps = 50) {
  const now = new Date();
  const core = createCore({
    dataDir: tempDir('sparring-bench-alerts-'),
    builtInScenarioDirs: [SCENARIOS],
    appRoots: [ROOT],
    now: () => now,
  });
  const manager = core.people.setUpMe('Morgan Manager', ['manager']);
  const repIds = Array.from({ length: reps }, (_, i) => core.people.add(`Rep ${i + 1}`, ['rep']).id);
  // One real attempt gives the stored shape of a scored answer; the rest are copies of its rows.
  core.people.use(repIds[0]!);
  const template = practisedAt(core, 'drill-next-step', 'Could we book thirty minutes on Thursday at 2pm?', now);
  core.people.use(manager.id);
  const db = core.storage.db;
  const row = db.prepare('SELECT * FROM attempts WHERE id = ?').get(template) as Record<string, unknown>;
  const turn = db.prepare('SELECT * FROM turns WHERE attempt_id = ?').get(template) as Record<string, unknown>;
  const fill0 = performance.now();
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, finished_at, overall_score)
     VALUES (?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const insertTurn = db.prepare(
    `INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, transcript_json, score_json, overall_score,
                        created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i < attempts; i++) {
      const at = new Date(now.getTime() - (i / attempts) * 365 * 86_400_000).toISOString();
      const id = Number(
        insertAttempt.run(repIds[i % reps], row.scenario_id, row.scenario_hash, at, at, turn.overall_score)
          .lastInsertRowid,
      );
      for (const index of [0, 1])
        insertTurn.run(
          id,
          index,
          turn.turn_id,
          turn.buyer_line,
          turn.transcript_json,
          turn.score_json,
          turn.overall_score,
          at,
        );
    }
  })();
  const fillSeconds = (performance.now() - fill0) / 1000;
  const alerts = core.alerts.inbox().alerts.length;
  const figures = {
    attempts_stored: attempts,
    reps,
    fill_seconds: Math.round(fillSeconds * 100) / 100,
    alerts,
    inbox_ms: time(() => core.alerts.inbox(), 10),
    target_ms: 200,
  };
  core.close();
  return figures;
}
