import { useEffect, useState } from 'react';
import type { Profile, ProfileRole } from '../../src-main/core/domain';
import { api } from '../api';
import { useApp } from '../store';
import { RoleChoices } from './RoleChoices';
import { ROLE_LABEL } from './role-home';
import { ErrorBanner } from '../components/ErrorBanner';

/**
 * Settings → People: who is using Sparring here, the others known on this computer (a manager who
 * reviews at the rep's desk, a colleague who practises on it), switching between them, adding one.
 */
export function PeopleSettings() {
  const { me, refreshMe, showToast } = useApp();
  const [people, setPeople] = useState<Profile[]>([]);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<ProfileRole[]>(['rep']);
  const [error, setError] = useState<string | null>(null);
  const reload = () => api.people.list().then(setPeople, (e: Error) => setError(e.message));
  useEffect(() => void reload(), []);

  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await action();
      await Promise.all([reload(), refreshMe()]);
      showToast({ message });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const add = () =>
    run(async () => {
      await api.people.add({ name, roles });
      setName('');
    }, `Added ${name.trim()}.`);

  return (
    <section className="people" aria-labelledby="people-title" data-testid="people">
      <h2 id="people-title">People</h2>
      <p className="muted">
        Attempts belong to the person who practised them; score changes are signed by the manager who made them. A rep
        never reviews their own attempt.
      </p>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Roles</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className="static" data-testid="person">
              <td>
                {p.name} {p.id === me?.id && <span className="badge">you</span>}
              </td>
              <td>{p.roles.map((r) => ROLE_LABEL[r]).join(', ')}</td>
              <td>
                {p.id !== me?.id && (
                  <button
                    onClick={() => void run(() => api.people.use({ id: p.id }), `Sparring is now ${p.name}’s.`)}
                    data-testid={`use-person-${p.id}`}
                  >
                    Switch to {p.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="add-person" onSubmit={(e) => (e.preventDefault(), void add())}>
        <h3>Add a person</h3>
        <label htmlFor="person-name">Name</label>{' '}
        <input
          id="person-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          data-testid="person-name"
        />
        <RoleChoices value={roles} onChange={setRoles} idPrefix="person" />
        <button type="submit" disabled={!name.trim() || !roles.length} data-testid="person-add">
          Add
        </button>
      </form>
      <ErrorBanner message={error} />
    </section>
  );
}
