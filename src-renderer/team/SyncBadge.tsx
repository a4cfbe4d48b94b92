import { useApp } from '../store';
import { syncWords, useTeamStatus } from './use-team-status';

/** The header's sync state when a team store is set up; nothing at all for a private, local copy. */
export function SyncBadge() {
  const go = useApp((s) => s.go);
  const [status] = useTeamStatus();
  if (!status?.configured) return null;
  return (
    <button
      className={`sync-badge ${status.state}`}
      onClick={() => go({ name: 'settings' })}
      title={status.message ?? 'Team sync (Settings → Team)'}
      data-testid="sync-badge"
      data-state={status.state}
    >
      {syncWords(status)}
    </button>
  );
}
