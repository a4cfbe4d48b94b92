import { useEffect, useRef, useState } from 'react';
import type { Profile, ProfileRole } from '../../src-main/core/domain';
import { api } from '../api';
import { useApp } from '../store';
import { RoleChoices } from './RoleChoices';
import { roleHome } from './role-home';
import { ErrorBanner } from '../components/ErrorBanner';

/**
 * The first run: who is using Sparring here. Attempts are recorded under this name, and reviews
 * signed with it; the roles decide what the app opens on. Someone already known here (imported
 * attempts, a colleague on the same computer) can just pick themselves.
 */
export function WelcomeView() {
  const { go, refreshMe } = useApp();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<ProfileRole[]>(['rep']);
  const [others, setOthers] = useState<Profile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    api.people.list().then(
      (all) => setOthers(all.filter((p) => p.confirmed)),
      () => undefined,
    );
  }, []);
  const done = async (save: () => Promise<unknown>) => {
    try {
      await save();
      go(roleHome(await refreshMe()), { replace: true });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="welcome" data-testid="welcome">
      <h2>Welcome to Sparring</h2>
      <p>
        Who is practising here? Your attempts are kept under your name, and a manager’s reviews are signed with theirs.
      </p>
      <form onSubmit={(e) => (e.preventDefault(), void done(() => api.people.setUpMe({ name, roles })))}>
        <label htmlFor="welcome-name">Your name</label>
        <input
          id="welcome-name"
          ref={input}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={80}
          data-testid="welcome-name"
        />
        <RoleChoices value={roles} onChange={setRoles} idPrefix="welcome" />
        <ErrorBanner message={error} />
        <button className="primary" type="submit" disabled={!name.trim() || !roles.length} data-testid="welcome-start">
          Start
        </button>
      </form>
      {others.length > 0 && (
        <div className="welcome-others">
          <p className="muted">Or are you one of these?</p>
          {others.map((p) => (
            <button key={p.id} onClick={() => void done(() => api.people.use({ id: p.id }))}>
              {p.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
