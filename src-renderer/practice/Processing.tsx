import { useEffect, useState } from 'react';
import { cancelAndType, moveOnEarly, transcribeAfterAll } from './practice-actions';
import { canMoveOnEarly, type PracticeState } from './practice-machine';
import { TypedAnswer } from './TypedAnswer';

const STAGE_LABEL = {
  saving: 'Saving your answer…',
  transcribing: 'Transcribing…',
  scoring: 'Scoring…',
  done: 'Done',
} as const;

/** After this long a wait gets a word on why (other programs busy) and what the rep can do. */
const SLOW_SECONDS = 4;

/**
 * The wait between the stop and the feedback, never dead: what is happening, how far it is
 * (segments transcribed of all), how long it has taken, and what the rep can do meanwhile: type
 * the answer instead, or go on to the next line while this one is scored.
 */
export function Processing({ s }: { s: PracticeState }) {
  const [since] = useState(() => performance.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const elapsed = (now - since) / 1000;
  const transcribing = s.stage === 'saving' || s.stage === 'transcribing';
  const parts = s.stage === 'transcribing' && s.progress && s.progress.total > 0 ? s.progress : null;
  // The last line has nothing to move on to; its end waits for the score.
  const moreLines = (s.scenario.turnsToEnd?.[s.turn.id]?.min ?? 2) > 1;

  if (s.typingInstead)
    return (
      <div className="processing-box" data-testid="processing" data-typing-instead="true">
        <p className="muted small">
          Transcription stopped. Type what you said (or meant to say): it is scored as a typed answer, and your
          recording is kept with it.
        </p>
        <TypedAnswer phase={s.phase} instead onVoice={() => void transcribeAfterAll()} />
      </div>
    );
  return (
    <div className="processing-box" data-testid="processing">
      <p className="processing" role="status">
        {STAGE_LABEL[s.stage]}
      </p>
      {parts && (
        <div className="processing-progress">
          <progress
            max={parts.total}
            value={parts.done}
            aria-label="Parts of the answer transcribed"
            data-testid="transcription-progress"
          />
          <span className="muted small" data-testid="segments-done">
            {parts.done} of {parts.total} {parts.total === 1 ? 'part' : 'parts'} transcribed
          </span>
        </div>
      )}
      <span className="muted small" data-testid="elapsed">
        {elapsed.toFixed(1)} s
      </span>
      {transcribing && elapsed >= SLOW_SECONDS && (
        <p className="muted small" data-testid="slow-hint">
          Taking longer than usual: other programs may be keeping the computer busy. You can type your answer instead
          {canMoveOnEarly(s) && moreLines ? ', or go on to the next line and see this feedback when it is ready' : ''}.
        </p>
      )}
      <div className="actions">
        {canMoveOnEarly(s) && moreLines && (
          <button onClick={() => void moveOnEarly()} data-testid="move-on-early">
            Next line (feedback follows)
          </button>
        )}
        {transcribing && (
          <button className="link" onClick={() => void cancelAndType()} data-testid="type-instead">
            Cancel and type instead
          </button>
        )}
      </div>
    </div>
  );
}
