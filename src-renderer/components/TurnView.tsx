import { TurnTries } from './TurnTries';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { RangeChannel } from './range-channel';

/** An answer's audio player as seen by what is shown beside it. */
export interface Player {
  seek(seconds: number): void;
  currentTime(): number;
  /** The answer's <audio> (a waveform attaches to it), or null for a typed answer. */
  element(): HTMLAudioElement | null;
  /** Ranges dragged on the waveform, for the comment form. */
  ranges: RangeChannel;
}
import type { TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import { Transcript } from './Transcript';
import { type ReviewActions, TurnScoreCard } from './TurnScoreCard';
import { ErrorBanner } from './ErrorBanner';

/** One answered turn: the buyer's line, the rep's audio, the transcript and the scores. */
export function TurnView({
  turn,
  showBuyerLine = true,
  review,
  onRetry,
  underAudio,
  extra,
}: {
  turn: TurnRecord;
  showBuyerLine?: boolean;
  review?: ReviewActions;
  onRetry?: () => Promise<void>;
  /** Drawn right under the answer's player (its waveform), with the player. */
  underAudio?: (player: Player) => ReactNode;
  /** More about this answer (its review comments), with the answer's player to seek and read the playhead. */
  extra?: (player: Player) => ReactNode;
}) {
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      await onRetry?.();
    } catch (e) {
      setRetryError((e as Error).message);
    }
    setRetrying(false);
  };
  const audio = useRef<HTMLAudioElement>(null);
  const seek = (seconds: number) => {
    if (!audio.current) return;
    audio.current.currentTime = seconds;
    void audio.current.play().catch(() => undefined);
  };
  // Kept while the score is the same: the transcript is cut into word spans only when it changes.
  const evidence = useMemo(() => turn.score?.criteria.flatMap((c) => c.evidence) ?? [], [turn.score]);
  // One object for the answer's life, so what is drawn beside it (a waveform) is not redrawn each render.
  const player = useMemo<Player>(
    () => ({
      seek: (s) => seekRef.current(s),
      currentTime: () => audio.current?.currentTime ?? 0,
      element: () => audio.current,
      ranges: new RangeChannel(),
    }),
    [],
  );
  const seekRef = useRef(seek);
  seekRef.current = seek;
  return (
    <section className="turn" data-testid="turn" data-turn-id={turn.id}>
      {showBuyerLine && (
        <div className="buyer-line">
          <span className="who">Buyer</span> {turn.buyerLine}
        </div>
      )}
      {turn.audioPath && (
        <audio
          ref={audio}
          controls
          // Beside a waveform, which knows the length from its peaks, the metadata is asked for once the
          // waveform is drawn: eight answers' media requests would otherwise compete with their peaks.
          preload={underAudio ? 'none' : 'metadata'}
          src={api.media.url(turn.audioPath)}
          data-testid="turn-audio"
          data-turn-id={turn.id}
        />
      )}
      {turn.audioPath && underAudio?.(player)}
      {turn.transcript ? (
        <Transcript
          transcript={turn.transcript}
          evidence={evidence}
          onSeek={player.seek}
          player={turn.audioPath ? player : undefined}
        />
      ) : (
        <div className="muted" data-testid="not-transcribed">
          Not transcribed yet. The recording is kept.{' '}
          {onRetry && turn.audioPath && (
            <button onClick={() => void retry()} disabled={retrying} data-testid="retry-transcription">
              {retrying ? 'Transcribing…' : 'Transcribe now'}
            </button>
          )}
          <ErrorBanner message={retryError} />
        </div>
      )}
      {turn.tries && turn.tries.length > 0 && <TurnTries counted={turn.score?.overall ?? null} tries={turn.tries} />}
      {extra?.(player)}
      {turn.score && <TurnScoreCard score={turn.score} onSeek={seek} review={review} />}
    </section>
  );
}
