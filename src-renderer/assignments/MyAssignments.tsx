import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';

type Assignment = ResultOf<'assignments.mine'>[number];
const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** At the top of Today: what a manager asked this rep to practise, by when; overdue first. */
export function MyAssignments({ onStart }: { onStart(scenarioId: string): void }) {
  const [mine, setMine] = useState<Assignment[]>([]);
  useEffect(() => {
    api.assignments.mine({}).then(setMine, () => undefined);
  }, []);
  if (!mine.length) return null;
  const order = { overdue: 0, open: 1, done: 2, cancelled: 3 };
  return (
    <section className="my-assignments" aria-labelledby="assigned-title" data-testid="my-assignments">
      <h3 id="assigned-title">Assigned to you</h3>
      <ul>
        {[...mine]
          .sort((a, b) => order[a.status] - order[b.status] || a.dueOn.localeCompare(b.dueOn))
          .map((a) => (
            <li key={a.id} className={a.status} data-testid="my-assignment" data-status={a.status}>
              <strong>{a.title}</strong>
              {a.kind === 'certification' && <span className="badge">certification</span>}{' '}
              <span className="muted small">
                by {a.manager}, {a.status === 'done' ? 'done' : `due ${DAY.format(new Date(`${a.dueOn}T12:00:00`))}`}
                {a.status === 'overdue' && ' (overdue)'}
              </span>
              {a.note && <span className="muted small"> · “{a.note}”</span>}{' '}
              {a.status !== 'done' && (
                <button onClick={() => onStart(a.scenarioId)} aria-label={`Start ${a.title}`}>
                  Start
                </button>
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
