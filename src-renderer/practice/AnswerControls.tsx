import { LevelMeter } from '../components/LevelMeter';
import { SILENCE_CHOICES } from './use-recorder';
import type { Phase } from './practice-machine';

interface Props {
  phase: Phase;
  level: number;
  seconds: number;
  silenceSeconds: number;
  mics: { id: string; label: string }[];
  micId: string;
  onStart(): void;
  onStop(): void;
  onSilence(seconds: number): void;
  onMic(id: string): void;
  onTypeInstead(): void;
}

/** Answering out loud: the level meter, Answer/Stop with the time recorded, auto-stop, the microphone. */
export function AnswerControls(p: Props) {
  return (
    <div className="recorder">
      <LevelMeter level={p.level} />
      {p.phase === 'recording' ? (
        <button className="record recording" onClick={p.onStop} data-testid="stop">
          ■ Stop{' '}
          <span className="timer" data-testid="recorded-seconds" data-seconds={p.seconds.toFixed(2)}>
            {p.seconds.toFixed(1)} s
          </span>
        </button>
      ) : (
        <button className="record" onClick={p.onStart} disabled={p.phase !== 'ready'} data-testid="record">
          ● Answer
        </button>
      )}
      <span className="muted small">Hold Space to talk, or tap Space to start and stop</span>
      <label className="muted small">
        Auto-stop after{' '}
        <select value={p.silenceSeconds} onChange={(e) => p.onSilence(Number(e.target.value))} data-testid="auto-stop">
          {SILENCE_CHOICES.map((v) => (
            <option key={v} value={v}>
              {v === 0 ? 'never' : `${v} s of silence`}
            </option>
          ))}
        </select>
      </label>
      {p.phase !== 'recording' && p.mics.length > 0 && (
        <select
          value={p.micId}
          onChange={(e) => p.onMic(e.target.value)}
          aria-label="Microphone"
          data-testid="mic-picker"
        >
          <option value="">Default microphone</option>
          {p.mics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      )}
      {p.phase !== 'recording' && (
        <button className="link" onClick={p.onTypeInstead} data-testid="type-instead">
          Type instead
        </button>
      )}
    </div>
  );
}
