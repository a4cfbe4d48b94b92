import type { ReactNode } from 'react';
import type { Evidence, Transcript as TranscriptData } from '../../src-main/core/domain';

/** The transcript with every evidence span highlighted; clicking one seeks the audio to it. */
export function Transcript({
  transcript,
  evidence,
  onSeek,
}: {
  transcript: TranscriptData;
  evidence: Evidence[];
  onSeek?: (seconds: number) => void;
}) {
  const spans = [...evidence]
    .sort((a, b) => a.start - b.start)
    .filter((e, i, all) => i === 0 || e.start >= all[i - 1]!.end);
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((e, i) => {
    if (e.start > at) parts.push(<span key={`t${i}`}>{transcript.text.slice(at, e.start)}</span>);
    parts.push(
      <mark
        key={`e${i}`}
        title={e.audioStart !== undefined ? `at ${e.audioStart.toFixed(1)} s` : undefined}
        onClick={() => e.audioStart !== undefined && onSeek?.(e.audioStart)}
      >
        {transcript.text.slice(e.start, e.end)}
      </mark>,
    );
    at = e.end;
  });
  if (at < transcript.text.length) parts.push(<span key="rest">{transcript.text.slice(at)}</span>);
  return (
    <p className="transcript" data-testid="transcript">
      {transcript.text ? parts : <em>(no words recognised)</em>}
    </p>
  );
}
