import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { DEFAULT_HISTORY, hashFromView } from '../router';
import { ProgressPanel } from './ProgressPanel';
import { MyAssignments } from '../assignments/MyAssignments';

type Today = ResultOf<'plan.today'>;

const WHY = { renew: 'Certification', due: 'Due', weakest: 'Weakest skill', new: 'New' } as const;
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * Today, at the top of the practice screen (the rep's home): a short plan on a forgetting-curve
 * schedule, one button to start it, what each item is for, the streak and the week's minutes, and
 * how each skill is held. Never in the way: the library stays below.
 */
export function TodayPanel({ onStart }: { onStart(scenarioId: string): void }) {
  const [today, setToday] = useState<Today | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.plan.today({}).then(setToday, (e: Error) => setError(e.message));
  }, []);
  if (error) return <ErrorBanner message={error} />;
  if (!today) return <p className="muted">Working out today’s plan…</p>;
  const next = today.plan.find((i) => !i.done);
  const { streak, week } = today;
  return (
    <section className="today" aria-labelledby="today-title" data-testid="today">
      <div className="today-head">
        <h2 id="today-title">Today</h2>
        <p className="muted" data-testid="today-stats">
          <span data-testid="streak" data-days={streak.days}>
            {streak.days === 0
              ? 'No streak yet'
              : `${streak.days}-day streak${streak.practisedToday ? '' : ' (practise today to keep it)'}`}
          </span>
          {' · '}
          <span data-testid="week-minutes" data-goal={week.goalMinutes}>
            {week.minutes} of {week.goalMinutes} minutes this week
          </span>{' '}
          <a href={hashFromView({ name: 'settings' })} className="small" data-testid="week-goal-link">
            goal
          </a>
        </p>
      </div>
      <MyAssignments onStart={onStart} />
      {today.badges.length > 0 && (
        <p className="badges" data-testid="badges">
          {today.badges.map((b) => (
            <span key={b.id} className="badge earned" title={b.detail} data-testid="badge" data-badge={b.id}>
              ★ {b.title}
            </span>
          ))}
        </p>
      )}
      {today.certifications.length > 0 && (
        <p className="small" data-testid="certifications">
          Certified:{' '}
          {today.certifications.map((c, i) => (
            <span
              key={c.scenarioId}
              className={c.expired ? 'expired' : ''}
              data-testid="certified"
              data-expired={c.expired}
            >
              {i > 0 && ' · '}
              {c.title}{' '}
              {c.validUntil === null
                ? '(for good)'
                : c.expired
                  ? `(expired ${DAY.format(new Date(c.validUntil))})`
                  : `(until ${DAY.format(new Date(c.validUntil))})`}
            </span>
          ))}
        </p>
      )}
      {today.plan.length === 0 ? (
        <p className="empty">Nothing planned: your library has no scenario that fits. Pick one below.</p>
      ) : (
        <>
          <ol className="plan">
            {today.plan.map((i) => (
              <li
                key={i.scenarioId}
                className={i.done ? 'done' : ''}
                data-testid="plan-item"
                data-scenario={i.scenarioId}
              >
                <span className="tick" aria-hidden="true">
                  {i.done ? '✓' : '○'}
                </span>
                <span className="plan-title">
                  {i.title} <span className="badge">{WHY[i.why]}</span>
                  <span className="muted small"> · {i.minutes} min</span>
                  <br />
                  <span className="muted small" data-testid="plan-reason">
                    {i.reason}
                  </span>
                </span>
                {i.done ? (
                  <span className="muted small">done today</span>
                ) : (
                  <button onClick={() => onStart(i.scenarioId)} aria-label={`Start ${i.title}`}>
                    Start
                  </button>
                )}
              </li>
            ))}
          </ol>
          {next ? (
            <button className="primary" onClick={() => onStart(next.scenarioId)} data-testid="today-start">
              Start today’s plan ({today.plannedMinutes} min)
            </button>
          ) : (
            <p data-testid="plan-done">Today’s plan is done. See you tomorrow.</p>
          )}
        </>
      )}
      <ProgressPanel />
      {today.skills.length > 0 && (
        <details className="skills">
          <summary>How your skills are holding</summary>
          <ul>
            {today.skills.map((s) => (
              <li key={s.skill} data-testid="skill" data-skill={s.skill}>
                <a
                  className="skill-name"
                  href={hashFromView({ name: 'history', query: { ...DEFAULT_HISTORY, skill: s.skill } })}
                >
                  {s.skill}
                </a>
                <meter
                  min={0}
                  max={100}
                  low={60}
                  high={80}
                  optimum={100}
                  value={s.score}
                  aria-label={`${s.skill} mastery`}
                />
                <span>{s.score}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
