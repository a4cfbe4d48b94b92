import { useState } from 'react';
import { submitTyped } from './practice-actions';
import type { Phase } from './practice-machine';

/** Answering in writing (no speech model yet, a microphone problem, or the rep's choice): scored the same way. */
export function TypedAnswer({
  phase,
  modelMissing,
  onVoice,
}: {
  phase: Phase;
  modelMissing: boolean;
  onVoice(): void;
}) {
  const [text, setText] = useState('');
  const submit = async () => {
    if (await submitTyped(text)) setText('');
  };
  return (
    <div className="typed" data-testid="typed-mode">
      {modelMissing && (
        <p className="muted small">
          No speech model yet, so answers are typed for now; they are scored the same way (pace and pauses need audio).
        </p>
      )}
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && void submit()}
        rows={4}
        placeholder="Type what you would say to the buyer"
        aria-label="Your answer"
        data-testid="typed-answer"
      />
      <div className="actions">
        <button
          className="primary"
          onClick={() => void submit()}
          disabled={!text.trim() || phase !== 'ready'}
          data-testid="submit-typed"
        >
          Score my answer
        </button>
        <span className="muted small">Ctrl+Enter</span>
        {!modelMissing && (
          <button className="link" onClick={onVoice}>
            Answer out loud instead
          </button>
        )}
      </div>
    </div>
  );
}
