import { useState } from 'react';
import { submitTyped, typeInstead } from './practice-actions';
import type { Phase } from './practice-machine';

/** Answering in writing (no speech model yet, a microphone problem, or the rep's choice): scored the same way. */
export function TypedAnswer({
  phase,
  modelMissing = false,
  instead = false,
  onVoice,
}: {
  phase: Phase;
  modelMissing?: boolean;
  /** Typed instead of a spoken answer still being transcribed (its recording is kept). */
  instead?: boolean;
  onVoice(): void;
}) {
  const [text, setText] = useState('');
  const submit = async () => {
    if (await (instead ? typeInstead(text) : submitTyped(text))) setText('');
  };
  const canSubmit = instead ? phase === 'processing' : phase === 'ready';
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
        autoFocus={instead}
        placeholder="Type what you would say to the buyer"
        aria-label="Your answer"
        data-testid="typed-answer"
      />
      <div className="actions">
        <button
          className="primary"
          onClick={() => void submit()}
          disabled={!text.trim() || !canSubmit}
          data-testid="submit-typed"
        >
          Score my answer
        </button>
        <span className="muted small">Ctrl+Enter</span>
        {!modelMissing && (
          <button className="link" onClick={onVoice} data-testid={instead ? 'back-to-transcribing' : undefined}>
            {instead ? 'Transcribe my recording after all' : 'Answer out loud instead'}
          </button>
        )}
      </div>
    </div>
  );
}
