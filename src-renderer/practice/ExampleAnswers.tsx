import { useState } from 'react';
import type { ResultOf } from '../../src-main/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Transcript } from '../components/Transcript';

type Examples = ResultOf<'turns.examples'>;

/**
 * "See an example answer": the scenario's passing example answers for this turn, with the words
 * that earn each point highlighted, right after the rep's own answer. Loaded only when asked for.
 */
export function ExampleAnswers({ attemptId, step }: { attemptId: number; step: number }) {
  const [examples, setExamples] = useState<Examples | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setOpen((o) => !o);
    if (examples) return;
    try {
      setExamples(await api.turns.examples({ attemptId, step }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="examples">
      <button className="link" onClick={() => void toggle()} aria-expanded={open} data-testid="examples-toggle">
        {open ? 'Hide the example answers' : 'See an example answer'}
      </button>
      <ErrorBanner message={error} />
      {open && examples && examples.length === 0 && (
        <p className="muted" data-testid="no-examples">
          This turn has no example answer yet.
        </p>
      )}
      {open &&
        examples?.map((e, i) => (
          <figure key={i} className="example" data-testid="example-answer">
            <Transcript transcript={{ text: e.answer, words: [] }} evidence={e.evidence} />
            <figcaption className="muted small">
              Scores {e.overall}
              {e.criteria.length > 0 && ` · earns: ${e.criteria.join(', ')}`}
              {e.note && ` · ${e.note}`}
            </figcaption>
          </figure>
        ))}
    </div>
  );
}
