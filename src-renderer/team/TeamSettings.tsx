import { useState } from 'react';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';
import { syncWords, useTeamStatus } from './use-team-status';

const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const KEPT = {
  'safe-storage': 'The URL and its password are kept encrypted by your system’s keychain.',
  environment: 'The URL comes from SPARRING_TEAM_DATABASE_URL.',
  memory: 'The URL is kept in memory only, until Sparring closes (set SPARRING_TEAM_DATABASE_URL to keep it).',
};

/**
 * Settings → Team: connect this copy to the team's PostgreSQL store (tested on save, each failure
 * said plainly), see where the sync stands, sync now, disconnect. Without it nothing leaves this computer.
 */
export function TeamSettings() {
  const refreshMe = useApp((s) => s.refreshMe);
  const showToast = useApp((s) => s.showToast);
  const [status, setStatus] = useTeamStatus();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const connect = () =>
    run(async () => {
      const next = await api.team.connect({ url });
      setStatus(next);
      setUrl('');
      await refreshMe();
      showToast({ message: `Connected as ${next.person?.name ?? 'you'}.` });
    });
  const syncNow = () =>
    run(async () => {
      // A failed sync is already in the status (offline, a wrong password): shown once, there.
      const answer = await api.team.syncNow({}).catch(async () => null);
      if (!answer) return setStatus(await api.team.status({}));
      const { report, status: next } = answer;
      setStatus(next);
      showToast({
        message:
          `Sent ${n(report.pushedAttempts, 'attempt')} and ${n(report.pushedReviews, 'review')}; received ` +
          `${n(report.pulledAttempts, 'attempt')}, ${n(report.pulledReviews, 'review')} and ` +
          `${n(report.pulledPacks, 'pack')}.`,
      });
    });
  const disconnect = () =>
    run(async () => {
      setStatus(await api.team.disconnect({}));
      showToast({ message: 'Disconnected. Everything already here stays.' });
    });

  return (
    <section className="team" aria-labelledby="team-title" data-testid="team-settings">
      <h2 id="team-title">Team</h2>
      {!status ? (
        <p className="muted">Loading…</p>
      ) : !status.configured ? (
        <>
          <p className="muted">
            Not connected: Sparring is local and private, and nothing leaves this computer. To let your manager review
            your attempts from their desk, paste the team store URL your admin gave you.
          </p>
          <form
            className="team-connect"
            onSubmit={(e) => {
              e.preventDefault();
              void connect();
            }}
          >
            <label htmlFor="team-url">Team store URL</label>
            <input
              id="team-url"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="postgres://login:password@host:5432/database"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              data-testid="team-url"
            />
            <button type="submit" className="primary" disabled={busy || !url.trim()} data-testid="team-connect">
              {busy ? 'Testing the connection…' : 'Connect'}
            </button>
          </form>
          <p className="muted small">{KEPT[status.kept]}</p>
        </>
      ) : (
        <>
          <dl className="team-state">
            <dt>Store</dt>
            <dd>
              <code data-testid="team-store-url">{status.url}</code>
            </dd>
            <dt>Signed in as</dt>
            <dd data-testid="team-person">
              {status.person ? `${status.person.name} (${status.person.role})` : 'not yet confirmed'}
            </dd>
            <dt>Sync</dt>
            <dd>
              <span data-testid="team-sync-state" data-state={status.state} role="status">
                {syncWords(status)}
              </span>
              {status.lastSyncedAt && status.state !== 'syncing' && (
                <span className="muted"> (last {new Date(status.lastSyncedAt).toLocaleString()})</span>
              )}
            </dd>
            {status.refused > 0 && (
              <>
                <dt>Set aside</dt>
                <dd>{status.refused} rows from the store failed this computer’s checks and were not taken.</dd>
              </>
            )}
          </dl>
          {status.message && status.state !== 'synced' && (
            <p className="banner warning" data-testid="team-sync-message">
              {status.message}
            </p>
          )}
          <div className="actions">
            <button
              onClick={() => void syncNow()}
              disabled={busy || status.state === 'syncing'}
              data-testid="team-sync-now"
            >
              Sync now
            </button>
            <button onClick={() => void disconnect()} disabled={busy} data-testid="team-disconnect">
              Disconnect
            </button>
          </div>
          <p className="muted small">{KEPT[status.kept]}</p>
        </>
      )}
      <ErrorBanner message={error} testId="team-error" />
    </section>
  );
}
