import { type ReactNode, useRef, useState } from 'react';

/** An answer's audio player as seen by what is shown beside it. */
export interface Player {
  seek(seconds: number): void;
  currentTime(): number;
}
import type { TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import { Transcript } from './Transcript';
import { type ReviewActions, TurnScoreCard } from './TurnScoreCard';

/** One answered turn: the buyer's line, the rep's audio, the transcript and the scores. */
export function TurnView({
  turn,
  showBuyerLine = true,
  review,
  onRetry,
  extra,
}: {
  turn: TurnRecord;
  showBuyerLine?: boolean;
  review?: ReviewActions;
  onRetry?: () => Promise<void>;
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
  const evidence = turn.score?.criteria.flatMap((c) => c.evidence) ?? [];
  return (
    <section className="turn" data-testid="turn">
      {showBuyerLine && (
        <div className="buyer-line">
          <span className="who">Buyer</span> {turn.buyerLine}
        </div>
      )}
      {turn.audioPath && (
        <audio ref={audio} controls preload="metadata" src={api.media.url(turn.audioPath)} data-testid="turn-audio" />
      )}
      {turn.transcript ? (
        <Transcript transcript={turn.transcript} evidence={evidence} onSeek={seek} />
      ) : (
        <div className="muted" data-testid="not-transcribed">
          Not transcribed yet. The recording is kept.{' '}
          {onRetry && turn.audioPath && (
            <button onClick={() => void retry()} disabled={retrying} data-testid="retry-transcription">
              {retrying ? 'Transcribing…' : 'Transcribe now'}
            </button>
          )}
          {retryError && (
            <div className="banner error" role="alert">
              {retryError}
            </div>
          )}
        </div>
      )}
      {extra?.({ seek, currentTime: () => audio.current?.currentTime ?? 0 })}
      {turn.score && <TurnScoreCard score={turn.score} onSeek={seek} review={review} />}
    </section>
  );
}
