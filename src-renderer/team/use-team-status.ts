import { useEffect, useState } from 'react';
import type { TeamSyncStatus } from '../../src-main/core/domain';
import { api } from '../api';

/** Where the team sync stands, kept current by its events (and a re-read each minute for "2 min ago"). */
export function useTeamStatus(): [TeamSyncStatus | null, (s: TeamSyncStatus) => void] {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  useEffect(() => {
    const read = () => api.team.status().then(setStatus, () => undefined);
    void read();
    const timer = setInterval(read, 60_000);
    const off = api.events.subscribe((e) => {
      if (e.type === 'team.sync') setStatus(e.status);
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, []);
  return [status, setStatus];
}

/** "synced 2 min ago" / "3 waiting" / "offline": the header's words for where the sync stands. */
export function syncWords(s: TeamSyncStatus, now = Date.now()): string {
  if (s.state === 'syncing') return 'syncing…';
  if (s.state === 'offline') return s.waiting ? `offline · ${s.waiting} waiting` : 'offline';
  if (s.state === 'error') return 'sync failed';
  if (s.waiting) return `${s.waiting} waiting`;
  if (!s.lastSyncedAt) return 'not synced yet';
  const minutes = Math.floor((now - Date.parse(s.lastSyncedAt)) / 60_000);
  if (minutes < 1) return 'synced just now';
  return `synced ${minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`}`;
}
