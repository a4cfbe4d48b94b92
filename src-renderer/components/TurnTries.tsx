import type { TurnTry } from '../../src-main/core/domain';
import { api } from '../api';

/**
 * The rep's other answers to this step ("retry this turn"): shown with the answer that counts, so
 * the rep sees the difference and a reviewer sees that they tried again, and what each try was.
 */
export function TurnTries({ counted, tries }: { counted: number | null; tries: TurnTry[] }) {
  return (
    <details className="turn-tries" data-testid="turn-tries" data-count={tries.length}>
      <summary>
        Answered {tries.length + 1} times: this answer counts{counted === null ? '' : ` (${Math.round(counted)})`}; the
        other{tries.length === 1 ? '' : 's'} scored {tries.map((t) => Math.round(t.score?.overall ?? 0)).join(', ')}
      </summary>
      <ol>
        {tries.map((t) => (
          <li key={t.id} data-testid="turn-try">
            <span className="muted small">{new Date(t.answeredAt).toLocaleTimeString()}</span>{' '}
            <strong>{Math.round(t.score?.overall ?? 0)}</strong> · “{t.transcript?.text ?? 'not transcribed'}”
            {t.audioPath && <audio controls preload="none" src={api.media.url(t.audioPath)} aria-label="This try" />}
          </li>
        ))}
      </ol>
    </details>
  );
}
