import { useEffect, useState } from 'react';
import { useApp } from '../store';

const SHOWN_MS = 10_000;

/**
 * The app's one notice, with Undo when there is something to undo. It goes after 10 s (the clock
 * stops while the pointer or keyboard focus is on it, so Undo can always be reached), or on Esc.
 */
export function Toast() {
  const { toast, showToast } = useApp();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => showToast(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, held, showToast]);
  useEffect(() => {
    if (!toast) return;
    const onKey = (e: KeyboardEvent) =>
      e.key === 'Escape' && !document.querySelector('[role=dialog]') && showToast(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toast, showToast]);
  if (!toast) return null;
  const hold = {
    onMouseEnter: () => setHeld(true),
    onMouseLeave: () => setHeld(false),
    onFocus: () => setHeld(true),
    onBlur: () => setHeld(false),
  };
  return (
    <div className="toast" role="status" data-testid="toast" {...hold}>
      <span>{toast.message}</span>
      {toast.undo && (
        <button
          onClick={() => {
            const undo = toast.undo!;
            showToast(null);
            void Promise.resolve(undo()).catch((e: Error) => showToast({ message: e.message }));
          }}
          data-testid="toast-undo"
        >
          Undo
        </button>
      )}
      <button className="link" onClick={() => showToast(null)} title="Dismiss (Esc)">
        Dismiss
      </button>
    </div>
  );
}
