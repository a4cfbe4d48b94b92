import { useEffect, useState } from 'react';
import type { AttemptSummary } from '../../src-main/core/domain';
import { CertificationBadge } from '../components/CertificationBadge';
import { api } from '../api';
import { useApp } from '../store';

const STATUS = { complete: 'Complete', incomplete: 'Incomplete', in_progress: 'In progress' } as const;

/** Every stored attempt, newest first. */
export function HistoryList() {
  const go = useApp((s) => s.go);
  const [items, setItems] = useState<AttemptSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.attempts.list({ limit: 100 }).then(
      (r) => {
        setItems(r.items);
        setTotal(r.total);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!items) return <p className="muted">Loading history…</p>;
  if (items.length === 0) {
    return (
      <div className="empty" data-testid="history-empty">
        <h2>No attempts yet</h2>
        <p>Practise a scenario and it will appear here with its transcript and scores.</p>
        <button className="primary" onClick={() => go({ name: 'practice' })}>
          Start practising
        </button>
      </div>
    );
  }
  return (
    <div className="history">
      <h2>History</h2>
      <p className="muted">{total} attempt{total === 1 ? '' : 's'}</p>
      <table>
        <thead>
          <tr>
            <th>Scenario</th>
            <th>Started</th>
            <th>Turns</th>
            <th>Status</th>
            <th>Score</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} onClick={() => go({ name: 'attempt', id: a.id })} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && go({ name: 'attempt', id: a.id })} data-testid="history-row">
              <td>{a.scenarioTitle}</td>
              <td>{new Date(a.startedAt).toLocaleString()}</td>
              <td>{a.turnCount}</td>
              <td>
                {STATUS[a.status]}
                {a.rescoredFrom !== null && <span className="muted"> · re-score of #{a.rescoredFrom}</span>} <CertificationBadge certification={a.certification} />
              </td>
              <td>{a.overallScore ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
