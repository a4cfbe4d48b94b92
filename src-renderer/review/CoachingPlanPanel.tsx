import { useEffect, useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import type { AttemptDetail } from '../../src-main/core/domain';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';

type Choices = ResultOf<'review.planChoices'>;

/**
 * The coaching plan of an attempt: what the rep should work on next (one to three skills, a note,
 * a scenario or drill to practise). The rep reads it and starts the suggested practice in one
 * click; the reviewing manager writes it here, beside the scores.
 */
export function CoachingPlanPanel({
  attempt,
  canReview,
  onChange,
}: {
  attempt: AttemptDetail;
  canReview: boolean;
  onChange(a: AttemptDetail): void;
}) {
  const go = useApp((s) => s.go);
  const plan = attempt.plan;
  const [editing, setEditing] = useState(false);
  if (attempt.status !== 'complete' || (!plan && !canReview)) return null;
  return (
    <section className="coaching-plan" aria-label="Coaching plan" data-testid="coaching-plan">
      <h3>Coaching plan</h3>
      {editing && canReview ? (
        <PlanForm attempt={attempt} onDone={(a) => (a && onChange(a), setEditing(false))} />
      ) : plan ? (
        <>
          <p>
            Focus on: <strong data-testid="plan-skills">{plan.skills.join(', ')}</strong>
          </p>
          {plan.note && <p data-testid="plan-note">{plan.note}</p>}
          {plan.suggestedScenarioId && (
            <p>
              Practise next: {plan.suggestedScenarioTitle ?? `${plan.suggestedScenarioId} (not in your library)`}{' '}
              {plan.suggestedScenarioTitle && (
                <button
                  className="primary"
                  onClick={() => go({ name: 'practice', startScenarioId: plan.suggestedScenarioId! })}
                  data-testid="plan-start"
                >
                  Start it now
                </button>
              )}
            </p>
          )}
          <p className="muted small">
            {plan.author} · {new Date(plan.updatedAt).toLocaleString()}{' '}
            {canReview && (
              <button className="link" onClick={() => setEditing(true)} data-testid="plan-edit">
                Change
              </button>
            )}
          </p>
        </>
      ) : (
        <p className="muted">
          No plan yet.{' '}
          <button className="link" onClick={() => setEditing(true)} data-testid="plan-edit">
            Write a coaching plan
          </button>
        </p>
      )}
    </section>
  );
}

function PlanForm({ attempt, onDone }: { attempt: AttemptDetail; onDone(a: AttemptDetail | null): void }) {
  const [choices, setChoices] = useState<Choices | null>(null);
  const [skills, setSkills] = useState<string[]>(attempt.plan?.skills ?? []);
  const [custom, setCustom] = useState('');
  const [note, setNote] = useState(attempt.plan?.note ?? '');
  const [scenario, setScenario] = useState(attempt.plan?.suggestedScenarioId ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.review.planChoices().then(setChoices, (e: Error) => setError(e.message));
  }, []);
  const toggle = (skill: string) =>
    setSkills((s) => (s.includes(skill) ? s.filter((k) => k !== skill) : s.length < 3 ? [...s, skill] : s));
  const save = async () => {
    setError(null);
    try {
      onDone(
        await api.review.setPlan({
          attemptId: attempt.id,
          skills,
          ...(note.trim() && { note }),
          ...(scenario && { suggestedScenarioId: scenario }),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async () => {
    try {
      onDone(await api.review.clearPlan({ attemptId: attempt.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const all = [...new Set([...(choices?.skills ?? []), ...skills])];
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>Focus skills (one to three)</legend>
        {all.map((s) => (
          <label key={s} className="chip">
            <input
              type="checkbox"
              checked={skills.includes(s)}
              disabled={!skills.includes(s) && skills.length >= 3}
              onChange={() => toggle(s)}
              data-testid="plan-skill"
              value={s}
            />{' '}
            {s}
          </label>
        ))}
        <input
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || !custom.trim()) return;
            e.preventDefault();
            if (skills.length < 3) setSkills((s) => [...s, custom.trim()]);
            setCustom('');
          }}
          placeholder="Another skill, then Enter"
          aria-label="Another skill"
          maxLength={60}
        />
      </fieldset>
      <label>
        Note for the rep
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          data-testid="plan-note-input"
        />
      </label>
      <label>
        Practise next{' '}
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="plan-scenario">
          <option value="">(no suggestion)</option>
          {choices?.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.kind === 'drill' ? 'Drill: ' : ''}
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button className="primary" type="submit" disabled={!skills.length} data-testid="plan-save">
          Save plan
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        {attempt.plan && (
          <button type="button" className="link" onClick={() => void remove()}>
            Remove the plan
          </button>
        )}
      </div>
      <ErrorBanner message={error} />
    </form>
  );
}
