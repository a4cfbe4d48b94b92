/**
 * The rep's Today at scale: 10,000 finished attempts of one rep over a year (two scored answers
 * each, real score JSON), the plan computed by the app's own service (schedule replayed, mastery,
 * streak). And the renderer's first-load JavaScript, gzipped, from the build output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCore } from '../src-main/core';
import { ROOT, SCENARIOS, tempDir } from '../test/support/paths';

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;
const round = (n: number) => Math.round(n * 100) / 100;

export function todayFigures(attempts = 10_000) {
  const now = new Date(Date.UTC(2026, 10, 24, 9));
  const core = createCore({
    dataDir: tempDir('sparring-bench-today-'),
    builtInScenarioDirs: [SCENARIOS],
    appRoots: [ROOT],
    now: () => now,
  });
  core.people.setUpMe('Riley Rep', ['rep']);
  const scenarios = core.catalog.list().valid;
  // Real scores, made once per scenario by the app's own typed-answer path, then copied.
  const scored = scenarios.map((s) => {
    const { attemptId } = core.practice.start(s.id);
    core.practice.submitTyped(attemptId, 0, 'I hear you. Could we book 30 minutes on Thursday to look at the numbers?');
    core.practice.finish(attemptId);
    return { scenario: s, score: core.history.get(attemptId).turns[0]!.score! };
  });
  const db = core.storage.db;
  const me = core.people.me().id;
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, finished_at, overall_score)
     VALUES (?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const insertTurn = db.prepare(
    `INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, score_json, overall_score, created_at)
     VALUES (?, ?, 't', 'line', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < attempts; i++) {
      const { scenario, score } = scored[i % scored.length]!;
      const at = new Date(now.getTime() - (attempts - i) * 3_150_000).toISOString(); // about a year
      const overall = (i * 37) % 101;
      const id = Number(insertAttempt.run(me, scenario.id, scenario.contentHash, at, at, overall).lastInsertRowid);
      const json = JSON.stringify(score);
      insertTurn.run(id, 0, json, overall, at);
      insertTurn.run(id, 1, json, overall, at);
    }
  })();
  const times: number[] = [];
  let plan = core.plan.today();
  for (let r = 0; r < 30; r++) {
    const t0 = performance.now();
    plan = core.plan.today();
    times.push(performance.now() - t0);
  }
  core.close();
  return {
    attempts,
    plan_items: plan.plan.length,
    today_ms: { median: round(percentile(times, 50)), p95: round(percentile(times, 95)) },
    target_ms: 50,
    renderer_first_load_js_gzip_kb: firstLoadKb(),
    renderer_target_kb: 300,
  };
}

/**
 * The JavaScript index.html loads before anything else (its entry and module preloads), gzipped,
 * from a production build made here (a build made under the test runner is React's development one).
 */
function firstLoadKb(): number {
  const dir = tempDir('sparring-bench-build-');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--outDir', dir],
    { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } },
  );
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return Math.round(bytes / 102.4) / 10;
}
