import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

/**
 * Asked when the rep leaves a role-play (Leave, another tab, the back button). The microphone is
 * already off and what was said is kept; the question is only whether to keep the attempt.
 */
export function LeaveDialog({
  answered,
  onKeep,
  onDiscard,
  onStay,
}: {
  answered: number;
  onKeep(): void;
  onDiscard(): void;
  onStay(): void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Modal: the app behind it can be neither reached nor read until the rep decides.
    const app = document.getElementById('root');
    const before = document.activeElement as HTMLElement | null;
    app?.setAttribute('inert', '');
    keep.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onStay();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      app?.removeAttribute('inert');
      before?.focus(); // back where the rep was (Leave), if it is still there
    };
  }, [onStay]);
  return createPortal(
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="leave-title" data-testid="leave-dialog">
        <h2 id="leave-title">Leave this role-play?</h2>
        <p>
          {answered === 0
            ? 'Nothing has been answered yet.'
            : `${answered} answer${answered === 1 ? ' is' : 's are'} saved. Keep the attempt to pick it up later ` +
              `from History, or discard it.`}
        </p>
        <div className="actions">
          <button ref={keep} className="primary" onClick={onKeep} data-testid="leave-keep">
            Keep it for later
          </button>
          <button onClick={onDiscard} data-testid="leave-discard">
            Discard it
          </button>
          <button className="link" onClick={onStay} data-testid="leave-stay">
            Stay (Esc)
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
