import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import type { Profile } from '../../src-main/core/domain';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { hashFromView } from '../router';
import { useApp } from '../store';

type Assignment = ResultOf<'assignments.given'>[number];
const STATUS = { open: 'open', overdue: 'overdue', done: 'done', cancelled: 'cancelled' } as const;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The manager's assignments, above the review queue: assign a scenario or drill (or a
 * certification) to reps by a date with a note, and see each one open, overdue or done.
 */
export function AssignmentsPanel() {
  const me = useApp((s) => s.me);
  const showToast = useApp((s) => s.showToast);
  const [given, setGiven] = useState<Assignment[]>([]);
  const [reps, setReps] = useState<Profile[]>([]);
  const [scenarios, setScenarios] = useState<{ id: string; title: string; certification: boolean }[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [scenarioId, setScenarioId] = useState('');
  const [dueOn, setDueOn] = useState(inDays(7));
  const [note, setNote] = useState('');
  const [certify, setCertify] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = () => api.assignments.given({}).then(setGiven, (e: Error) => setError(e.message));
  useEffect(() => {
    void reload();
    api.people.list({}).then((p) => setReps(p.filter((x) => x.roles.includes('rep') && x.id !== me?.id)));
    api.scenarios
      .list({})
      .then((l) => setScenarios(l.valid.map((s) => ({ id: s.id, title: s.title, certification: !!s.certification }))));
  }, [me?.id]);

  const assign = async () => {
    setError(null);
    try {
      const made = await api.assignments.create({
        scenarioId,
        repIds: chosen,
        dueOn,
        note: note.trim() || undefined,
        kind: certify ? 'certification' : 'practice',
      });
      showToast({ message: `Assigned to ${made.map((a) => a.rep).join(', ')}, due ${dueOn}.` });
      setChosen([]);
      setNote('');
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const cancel = async (a: Assignment) => {
    try {
      await api.assignments.cancel({ id: a.id });
      showToast({ message: `Cancelled ${a.title} for ${a.rep}.` });
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const open = given.filter((a) => a.status === 'open').length;
  const overdue = given.filter((a) => a.status === 'overdue').length;
  const scenario = scenarios.find((s) => s.id === scenarioId);
  return (
    <details className="assignments" data-testid="assignments">
      <summary>Assignments{given.length ? ` (${open} open${overdue ? `, ${overdue} overdue` : ''})` : ''}</summary>
      <form
        className="assign-form"
        onSubmit={(e) => {
          e.preventDefault();
          void assign();
        }}
      >
        <fieldset>
          <legend>Reps</legend>
          {reps.length === 0 && <p className="muted small">No reps here yet: they appear once their attempts are.</p>}
          {reps.map((r) => (
            <label key={r.id}>
              <input
                type="checkbox"
                checked={chosen.includes(r.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((id) => id !== r.id))}
                data-testid="assign-rep"
              />{' '}
              {r.name}
            </label>
          ))}
        </fieldset>
        <label htmlFor="assign-scenario">Scenario or drill</label>
        <select
          id="assign-scenario"
          value={scenarioId}
          onChange={(e) => setScenarioId(e.target.value)}
          data-testid="assign-scenario"
        >
          <option value="">Choose…</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        {scenario?.certification && (
          <label>
            <input type="checkbox" checked={certify} onChange={(e) => setCertify(e.target.checked)} /> As a
            certification (done when passed)
          </label>
        )}
        <label htmlFor="assign-due">Due</label>
        <input
          id="assign-due"
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          data-testid="assign-due"
        />
        <label htmlFor="assign-note">Note for the rep (optional)</label>
        <input id="assign-note" type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="primary" disabled={!scenarioId || !chosen.length} data-testid="assign">
          Assign
        </button>
      </form>
      <ErrorBanner message={error} testId="assign-error" />
      {given.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Rep</th>
              <th>Scenario</th>
              <th>Due</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {given.map((a) => (
              <tr key={a.id} className="static" data-testid="assignment" data-status={a.status}>
                <td>{a.rep}</td>
                <td>
                  {a.title}
                  {a.kind === 'certification' && <span className="badge">certification</span>}
                </td>
                <td>{a.dueOn}</td>
                <td className={`status ${a.status}`}>
                  {a.status === 'done' && a.doneAttemptId !== null ? (
                    <a href={hashFromView({ name: 'attempt', id: a.doneAttemptId })}>done</a>
                  ) : (
                    STATUS[a.status]
                  )}
                </td>
                <td>
                  {(a.status === 'open' || a.status === 'overdue') && (
                    <button className="link" onClick={() => void cancel(a)}>
                      Cancel
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
