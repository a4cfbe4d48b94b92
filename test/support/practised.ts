import type { Core } from './core';

/**
 * A finished typed attempt of one answer, stamped as started at `at` and finished `minutes` later
 * (for plans, streaks, trends and the week's minutes).
 */
export function practisedAt(core: Core, scenarioId: string, answer: string, at: Date, minutes = 0): number {
  const { attemptId } = core.practice.start(scenarioId);
  core.practice.submitTyped(attemptId, 0, answer);
  core.practice.finish(attemptId);
  core.storage.db
    .prepare('UPDATE attempts SET started_at = ?, finished_at = ? WHERE id = ?')
    .run(at.toISOString(), new Date(at.getTime() + minutes * 60_000).toISOString(), attemptId);
  return attemptId;
}
