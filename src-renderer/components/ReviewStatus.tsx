import { useState } from 'react';
import type { AttemptDetail } from '../../src-main/core/domain';
import { api } from '../api';
import { ErrorBanner } from './ErrorBanner';

/**
 * An attempt's review: what the manager decided (everyone sees it, the rep too), and for a
 * manager reviewing someone else's finished attempt, the buttons to decide: reviewed, or the rep
 * should try again (with a note the rep reads), or back to the queue.
 */
export function ReviewStatus({
  attempt,
  canReview,
  onChange,
}: {
  attempt: AttemptDetail;
  canReview: boolean;
  onChange(a: AttemptDetail): void;
}) {
  const [note, setNote] = useState(attempt.review?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const set = async (status: 'to-review' | 'reviewed' | 'needs-another') => {
    setError(null);
    try {
      onChange(
        await api.review.setStatus({
          attemptId: attempt.id,
          status,
          ...(note.trim() && status !== 'to-review' && { note }),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const r = attempt.review;
  if (attempt.status !== 'complete' || (!r && !canReview)) return null;
  return (
    <section
      className="review-status"
      aria-label="Review"
      data-testid="review-status"
      data-status={r?.status ?? 'to-review'}
    >
      {r ? (
        <p>
          <strong>
            {r.status === 'reviewed' ? `Reviewed by ${r.reviewer}` : `${r.reviewer} asks for another attempt`}
          </strong>
          <span className="muted small"> · {new Date(r.at).toLocaleString()}</span>
          {r.note && <span> — “{r.note}”</span>}
        </p>
      ) : (
        <p className="muted">Not reviewed yet.</p>
      )}
      {canReview && (
        <div className="actions">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="A note for the rep (optional)"
            aria-label="Note for the rep"
            maxLength={2000}
            data-testid="review-note"
          />
          <button className="primary" onClick={() => void set('reviewed')} data-testid="mark-reviewed">
            Mark reviewed
          </button>
          <button onClick={() => void set('needs-another')} data-testid="mark-needs-another">
            Needs another attempt
          </button>
          {r && (
            <button className="link" onClick={() => void set('to-review')} data-testid="back-to-queue">
              Back to the queue
            </button>
          )}
        </div>
      )}
      <ErrorBanner message={error} />
    </section>
  );
}
