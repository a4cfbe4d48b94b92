/**
 * The review queue at team scale: 100,000 finished attempts by 50 reps (two answered steps each, a
 * third of them reviewed), a manager asking for the first page of what waits for review (oldest
 * first, with the counts per status), also narrowed to one rep and to a score band. Rows are
 * inserted directly (fast); the queries are the app's own, through the review service.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src-main/core';
import { ROOT, SCENARIOS, tempDir } from '../test/support/paths';

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;
const round = (n: number) => Math.round(n * 100) / 100;

/** p50 and p95 of a query run `runs` times, after one run that warms the statement cache. */
export function time(query: () => unknown, runs = 60) {
  query();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    query();
    ms.push(performance.now() - t0);
  }
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)) };
}

export function queueFigures(attempts = 100_000, reps = 50) {
  const core = createCore({
    dataDir: tempDir('sparring-bench-queue-'),
    builtInScenarioDirs: [SCENARIOS],
    appRoots: [ROOT],
  });
  const scenario = core.catalog.list().valid.find((s) => s.id === 'price-objection')!;
  core.storage.attempts.recordScenarioVersion(scenario, readFileSync(join(SCENARIOS, scenario.file), 'utf8'));
  const db = core.storage.db;
  const fill0 = performance.now();
  const repIds = Array.from(
    { length: reps },
    (_, i) => core.storage.people.save({ name: `Rep ${i + 1}`, roles: ['rep'] }).id,
  );
  const manager = core.storage.people.save({ name: 'Morgan Manager', roles: ['manager'] });
  core.storage.people.setSelf(manager.id);
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, finished_at, overall_score)
     VALUES (?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const insertTurn = db.prepare(
    `INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, created_at)
     VALUES (?, ?, 't', 'line', '2026-01-01')`,
  );
  const insertReview = db.prepare(
    "INSERT INTO reviews (attempt_id, status, reviewer_profile_id, updated_at) VALUES (?, 'reviewed', ?, '2026-02-01')",
  );
  // The app writes a review and the attempt's copy of its status together (ReviewsRepository.set).
  const markReviewed = db.prepare("UPDATE attempts SET review_status = 'reviewed' WHERE id = ?");
  db.transaction(() => {
    for (let i = 0; i < attempts; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 30_000).toISOString();
      const id = Number(
        insertAttempt.run(repIds[i % reps], scenario.id, scenario.contentHash, at, at, (i * 37) % 101).lastInsertRowid,
      );
      insertTurn.run(id, 0);
      insertTurn.run(id, 1);
      if (i % 3 === 0) {
        insertReview.run(id, manager.id);
        markReviewed.run(id);
      }
    }
  })();
  const fillSeconds = (performance.now() - fill0) / 1000;
  const figures = {
    attempts_stored: attempts,
    reps,
    fill_seconds: round(fillSeconds),
    queue_first_page_with_counts_ms: time(() => core.review.queue({ limit: 50, offset: 0 })),
    queue_one_rep_ms: time(() => core.review.queue({ limit: 50, offset: 0, repId: repIds[7] })),
    queue_score_below_60_page_20_ms: time(() => core.review.queue({ limit: 50, offset: 1000, band: 'below-60' })),
  };
  core.close();
  return figures;
}
