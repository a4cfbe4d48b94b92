import { useEffect, useState } from 'react';
import type { AttemptDetail } from '../../src-main/core/domain';
import { api } from '../api';
import { RoleplayScorecard } from '../components/RoleplayScorecard';
import { TurnView } from '../components/TurnView';
import { useApp } from '../store';

/** A stored attempt: every turn with its audio, transcript and scores. */
export function AttemptPage({ id }: { id: number }) {
  const go = useApp((s) => s.go);
  const [attempt, setAttempt] = useState<AttemptDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => api.attempts.get({ id }).then(setAttempt, (e: Error) => setError(e.message));
    void load();
    // Model-graded checks may arrive after the page opened.
    return api.events.subscribe((e) => e.type === 'turn.updated' && e.attemptId === id && void load());
  }, [id]);

  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!attempt) return <p className="muted">Loading attempt…</p>;
  return (
    <div className="attempt" data-testid="attempt-page">
      <button className="link" onClick={() => go({ name: 'history' })}>
        ← History
      </button>
      <h2>{attempt.scenarioTitle}</h2>
      <p className="muted">
        {new Date(attempt.startedAt).toLocaleString()} · {attempt.status.replace('_', ' ')} · overall{' '}
        <strong data-testid="attempt-score">{attempt.overallScore ?? '–'}</strong>
      </p>
      {attempt.summary && <RoleplayScorecard summary={attempt.summary} />}
      {attempt.turns.length === 0 && <p className="empty">No answers were recorded in this attempt.</p>}
      {attempt.turns.map((t) => (
        <TurnView
          key={t.id}
          turn={t}
          onRetry={async () => {
            await api.turns.retry({ attemptId: attempt.id, turnIndex: t.index });
            setAttempt(await api.attempts.get({ id: attempt.id }));
          }}
          review={{
            override: async (criterionId, score, reason) => setAttempt(await api.review.overrideScore({ turnId: t.id, criterionId, score, reason })),
            remove: async (criterionId) => setAttempt(await api.review.removeOverride({ turnId: t.id, criterionId })),
          }}
        />
      ))}
    </div>
  );
}
