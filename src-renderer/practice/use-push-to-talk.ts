import { useEffect, useRef } from 'react';
import type { Phase } from './practice-machine';
import { usePractice } from './practice-store';

/** Space held at least this long is push-to-talk (release stops); a shorter tap toggles. */
const HOLD_MS = 400;

/**
 * Space, unless typing in a field: hold it to talk (released after HOLD_MS, it stops), or tap it
 * to start and tap again to stop. `held()` tells the recorder not to auto-stop on silence meanwhile.
 */
export function usePushToTalk(phase: Phase, enabled: boolean, start: () => void, stop: () => void) {
  const downAt = useRef<number | null>(null);
  useEffect(() => {
    // Never while the leave dialog is up (the microphone must stay off until the rep decides).
    const ignored = (e: KeyboardEvent) =>
      Boolean(usePractice.getState().session?.leaving) ||
      !enabled ||
      e.code !== 'Space' ||
      (e.target as HTMLElement).closest('input, textarea, select, button, [role=dialog]');
    const onDown = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      e.preventDefault();
      if (e.repeat) return;
      if (phase === 'ready') {
        downAt.current = performance.now();
        start();
      } else if (phase === 'recording') {
        downAt.current = null;
        stop();
      }
    };
    const onUp = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const heldFor = downAt.current === null ? 0 : performance.now() - downAt.current;
      downAt.current = null;
      if (phase === 'recording' && heldFor >= HOLD_MS) stop();
    };
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
    };
  }, [phase, enabled, start, stop]);
  return { held: () => downAt.current !== null };
}
