import { useEffect, useRef, useState } from 'react';
import type { ReviewComment, TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import type { Player } from './TurnView';

/** One colour per criterion, so a region says which criterion its words earned. */
const PALETTE = [
  'rgba(36, 83, 212, 0.22)',
  'rgba(23, 112, 60, 0.22)',
  'rgba(176, 37, 37, 0.2)',
  'rgba(160, 110, 0, 0.22)',
];
const COMMENT = 'rgba(122, 63, 0, 0.35)';

/**
 * An answer's waveform, drawn from the peaks stored when it was saved (the audio is never decoded
 * here), on the answer's own player: the playhead moves with it. Regions mark the words that earned
 * each criterion (coloured by criterion) and the review comments; clicking one plays from there.
 * wavesurfer.js is loaded only when an attempt page shows a waveform.
 */
export function Waveform({ turn, player, comments }: { turn: TurnRecord; player: Player; comments: ReviewComment[] }) {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const regionKey = JSON.stringify(
    comments.filter((c) => c.turnId === turn.id).map((c) => [c.id, c.atSeconds, c.endSeconds]),
  );
  useEffect(() => {
    let cancelled = false;
    let destroy = () => {};
    void (async () => {
      try {
        const [{ default: WaveSurfer }, { default: RegionsPlugin }, peaks] = await Promise.all([
          import('wavesurfer.js'),
          import('wavesurfer.js/dist/plugins/regions.esm.js'),
          api.turns.peaks({ turnId: turn.id }),
        ]);
        const media = player.element();
        if (cancelled || !container.current || !media) return;
        const ws = WaveSurfer.create({
          container: container.current,
          media,
          peaks: [peaks.peaks],
          duration: peaks.durationSeconds,
          height: 64,
          waveColor: '#9aa7c2',
          progressColor: '#2453d4',
          cursorColor: '#1c2330',
          barWidth: 2,
          barGap: 1,
          normalize: true,
        });
        destroy = () => ws.destroy();
        const regions = ws.registerPlugin(RegionsPlugin.create());
        turn.score?.criteria.forEach((c, i) => {
          for (const e of c.evidence) {
            if (e.audioStart === undefined || e.audioEnd === undefined) continue;
            regions.addRegion({
              start: e.audioStart,
              end: e.audioEnd,
              color: PALETTE[i % PALETTE.length],
              drag: false,
              resize: false,
              id: `evidence-${c.id}-${e.start}`,
            });
          }
        });
        for (const c of comments.filter((k) => k.turnId === turn.id && k.parentId === null)) {
          regions.addRegion({
            start: c.atSeconds,
            ...(c.endSeconds !== null && { end: c.endSeconds }),
            color: COMMENT,
            drag: false,
            resize: false,
            id: `comment-${c.id}`,
          });
        }
        regions.on('region-clicked', (region, e) => {
          e.stopPropagation(); // the waveform's own click would seek to the click's position instead
          player.seek(region.start);
        });
      } catch (e) {
        if (!cancelled) setProblem(`The waveform could not be drawn: ${(e as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
      destroy();
    };
  }, [turn, player, regionKey, comments]);
  if (problem) return <p className="muted small">{problem}</p>;
  return (
    <div
      ref={container}
      className="waveform"
      data-testid="waveform"
      aria-label="Waveform of the answer, with the evidence and comments marked"
      role="img"
    />
  );
}
