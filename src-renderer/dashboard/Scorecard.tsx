import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { type TeamQuery, hashFromView } from '../router';
import { useApp } from '../store';
import { CertificationList, heatClass } from './dashboard-parts';
import { downloadCsv, printReport } from './report-output';

type Card = ResultOf<'dashboard.scorecard'>;

/**
 * One rep's scorecard over the dashboard's range: each skill's mastery beside the team's mean and
 * its change, practice and certifications; as CSV, or printed / saved as PDF for a 1:1.
 */
export function Scorecard({ repId, query }: { repId: number; query: TeamQuery }) {
  const { showToast } = useApp();
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setCard(null);
    setError(null);
    api.dashboard.scorecard({ repId, from: query.from, to: query.to }).then(
      (c) => current && setCard(c),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [repId, query.from, query.to]);
  if (error) return <ErrorBanner message={error} />;
  if (!card) return <p className="muted">Loading the scorecard…</p>;
  const r = card.rep;
  const print = async () => {
    try {
      const saved = await printReport(card.fileName.replace(/\.csv$/, ''));
      if (saved) showToast({ message: `Saved the scorecard as ${saved}.` });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="scorecard report" aria-labelledby="scorecard-title" data-testid="scorecard">
      <p className="no-print">
        <a href={hashFromView({ name: 'team', query })}>← Team dashboard</a>
      </p>
      <header className="report-head">
        <h2 id="scorecard-title">Scorecard: {r.name}</h2>
        <p className="muted">
          {card.from} to {card.to}
        </p>
        <div className="actions no-print">
          <button onClick={() => downloadCsv(card.fileName, card.csv)} data-testid="scorecard-csv">
            Download CSV
          </button>
          <button onClick={() => void print()}>Print or save as PDF</button>
        </div>
      </header>
      {card.skills.length === 0 ? (
        <p className="empty">No scored attempts in the 120 days up to {card.to}.</p>
      ) : (
        <table className="heatmap" data-testid="scorecard-skills">
          <caption className="visually-hidden">
            Mastery per skill, the team's mean and the change over the range
          </caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Mastery</th>
              <th scope="col">Team mean</th>
              <th scope="col">Change</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {card.skills.map((s) => (
              <tr key={s.skill}>
                <th scope="row">{s.skill}</th>
                <td className={heatClass(s.score)}>{s.score ?? '–'}</td>
                <td>{s.teamMean ?? '–'}</td>
                <td>{s.change === null ? '–' : `${s.change > 0 ? '+' : ''}${s.change}`}</td>
                <td>{s.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Practice</h3>
      <ul>
        <li>
          {r.minutes} minutes ({r.minutesPerWeek} a week), {r.attempts} attempts
        </li>
        <li>
          Streak: {r.streak} days; last practised {r.lastPractised ?? 'never'}
        </li>
        <li>
          Weekly goal of {r.goal.minutesPerWeek} minutes met in {r.goal.weeksMet} of {r.goal.weeks} weeks
        </li>
        <li>
          Assignments: {r.assignments.done} done, {r.assignments.overdue} overdue, {r.assignments.open} open
        </li>
      </ul>
      <h3>Certifications</h3>
      <CertificationList reps={[r]} />
    </section>
  );
}
