import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { type TeamQuery, hashFromView } from '../router';
import { useApp } from '../store';
import { DashboardFilters } from './DashboardFilters';
import { CertificationList, heatClass } from './dashboard-parts';
import { downloadCsv, printReport } from './report-output';

const SkillChart = lazy(() => import('../today/SkillChart').then((m) => ({ default: m.SkillChart })));

type Board = ResultOf<'dashboard.team'>;
type Cell = ResultOf<'dashboard.cell'>;

const queryOf = (q: TeamQuery) => ({ from: q.from, to: q.to, repIds: q.reps });

/**
 * The manager's team dashboard: who holds which skill (a rep × skill heatmap, each cell opening
 * the attempts behind it), how the team moves per skill, who practises, who is certified, and an
 * optional leaderboard. Filters live in the address, so a view can be bookmarked or shared.
 */
export function TeamDashboard({ query }: { query: TeamQuery }) {
  const { go, showToast } = useApp();
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the latest request may fill the page (filters changed quickly answer out of order).
  const latest = useRef(0);
  const opener = useRef<HTMLElement | null>(null);
  const load = useCallback(() => {
    const ticket = ++latest.current;
    return api.dashboard.team(queryOf(query)).then(
      (b) => {
        if (ticket !== latest.current) return;
        setBoard(b);
        setError(null);
      },
      (e: Error) => ticket === latest.current && setError(e.message),
    );
  }, [query]);
  useEffect(() => {
    setCell(null);
    void load();
  }, [load]);

  const openCell = async (repId: number, skill: string) => {
    opener.current = document.activeElement as HTMLElement | null;
    try {
      setCell(await api.dashboard.cell({ repId, skill, to: board?.to }));
      requestAnimationFrame(() => document.getElementById('cell-title')?.focus());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportCsv = async () => {
    setBusy(true);
    try {
      const { fileName, csv, rows } = await api.dashboard.csv(queryOf(query));
      downloadCsv(fileName, csv);
      showToast({ message: `Exported ${fileName} (${rows} rep${rows === 1 ? '' : 's'}).` });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const print = async () => {
    try {
      const saved = await printReport(`sparring-team-${board?.from}-to-${board?.to}`);
      if (saved) showToast({ message: `Saved the report as ${saved}.` });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const toggleLeaderboard = async (enabled: boolean) => {
    // Shown switched at once; the entries follow from the reload (and a failure switches it back).
    const flip = (on: boolean) => setBoard((b) => b && { ...b, leaderboard: { ...b.leaderboard, enabled: on } });
    flip(enabled);
    try {
      await api.dashboard.setLeaderboard({ enabled });
      await load();
    } catch (e) {
      flip(!enabled);
      setError((e as Error).message);
    }
  };

  if (error && !board) return <ErrorBanner message={error} />;
  if (!board) return <p className="muted">Loading the team dashboard…</p>;
  return (
    <section className="dashboard report" aria-labelledby="dashboard-title" data-testid="dashboard">
      <header className="report-head">
        <h2 id="dashboard-title">Team dashboard</h2>
        <p className="muted print-only">
          {board.from} to {board.to} · {board.reps.length} reps
        </p>
        <div className="actions no-print">
          <button onClick={() => void exportCsv()} disabled={busy} data-testid="export-csv">
            Download CSV
          </button>
          <button onClick={() => void print()} data-testid="print-report">
            Print or save as PDF
          </button>
        </div>
      </header>
      {error && <ErrorBanner message={error} />}
      <DashboardFilters board={board} query={query} onChange={(q) => go({ name: 'team', query: q })} />

      {board.team.length === 0 ? (
        <p className="empty" data-testid="dashboard-empty">
          No reps here yet. Add them in Settings → People, or connect the team store in Settings → Team.
        </p>
      ) : (
        <>
          <h3>Mastery by skill</h3>
          {board.skills.length === 0 ? (
            <p className="empty">Nobody shown has a scored attempt in the 120 days up to {board.to}.</p>
          ) : (
            <div className="table-scroll">
              <table className="heatmap" data-testid="heatmap">
                <caption className="visually-hidden">
                  Mastery (0–100) per rep and skill on {board.to}; a cell opens the attempts behind it
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Rep</th>
                    {board.skills.map((s) => (
                      <th key={s} scope="col">
                        {s}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {board.reps.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <a href={hashFromView({ name: 'scorecard', repId: r.id, query })} data-testid="scorecard-link">
                          {r.name}
                        </a>
                      </th>
                      {board.skills.map((s) => {
                        const m = r.mastery[s];
                        return (
                          <td key={s} className={heatClass(m?.score ?? null)}>
                            {m ? (
                              <button
                                className="cell"
                                onClick={() => void openCell(r.id, s)}
                                aria-label={`${r.name}, ${s}: ${m.score} from ${m.answers} answers; show the attempts`}
                                data-testid="heat-cell"
                                data-rep={r.name}
                                data-skill={s}
                              >
                                {m.score}
                              </button>
                            ) : (
                              <span>
                                <span aria-hidden="true">–</span>
                                <span className="visually-hidden">not practised</span>
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {cell && (
            <CellAttempts
              cell={cell}
              onClose={() => {
                setCell(null);
                // Back to the cell that opened it.
                opener.current?.focus();
              }}
            />
          )}

          <h3>Team trend per skill</h3>
          <Suspense fallback={<p className="muted">Loading the chart…</p>}>
            <SkillChart trend={board.trends} caption="The team's mean mastery per skill at the end of each week." />
          </Suspense>

          <h3>Engagement</h3>
          <EngagementTable board={board} />

          <h3>Certifications</h3>
          <CertificationList reps={board.reps} />

          <Leaderboard board={board} onToggle={(on) => void toggleLeaderboard(on)} />
        </>
      )}
    </section>
  );
}

function CellAttempts({ cell, onClose }: { cell: Cell; onClose: () => void }) {
  return (
    <section
      className="cell-attempts"
      aria-labelledby="cell-title"
      data-testid="cell-attempts"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h4 id="cell-title" tabIndex={-1}>
        {cell.rep} · {cell.skill}: {cell.attempts.length} attempt{cell.attempts.length === 1 ? '' : 's'} from{' '}
        {cell.from} to {cell.to}
      </h4>
      <ol>
        {cell.attempts.map((a) => (
          <li key={a.attemptId}>
            <a href={hashFromView({ name: 'attempt', id: a.attemptId })} data-testid="cell-attempt">
              {a.title}
            </a>{' '}
            <span className="muted">
              {new Date(a.at).toLocaleDateString()} · {a.score} on this skill
            </span>
          </li>
        ))}
      </ol>
      <button className="no-print" onClick={onClose} title="Close (Esc)">
        Close
      </button>
    </section>
  );
}

function EngagementTable({ board }: { board: Board }) {
  return (
    <div className="table-scroll">
      <table data-testid="engagement">
        <caption className="visually-hidden">
          Practice per rep from {board.from} to {board.to}
        </caption>
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col">Minutes a week</th>
            <th scope="col">Attempts</th>
            <th scope="col">Streak</th>
            <th scope="col">Weekly goal met</th>
            <th scope="col">Assignments done</th>
            <th scope="col">Overdue</th>
            <th scope="col">Last practised</th>
          </tr>
        </thead>
        <tbody>
          {board.reps.map((r) => {
            // Every figure opens the attempts behind it: the rep's history over the range, or over the
            // streak's days (one forgiven day a week at most).
            const history = (from: string, to: string) =>
              hashFromView({ name: 'history', query: { page: 1, sort: 'newest', repId: r.id, from, to } });
            const inRange = history(board.from, board.to);
            const streakFrom = r.lastPractised
              ? dayBefore(r.lastPractised, r.streak - 1 + Math.ceil(r.streak / 7))
              : board.from;
            const assignments = hashFromView({ name: 'queue', query: { page: 1, sort: 'oldest', repId: r.id } });
            return (
              <tr key={r.id} data-testid="engagement-row" data-rep={r.name}>
                <th scope="row">{r.name}</th>
                <td>
                  <a href={inRange} aria-label={`${r.minutesPerWeek} minutes a week by ${r.name}: the attempts`}>
                    {r.minutesPerWeek}
                  </a>
                </td>
                <td>
                  <a href={inRange} aria-label={`${r.attempts} attempts by ${r.name}: open them in History`}>
                    {r.attempts}
                  </a>
                </td>
                <td>
                  {r.streak > 0 ? (
                    <a
                      href={history(streakFrom, r.lastPractised!)}
                      aria-label={`${r.streak} d: ${r.name}'s streak, its attempts`}
                    >
                      {r.streak} d
                    </a>
                  ) : (
                    '0 d'
                  )}
                </td>
                <td>
                  <a href={inRange}>
                    {r.goal.weeksMet} of {r.goal.weeks} weeks ({r.goal.minutesPerWeek} min)
                  </a>
                </td>
                <td>
                  <a href={assignments} aria-label={`${r.assignments.done} assignments done by ${r.name}`}>
                    {r.assignments.done}
                  </a>
                </td>
                <td className={r.assignments.overdue ? 'warn-text' : ''}>
                  <a href={assignments} aria-label={`${r.assignments.overdue} assignments overdue for ${r.name}`}>
                    {r.assignments.overdue}
                  </a>
                </td>
                <td>
                  {r.lastPractised ? (
                    <a href={history(r.lastPractised, r.lastPractised)}>{r.lastPractised}</a>
                  ) : (
                    'never'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Leaderboard({ board, onToggle }: { board: Board; onToggle: (on: boolean) => void }) {
  const lb = board.leaderboard;
  return (
    <section aria-labelledby="leaderboard-title" data-testid="leaderboard">
      <h3 id="leaderboard-title">Leaderboard</h3>
      <label className="no-print">
        <input type="checkbox" checked={lb.enabled} onChange={(e) => onToggle(e.target.checked)} /> Show a leaderboard
        for this team (practice minutes and improvement, never scores alone)
      </label>
      {lb.enabled && (
        <table>
          <caption className="visually-hidden">
            Practice minutes and improvement, {lb.from} to {lb.to}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Rep</th>
              <th scope="col">Minutes, last 7 days</th>
              <th scope="col">Improvement</th>
            </tr>
          </thead>
          <tbody>
            {lb.entries.map((e) => (
              <tr key={e.repId} data-testid="leaderboard-row">
                <td>{e.rank}</td>
                <th scope="row">{e.rep}</th>
                <td>{e.minutes}</td>
                <td>{e.improvement === null ? '–' : `${e.improvement > 0 ? '+' : ''}${e.improvement} points`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A YYYY-MM-DD day `n` days before another, on the calendar. */
function dayBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}
