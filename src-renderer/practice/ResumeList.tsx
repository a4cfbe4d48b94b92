import { useEffect, useState } from 'react';
import type { AttemptSummary } from '../../src-main/core/domain';
import { api } from '../api';
import { useApp } from '../store';

/** Role-plays that were left or cut short, to pick up where they stopped (the newest three). */
export function ResumeList() {
  const go = useApp((s) => s.go);
  const [items, setItems] = useState<AttemptSummary[]>([]);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    api.attempts.list({ status: 'incomplete', limit: 3 }).then(
      (r) => {
        setItems(r.items);
        setTotal(r.total);
      },
      () => undefined, // the picker works without it
    );
  }, []);
  if (!items.length) return null;
  return (
    <section className="resume" aria-labelledby="resume-title" data-testid="resume-list">
      <h2 id="resume-title">Pick up where you left off</h2>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            <span>
              {a.scenarioTitle} <span className="muted small">#{a.id}</span>{' '}
              <span className="muted small">
                · {a.turnCount} answered · {new Date(a.startedAt).toLocaleString()}
              </span>
            </span>
            <button
              onClick={() => go({ name: 'practice', resumeAttemptId: a.id })}
              aria-label={`Resume attempt #${a.id}, ${a.scenarioTitle}`}
              data-testid={`resume-${a.id}`}
            >
              Resume
            </button>
          </li>
        ))}
      </ul>
      {total > items.length && (
        <button
          className="link"
          onClick={() => go({ name: 'history', query: { page: 1, sort: 'newest', status: 'incomplete' } })}
        >
          All {total} incomplete attempts
        </button>
      )}
    </section>
  );
}
