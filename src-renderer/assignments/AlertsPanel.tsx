import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { hashFromView } from '../router';

type Inbox = ResultOf<'alerts.inbox'>;

/**
 * The manager's coaching alerts, above the review queue: who may need help and why, each with the
 * attempts behind it; Done, or Snooze for a week. The thresholds live in a file the manager edits.
 */
export function AlertsPanel() {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.alerts.inbox({}).then(setInbox, (e: Error) => setError(e.message));
  useEffect(() => void load(), []);
  const mark = async (id: string, state: 'done' | 'snoozed') => {
    try {
      await api.alerts.mark({ id, state, days: 7 });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (error) return <ErrorBanner message={error} />;
  if (!inbox) return null;
  return (
    <section className="alerts" aria-labelledby="alerts-title" data-testid="alerts">
      <h2 id="alerts-title">Coaching alerts</h2>
      {inbox.problems.length > 0 && (
        <div className="banner warning" role="status" data-testid="alerts-problems">
          The thresholds file has problems; the defaults apply until they are fixed:
          <ul>
            {inbox.problems.map((p, i) => (
              <li key={i}>
                {p.file}:{p.line}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {inbox.alerts.length === 0 ? (
        <p className="empty" data-testid="alerts-empty">
          No one needs a nudge right now.
        </p>
      ) : (
        <ul className="alert-list">
          {inbox.alerts.map((a) => (
            <li key={a.id} data-testid="alert" data-rule={a.rule}>
              <div>
                <strong>{a.title}</strong>
                <br />
                <span className="muted small">{a.detail}</span>{' '}
                {a.attemptIds.map((id, i) => (
                  <a
                    key={id}
                    href={hashFromView({ name: 'attempt', id })}
                    className="small"
                    data-testid="alert-evidence"
                  >
                    {i === 0 ? `attempt ${id}` : id}
                    {i < a.attemptIds.length - 1 ? ', ' : ''}
                  </a>
                ))}
              </div>
              <span className="alert-actions">
                <button className="link" onClick={() => void mark(a.id, 'done')} data-testid="alert-done">
                  Done
                </button>
                <button className="link" onClick={() => void mark(a.id, 'snoozed')}>
                  Snooze a week
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Thresholds: <code>{inbox.settingsFile}</code>
      </p>
    </section>
  );
}
