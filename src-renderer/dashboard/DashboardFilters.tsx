import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import type { TeamQuery } from '../router';

type Board = ResultOf<'dashboard.team'>;

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/** The dashboard's date range (with presets) and which reps it shows. */
export function DashboardFilters({
  board,
  query,
  onChange,
}: {
  board: Board;
  query: TeamQuery;
  onChange: (q: TeamQuery) => void;
}) {
  const [from, setFrom] = useState(board.from);
  const [to, setTo] = useState(board.to);
  useEffect(() => {
    setFrom(board.from);
    setTo(board.to);
  }, [board.from, board.to]);
  const shown = new Set(query.reps?.length ? query.reps : board.team.map((r) => r.id));
  const toggle = (id: number, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(id);
    else next.delete(id);
    // At least one rep stays shown; all of them is no filter at all.
    if (next.size === 0) return;
    onChange({ ...query, reps: next.size < board.team.length ? [...next] : undefined });
  };
  return (
    <form
      className="filters no-print"
      aria-label="Dashboard filters"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...query, from, to });
      }}
    >
      <label>
        From <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label>
        To <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <button type="submit" data-testid="apply-range">
        Show
      </button>
      <span className="presets" role="group" aria-label="Ranges">
        {[
          ['4 weeks', 27],
          ['12 weeks', 83],
          ['A year', 364],
        ].map(([label, days]) => (
          <button
            key={label}
            type="button"
            onClick={() => onChange({ ...query, from: daysAgo(days as number), to: undefined })}
          >
            {label}
          </button>
        ))}
      </span>
      <details className="rep-filter" data-testid="rep-filter">
        <summary>
          Reps: {query.reps?.length ? `${query.reps.length} of ${board.team.length}` : `all ${board.team.length}`}
        </summary>
        <fieldset>
          <legend className="visually-hidden">Reps to show</legend>
          {board.team.map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={shown.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />{' '}
              {r.name}
            </label>
          ))}
          {query.reps?.length ? (
            <button type="button" onClick={() => onChange({ ...query, reps: undefined })}>
              Show all reps
            </button>
          ) : null}
        </fieldset>
      </details>
    </form>
  );
}
