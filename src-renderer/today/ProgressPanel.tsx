import { lazy, Suspense, useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { hashFromView } from '../router';

// The chart library comes with the chart, when Progress is opened.
const SkillChart = lazy(() => import('./SkillChart').then((m) => ({ default: m.SkillChart })));

type Progress = ResultOf<'plan.progress'>;
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** Progress over weeks: the skill chart and personal bests, read when opened. */
export function ProgressPanel() {
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open && !progress) api.plan.progress({}).then(setProgress, (e: Error) => setError(e.message));
  }, [open, progress]);
  return (
    <details className="progress" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary data-testid="progress-toggle">Progress over {progress?.trend.weeks.length ?? 12} weeks</summary>
      <ErrorBanner message={error} />
      {open && !progress && !error && <p className="muted">Reading your progress…</p>}
      {progress && (
        <>
          {progress.trend.skills.length === 0 ? (
            <p className="empty">Finish a role-play or a drill and your skills show up here, week by week.</p>
          ) : (
            <Suspense fallback={<p className="muted">Drawing the chart…</p>}>
              <SkillChart trend={progress.trend} />
            </Suspense>
          )}
          {progress.bests.length > 0 && (
            <>
              <h3>Personal bests</h3>
              <ul className="bests">
                {progress.bests.slice(0, 8).map((b) => (
                  <li key={b.scenarioId} data-testid="best" data-scenario={b.scenarioId} data-new={b.isNew}>
                    <a href={hashFromView({ name: 'attempt', id: b.attemptId })}>{b.title}</a>{' '}
                    <strong>{Math.round(b.score)}</strong>{' '}
                    <span className="muted small">{DAY.format(new Date(b.at))}</span>
                    {b.isNew && <span className="badge earned">new this week</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </details>
  );
}
