/**
 * Team analytics at team scale: 50 reps × 2,000 finished attempts (100,000), each with two
 * scored answers (real scores of typed answers, as stored), over a year; every fifth rep's last
 * attempts weak (mastery drops to raise). A manager opens the coaching alerts inbox (every rule
 * over every rep; target ≤ 200 ms) and the team dashboard (heatmap, trends, engagement,
 * certifications; target ≤ 100 ms). The first open after the fill brings the kept figures up to
 * date for all 100,000 attempts (as after the upgrade), timed apart.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src-main/core';
import { ROOT, SCENARIOS, tempDir } from '../test/support/paths';
import { practisedAt } from '../test/support/practised';
import { time } from './queue';

/** A manager and `reps` reps with `attempts` stored attempts between them (see above). */
export function seededTeam(attempts = 100_000, reps = 50) {
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
  // Four drills in turn (their criteria train five skills), one weak answer for the drops.
  const drills = [
    ['drill-next-step', 'Could we book thirty minutes on Thursday at 2pm?'],
    ['drill-open-questions', 'What would have to be true for this to be worth it to your team?'],
    ['drill-quantify-value', 'Teams like yours save about forty hours a month, roughly 3,000 dollars.'],
    ['drill-acknowledge-first', 'That is a fair concern, and I hear you. What worries you most about it?'],
  ] as const;
  const made = drills.map(([id, answer]) => practisedAt(core, id, answer, now));
  const template = made[0]!;
  const weakTemplate = practisedAt(core, 'drill-next-step', 'Let us keep in touch.', now);
  core.people.use(manager.id);
  const db = core.storage.db;
  const rowOf = (id: number) => db.prepare('SELECT * FROM attempts WHERE id = ?').get(id) as Record<string, unknown>;
  const turnOf = (id: number) =>
    db.prepare('SELECT * FROM turns WHERE attempt_id = ?').get(id) as Record<string, unknown>;
  const templates = made.map((id) => ({ row: rowOf(id), turn: turnOf(id) }));
  const weak = { row: rowOf(weakTemplate), turn: turnOf(weakTemplate) };
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
    for (let i = drills.length + 1; i < attempts; i++) {
      const start = new Date(now.getTime() - (i / attempts) * 365 * 86_400_000);
      const at = start.toISOString();
      const end = new Date(start.getTime() + 6 * 60_000).toISOString();
      // Newest first: every fifth rep's last three attempts are weak.
      const { row, turn } =
        (i % reps) % 5 === 0 && i < reps * 4 ? weak : templates[Math.floor(i / reps) % templates.length]!;
      // Every tenth rep has not practised for eight days (inactivity alerts).
      if ((i % reps) % 10 === 3 && i < (attempts * 8) / 365) continue;
      const id = Number(
        insertAttempt.run(repIds[i % reps], row.scenario_id, row.scenario_hash, at, end, turn.overall_score)
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
  return { core, repIds, template, fillSeconds };
}

export function alertsFigures(attempts = 100_000, reps = 50) {
  const { core, repIds, template, fillSeconds } = seededTeam(attempts, reps);
  const db = core.storage.db;
  const first0 = performance.now();
  const alerts = core.alerts.inbox().alerts;
  const firstOpenSeconds = (performance.now() - first0) / 1000;
  const board = core.dashboard.team();
  const figures = {
    attempts_stored: attempts,
    reps,
    fill_seconds: Math.round(fillSeconds * 100) / 100,
    first_open_seconds: Math.round(firstOpenSeconds * 100) / 100,
    alerts: alerts.length,
    mastery_drop_alerts: alerts.filter((a) => a.rule === 'mastery-drop').length,
    inbox_ms: time(() => core.alerts.inbox(), 10),
    inbox_target_ms: 200,
    dashboard_reps: board.reps.length,
    dashboard_heatmap_cells: board.reps.reduce((n, r) => n + Object.values(r.mastery).filter(Boolean).length, 0),
    dashboard_ms: time(() => core.dashboard.team(), 10),
    dashboard_target_ms: 100,
    dashboard_csv_ms: time(() => core.dashboard.csv(), 5),
    cell_ms: time(() => core.dashboard.cell({ repId: repIds[7]!, skill: board.skills[0]! }), 10),
    // After one new attempt: only it is recomputed.
    after_one_attempt_ms: time(() => {
      db.prepare('UPDATE attempts SET finished_at = finished_at WHERE id = ?').run(template);
      core.dashboard.team();
    }, 5),
  };
  core.close();
  // What the app's start pays to check every page of this database before writing (PRAGMA quick_check).
  const file = join(core.dataDir, 'sparring.db');
  const checked = new Database(file, { readonly: true });
  const check0 = performance.now();
  checked.pragma('quick_check(1)', { simple: true });
  checked.close();
  return {
    ...figures,
    database_mb: Math.round(statSync(file).size / 1e6),
    start_quick_check_ms: Math.round(performance.now() - check0),
  };
}
