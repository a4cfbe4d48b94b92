import { useEffect } from 'react';
import { useApp } from '../store';

/** The app's one notice, with Undo when there is something to undo; it goes after 10 s, or on Esc. */
export function Toast() {
  const { toast, showToast } = useApp();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => showToast(null), 10_000);
    return () => clearTimeout(timer);
  }, [toast, showToast]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
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
      <button className="link" onClick={() => showToast(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
