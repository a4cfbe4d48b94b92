import type { ToastMessage } from './use-toast';

/** A passing note on what just happened, with Undo when it can be undone. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss(): void }) {
  return (
    <div className="toast" role="status" data-testid="toast">
      {toast.message}
      {toast.undo && (
        <button
          onClick={() => {
            toast.undo!();
            onDismiss();
          }}
        >
          Undo
        </button>
      )}
    </div>
  );
}
