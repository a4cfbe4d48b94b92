import { useState } from 'react';
import { TurnView } from '../components/TurnView';
import { retryEarlier } from './practice-actions';
import type { EarlierAnswer } from './practice-machine';

/** Answers the rep moved on from while they were scored: each shows its score once it arrives. */
export function EarlierAnswers({ earlier }: { earlier: EarlierAnswer[] }) {
  if (!earlier.length) return null;
  return (
    <section className="earlier-answers" aria-label="Earlier answers" data-testid="earlier-answers">
      {earlier.map((a) => (
        <EarlierAnswerRow key={a.step} answer={a} />
      ))}
    </section>
  );
}

function EarlierAnswerRow({ answer: a }: { answer: EarlierAnswer }) {
  const [open, setOpen] = useState(false);
  const turn = `Turn ${a.step + 1}`;
  const parts = a.progress && a.progress.total > 0 ? ` (${a.progress.done} of ${a.progress.total} parts)` : '';
  return (
    <div className="earlier-answer" data-testid="earlier-answer" data-step={a.step} data-ready={Boolean(a.result)}>
      <span role="status">
        {a.result?.score
          ? `${turn}: scored ${Math.round(a.result.score.overall)}/100`
          : a.error
            ? `${turn}: ${a.error}`
            : `${turn}: being scored…${parts}`}
      </span>
      {a.result && (
        <button className="link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="show-earlier">
          {open ? 'Hide feedback' : 'Show feedback'}
        </button>
      )}
      {a.error && !a.result && (
        <button className="link" onClick={() => void retryEarlier(a.step)}>
          Try transcribing again
        </button>
      )}
      {open && a.result && <TurnView turn={a.result} />}
    </div>
  );
}
