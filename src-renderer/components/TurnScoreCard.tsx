import { useState } from 'react';
import type { CheckResult, CriterionScore, TurnScore } from '../../src-main/core/domain';
import { DeliveryPanel } from './DeliveryPanel';
import { ErrorBanner } from './ErrorBanner';

export interface ReviewActions {
  override(criterionId: string, score: number, reason: string): Promise<void>;
  remove(criterionId: string): Promise<void>;
}

/** A manager's correction: a score and the reason the rep will read. The automatic score stays visible. */
function OverrideForm({ c, review }: { c: CriterionScore; review: ReviewActions }) {
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState(String(c.override?.score ?? c.score ?? 0));
  const [reason, setReason] = useState(c.override?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <div className="review-actions">
        <button className="link" onClick={() => setOpen(true)} data-testid="override-open">
          {c.override ? 'Change review score' : 'Override score'}
        </button>
        {c.override && (
          <button className="link" onClick={() => void review.remove(c.id)} data-testid="override-remove">
            Restore automatic score ({c.score})
          </button>
        )}
      </div>
    );
  }
  const save = async () => {
    try {
      await review.override(c.id, Number(score), reason);
      setOpen(false);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="override-form" onSubmit={(e) => (e.preventDefault(), void save())} data-testid="override-form">
      <label>
        Score{' '}
        <input
          type="number"
          min={0}
          max={100}
          value={score}
          onChange={(e) => setScore(e.target.value)}
          required
          data-testid="override-score"
        />
      </label>
      <label>
        Reason{' '}
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          placeholder="What the rep did that the rubric missed"
          data-testid="override-reason"
        />
      </label>
      <button className="primary" type="submit">
        Save
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorBanner message={error} />
    </form>
  );
}

const mark = (c: CheckResult) => (c.passed === null ? '–' : c.passed ? '✓' : '✗');

function Criterion({
  c,
  onSeek,
  review,
}: {
  c: CriterionScore;
  onSeek?: (seconds: number) => void;
  review?: ReviewActions;
}) {
  const shown = c.override?.score ?? c.score;
  return (
    // A reviewed criterion reads as reviewed: its automatic ✓/✗ stay below for reference, not as the verdict.
    <li
      className={c.override ? 'reviewed' : c.passed === null ? 'na' : c.passed ? 'pass' : 'fail'}
      data-testid={`criterion-${c.id}`}
    >
      <div className="criterion-head">
        <strong title={c.help}>{c.title}</strong>
        <span className="criterion-score" data-testid="criterion-score">
          {shown === null ? 'not scored' : shown}
          {c.override && (
            <span
              className="override-badge"
              title={`Automatic score ${c.score}. ${c.override.author}: ${c.override.reason}`}
            >
              {' '}
              (reviewed)
            </span>
          )}
        </span>
      </div>
      <div className="explanation">{c.explanation}</div>
      <ul
        className={`checks${c.override ? ' automatic' : ''}`}
        aria-label={c.override ? 'Automatic checks, before review' : 'Checks'}
      >
        {c.checks.map((k) => (
          <li key={k.id} className={k.passed === null ? 'na' : k.passed ? 'pass' : 'fail'} data-testid="check">
            <span className="check-mark" aria-hidden>
              {mark(k)}
            </span>{' '}
            {k.label} <span className="muted">— {k.detail}</span>
            {k.judge && (
              <span className={`judge-badge ${k.judge.status}`} title={k.judge.question}>
                model-graded
              </span>
            )}
          </li>
        ))}
      </ul>
      {c.evidence.length > 0 && (
        <ul className="evidence" aria-label="Evidence">
          {c.evidence.map((e, i) => (
            <li key={i}>
              <button
                className="link"
                onClick={() => e.audioStart !== undefined && onSeek?.(e.audioStart)}
                disabled={e.audioStart === undefined || !onSeek}
                data-testid="evidence"
                data-audio-start={e.audioStart}
                title={e.audioStart !== undefined ? 'Play from here' : undefined}
              >
                “{e.text}”{e.audioStart !== undefined ? ` · ${e.audioStart.toFixed(1)} s` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {c.passed === false && !c.override && <div className="tip">Tip: {c.tip}</div>}
      {c.override && (
        <div className="override-note" data-testid="override-note">
          Reviewed by {c.override.author}: {c.override.score} (automatic {c.score ?? 'not scored'}). “
          {c.override.reason}”
        </div>
      )}
      {review && c.score !== null && <OverrideForm c={c} review={review} />}
    </li>
  );
}

/** Each criterion: its score, its checks, the words that earned it, and a tip; then delivery. */
export function TurnScoreCard({
  score,
  onSeek,
  review,
}: {
  score: TurnScore;
  onSeek?: (seconds: number) => void;
  review?: ReviewActions;
}) {
  return (
    <div className="scores" data-testid="scores">
      <div className={`overall ${score.passed ? 'pass' : 'fail'}`}>
        <span className="overall-number" data-testid="overall-score">
          {score.overall}
        </span>
        <span> / 100 · pass mark {score.passMark}</span>
      </div>
      <ul>
        {score.criteria.map((c) => (
          <Criterion key={c.id} c={c} onSeek={onSeek} review={review} />
        ))}
      </ul>
      <DeliveryPanel delivery={score.delivery} />
      <p className="muted small">Scored with rubric {score.rubricVersion}.</p>
    </div>
  );
}
