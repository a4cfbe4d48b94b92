import type { LazyDb } from '../storage/database';
import { AnalyticsRepository } from '../storage/analytics-repository';

/**
 * Brings the team figures up to date in the background, a batch at a time with the event loop
 * free between batches: after the upgrade that adds them (every stored attempt to compute, some
 * seconds for a team's 100,000) or a large sync, the first dashboard then opens at once instead of
 * freezing the app while it catches up.
 */
export function warmUpFigures(db: LazyDb, batch = 1000): { stop(): void } {
  const figures = new AnalyticsRepository(db);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const step = () => {
    try {
      timer = figures.refresh(batch) > 0 ? setTimeout(step, 0) : null;
    } catch {
      // A read will try again (and say what went wrong); the warm-up is only a head start.
      timer = null;
    }
    timer?.unref?.();
  };
  timer = setTimeout(step, 0);
  timer.unref?.();
  return {
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
