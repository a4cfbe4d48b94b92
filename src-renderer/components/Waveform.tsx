import { type CSSProperties, type RefObject, useEffect, useRef, useState } from 'react';
import type { AttemptDetail, DeliveryMark, ReviewComment, TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import type { Player } from './TurnView';

/** The narrowest evidence or delivery span drawn (a point would read as a comment's marker). */
const MIN_SPAN_SECONDS = 0.12;

type WaveSurfer = import('wavesurfer.js').default;
type Regions = import('wavesurfer.js/dist/plugins/regions.esm.js').default;
type Peaks = Awaited<ReturnType<typeof api.turns.peaks>>;

/** One colour per criterion, so a region says which criterion its words earned. */
const PALETTE = [
  'rgba(36, 83, 212, 0.22)',
  'rgba(23, 112, 60, 0.22)',
  'rgba(176, 37, 37, 0.2)',
  'rgba(160, 110, 0, 0.22)',
];
const COMMENT = 'rgba(122, 63, 0, 0.35)';
const SELECTION = 'rgba(36, 83, 212, 0.3)';

/**
 * How each delivery mark looks, on the waveform and in its legend. Fillers and hedges are short:
 * solid bands along the bottom, so the evidence over the same words stays visible; a pause is
 * long and empty: hatched over the full height.
 */
const MARK_STYLE: Record<DeliveryMark['kind'], { label: string; look: CSSProperties; band: boolean }> = {
  filler: { label: 'Filler', look: { backgroundColor: 'rgba(214, 96, 0, 0.75)' }, band: true },
  hedge: { label: 'Hedge', look: { backgroundColor: 'rgba(124, 58, 200, 0.7)' }, band: true },
  pause: {
    label: 'Pause over 1 s',
    look: {
      backgroundColor: 'transparent',
      backgroundImage: 'repeating-linear-gradient(135deg, rgba(70, 80, 100, 0.4) 0 2px, transparent 2px 6px)',
    },
    band: false,
  },
};

let modules:
  Promise<[typeof import('wavesurfer.js'), typeof import('wavesurfer.js/dist/plugins/regions.esm.js')]> | undefined;
/**
 * wavesurfer.js and its regions plugin, fetched once: an attempt page asks for them as it opens,
 * while the attempt itself loads, so they are there when its answers are. A failed fetch is retried.
 */
export function preloadWaveform() {
  if (!modules) {
    modules = Promise.all([import('wavesurfer.js'), import('wavesurfer.js/dist/plugins/regions.esm.js')]);
    modules.catch(() => (modules = undefined));
  }
  return modules;
}

/**
 * Asks for the peaks of every answer of an attempt that are not at hand, in one call. The attempt
 * page calls it as soon as the attempt arrives, while its answers are still being rendered: waiting
 * for the waveforms' effects would start the requests after eight answers are rendered and laid out,
 * and one call per answer costs eight requests where one does.
 */
export function prefetchPeaks(attempt: AttemptDetail) {
  const missing = attempt.turns.filter((t) => t.audioPath && !peaksCache.has(t.audioPath));
  if (!missing.length) return;
  const all = api.attempts.peaks({ attemptId: attempt.id });
  for (const t of missing) {
    remember(
      t.audioPath!,
      all.then((byTurn) => byTurn[t.id] ?? api.turns.peaks({ turnId: t.id })),
    );
  }
}

/** Peaks by audio file (named by its content hash, so they never change), fetched once a visit. */
const peaksCache = new Map<string, Promise<Peaks>>();
function remember(audioPath: string, peaks: Promise<Peaks>) {
  if (peaksCache.size > 64) peaksCache.clear();
  peaks.catch(() => peaksCache.delete(audioPath)); // a failure is retried by the next page that asks
  peaksCache.set(audioPath, peaks);
  return peaks;
}
const peaksOf = (turn: TurnRecord): Promise<Peaks> =>
  peaksCache.get(turn.audioPath!) ?? remember(turn.audioPath!, api.turns.peaks({ turnId: turn.id }));

/**
 * An answer's waveform, drawn from the peaks stored when it was saved (the audio is never decoded
 * here), on the answer's own player: the playhead moves with it. Regions mark the words that earned
 * each criterion (coloured by criterion), the fillers, hedges and long pauses, and the review
 * comments; clicking one plays from there. A reviewer drags over it to comment on that range.
 * It is drawn as soon as its code and peaks are there (the attempt page asks for both early), and
 * its regions right after that first paint.
 */
export function Waveform({ turn, player, comments }: { turn: TurnRecord; player: Player; comments: ReviewComment[] }) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ ws: WaveSurfer; regions: Regions } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let cancelled = false;
    let ws: WaveSurfer | null = null;
    const ready = Promise.all([preloadWaveform(), peaksOf(turn)]);
    ready.catch(() => undefined); // reported when drawn
    // Drawn at its real width: an answer can be on the page hidden, without one, until it is shown.
    const sized = new ResizeObserver(() => el.clientWidth > 0 && hasWidth());
    let hasWidth = () => {};
    const widened = new Promise<void>((resolve) => (hasWidth = resolve));
    const draw = async () => {
      try {
        const [[{ default: WaveSurfer }, { default: RegionsPlugin }], peaks] = await ready;
        if (cancelled) return;
        if (el.clientWidth === 0) {
          sized.observe(el);
          await widened;
          sized.disconnect();
        }
        const media = player.element();
        if (cancelled || !media) return;
        ws = WaveSurfer.create({
          container: el,
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
        const regions = ws.registerPlugin(RegionsPlugin.create());
        regions.on('region-clicked', (region, e) => {
          e.stopPropagation(); // the waveform's own click would seek to the click's position instead
          player.seek(region.start);
        });
        setDrawn({ ws, regions });
      } catch (e) {
        if (!cancelled) setProblem(`The waveform could not be drawn: ${(e as Error).message}`);
      }
      // Drawn (or not): the player may now load its metadata (see TurnView), once the page is idle.
      requestIdleCallback(
        () => {
          const media = player.element();
          if (media && !cancelled) media.preload = 'metadata';
        },
        { timeout: 1000 },
      );
    };
    void draw();
    return () => {
      cancelled = true;
      sized.disconnect();
      ws?.destroy();
      setDrawn(null);
    };
    // Drawn once per answer's audio; the regions follow the scores and comments below.
  }, [turn.id, turn.audioPath, player]);

  const own = comments.filter((c) => c.turnId === turn.id && c.parentId === null);
  const regionKey = JSON.stringify([
    turn.score?.criteria.map((c) => c.evidence.map((e) => [e.start, e.audioStart, e.audioEnd])),
    turn.marks,
    own.map((c) => [c.id, c.atSeconds, c.endSeconds]),
  ]);
  useEffect(() => {
    if (!drawn) return;
    const { regions } = drawn;
    let frame = 0;
    let timer = 0;
    // After the frame that shows the waveform: each region costs the regions plugin a timer and a
    // layout, and eight answers' regions before their first paint would delay it.
    frame = requestAnimationFrame(() => (timer = window.setTimeout(() => addRegions(regions))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, regionKey]);

  /**
   * A word whisper squeezed to no length (its end clamped at a segment's edge) would be drawn as a
   * point marker, like a comment; it keeps a sliver of width so it stays a clickable span.
   */
  const span = (start: number, end: number) => ({ start, end: Math.max(end, start + MIN_SPAN_SECONDS) });

  const addRegions = (regions: Regions) => {
    // A new set of comments (one just added over the dragged range) clears the selection too.
    regions.clearRegions();
    turn.score?.criteria.forEach((c, i) => {
      for (const e of c.evidence) {
        if (e.audioStart === undefined || e.audioEnd === undefined) continue;
        const region = regions.addRegion({
          ...span(e.audioStart, e.audioEnd),
          color: PALETTE[i % PALETTE.length],
          drag: false,
          resize: false,
          id: `evidence-${c.id}-${e.start}`,
        });
        region.element?.setAttribute('title', `${c.title}: “${e.text}”`);
      }
    });
    turn.marks?.forEach((m, i) => {
      const region = regions.addRegion({
        ...span(m.start, m.end),
        drag: false,
        resize: false,
        id: `mark-${m.kind}-${i}`,
      });
      if (!region.element) return;
      const style = MARK_STYLE[m.kind];
      Object.assign(region.element.style, style.look, style.band && { top: '70%', height: '30%' });
      region.element.setAttribute('title', `${style.label}: ${m.text} at ${m.start.toFixed(1)} s`);
    });
    for (const c of own) {
      regions.addRegion({
        start: c.atSeconds,
        ...(c.endSeconds !== null && { end: c.endSeconds }),
        color: COMMENT,
        drag: false,
        resize: false,
        id: `comment-${c.id}`,
      });
    }
  };

  useRangeDrag(container, drawn, player);

  if (problem) return <p className="muted small">{problem}</p>;
  const kinds = (['filler', 'hedge', 'pause'] as const).filter((k) => turn.marks?.some((m) => m.kind === k));
  return (
    <>
      <div
        ref={container}
        className="waveform"
        data-testid="waveform"
        aria-label="Waveform of the answer, with the evidence, fillers, hedges, long pauses and comments marked"
        role="img"
      />
      {kinds.length > 0 && (
        <p className="waveform-legend muted small" data-testid="waveform-legend">
          {kinds.map((k) => (
            <span key={k} className="legend-item">
              <span className="legend-swatch" style={MARK_STYLE[k].look} aria-hidden="true" />
              {MARK_STYLE[k].label} ({turn.marks!.filter((m) => m.kind === k).length})
            </span>
          ))}
          <span className="legend-item">
            <span className="legend-swatch" style={{ backgroundColor: PALETTE[0] }} aria-hidden="true" />
            Evidence, by criterion
          </span>
          {own.length > 0 && (
            <span className="legend-item">
              <span className="legend-swatch" style={{ backgroundColor: COMMENT }} aria-hidden="true" />
              Comment
            </span>
          )}
        </p>
      )}
    </>
  );
}

/**
 * Dragging across the waveform selects a range for the comment form (when a reviewer's form takes
 * ranges). Done here rather than with the regions plugin's drag selection, which cannot start on a
 * region: with evidence over whole sentences, fillers and pauses, most of a long answer is one.
 * The listener runs in the capture phase, before the regions and the waveform see the pointer,
 * and swallows the click that ends a drag (it would seek, or play a region).
 */
function useRangeDrag(
  container: RefObject<HTMLDivElement | null>,
  drawn: { ws: WaveSurfer; regions: Regions } | null,
  player: Player,
) {
  useEffect(() => {
    const el = container.current;
    if (!el || !drawn) return;
    const { ws, regions } = drawn;
    const THRESHOLD_PX = 4;
    let dragged = false;
    const timeAt = (x: number) => {
      const box = ws.getWrapper().getBoundingClientRect();
      return Math.max(0, Math.min(1, (x - box.left) / box.width)) * ws.getDuration();
    };
    const onDown = (down: PointerEvent) => {
      if (down.button !== 0 || !player.ranges.wanted) return;
      dragged = false;
      let selection: ReturnType<Regions['addRegion']> | null = null;
      const from = timeAt(down.clientX);
      const onMove = (move: PointerEvent) => {
        if (!dragged && Math.abs(move.clientX - down.clientX) < THRESHOLD_PX) return;
        dragged = true;
        const to = timeAt(move.clientX);
        const range = { start: Math.min(from, to), end: Math.max(from, to) };
        if (selection) selection.setOptions(range);
        else {
          regions
            .getRegions()
            .find((r) => r.id === 'selection')
            ?.remove();
          selection = regions.addRegion({ ...range, id: 'selection', color: SELECTION, drag: false, resize: false });
        }
      };
      const onUp = () => {
        document.removeEventListener('pointermove', onMove, true);
        document.removeEventListener('pointerup', onUp, true);
        if (!selection) return;
        const start = Number(selection.start.toFixed(1));
        const end = Math.min(Number(selection.end.toFixed(1)), Math.floor(ws.getDuration() * 10) / 10);
        player.ranges.select({ start, end: Math.max(end, start + 0.1) });
      };
      document.addEventListener('pointermove', onMove, true);
      document.addEventListener('pointerup', onUp, true);
    };
    const onClick = (e: MouseEvent) => {
      if (!dragged) return;
      dragged = false;
      e.stopPropagation();
      e.preventDefault();
    };
    el.addEventListener('pointerdown', onDown, true);
    el.addEventListener('click', onClick, true);
    return () => {
      el.removeEventListener('pointerdown', onDown, true);
      el.removeEventListener('click', onClick, true);
    };
  }, [container, drawn, player]);
}
