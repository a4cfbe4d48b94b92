import { api } from '../api';
import { useApp } from '../store';

/**
 * Discards an attempt (hidden at once, deleted when Sparring next starts) and offers Undo in the
 * app's toast. `after` runs once it is gone, and again with `restored` when Undo brings it back.
 */
export async function discardWithUndo(attempt: { id: number; title?: string }, after?: (restored: boolean) => void) {
  const { showToast } = useApp.getState();
  const name = `Attempt #${attempt.id}${attempt.title ? ` (${attempt.title})` : ''}`;
  try {
    await api.attempts.discard({ attemptId: attempt.id });
  } catch (e) {
    showToast({ message: (e as Error).message });
    return;
  }
  after?.(false);
  showToast({
    message: `${name} discarded.`,
    undo: async () => {
      await api.attempts.restore({ attemptId: attempt.id });
      showToast({ message: `${name} is back in your history, to resume or review.` });
      after?.(true);
    },
  });
}
