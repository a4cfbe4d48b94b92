import { type MouseEvent, type ReactNode, memo, useEffect, useMemo, useRef } from 'react';
import type { Evidence, TimedWord, Transcript as TranscriptData } from '../../src-main/core/domain';
import type { Player } from './TurnView';

/** A word still counts as being spoken this long after its end (whisper's ends are early; the gap is short). */
const WORD_TAIL_SECONDS = 0.3;

/**
 * The transcript with every evidence span highlighted. Each timed word is its own span: clicking it
 * (or an evidence span) seeks the audio there, and while the answer plays the word being spoken
 * carries aria-current="time". That highlight moves by touching two elements per word, never by
 * re-rendering: an answer plays 3 words a second, and the page may hold eight transcripts.
 */
// Memoised: opening or folding another answer re-renders the page, and a transcript is hundreds of spans.
export const Transcript = memo(function Transcript({
  transcript,
  evidence,
  onSeek,
  player,
}: {
  transcript: TranscriptData;
  evidence: Evidence[];
  onSeek?: (seconds: number) => void;
  /** The answer's player, to follow: absent for a typed answer. */
  player?: Player;
}) {
  const root = useRef<HTMLParagraphElement>(null);
  const parts = useMemo(() => renderParts(transcript, evidence), [transcript, evidence]);

  useEffect(() => {
    const audio = player?.element();
    const words = transcript.words;
    if (!audio || !root.current || !words.length) return;
    // Every element of each word (a word split by an evidence boundary has two).
    const elements: HTMLElement[][] = words.map(() => []);
    root.current.querySelectorAll<HTMLElement>('[data-w]').forEach((el) => elements[Number(el.dataset.w)]?.push(el));
    let current = -1;
    let frame = 0;
    const show = () => {
      const i = wordAt(words, audio.currentTime);
      if (i === current) return;
      elements[current]?.forEach((el) => el.removeAttribute('aria-current'));
      elements[i]?.forEach((el) => el.setAttribute('aria-current', 'time'));
      current = i;
    };
    const follow = () => {
      show();
      frame = audio.paused ? 0 : requestAnimationFrame(follow);
    };
    const onPlay = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(follow);
    };
    show();
    if (!audio.paused) onPlay();
    audio.addEventListener('play', onPlay);
    // Paused: a seek (a click, a key, the waveform) still moves the highlight.
    audio.addEventListener('seeked', show);
    audio.addEventListener('pause', show);
    return () => {
      cancelAnimationFrame(frame);
      audio.removeEventListener('play', onPlay);
      audio.removeEventListener('seeked', show);
      audio.removeEventListener('pause', show);
      elements[current]?.forEach((el) => el.removeAttribute('aria-current'));
    };
    // Again when the text is cut anew (other evidence): the word elements are then new ones.
  }, [player, transcript, parts]);

  const seekTo = (e: MouseEvent) => {
    if (!onSeek) return;
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-w], mark');
    const word = target?.dataset.w !== undefined ? transcript.words[Number(target.dataset.w)] : undefined;
    const at = word ? word.start : target?.dataset.audioStart;
    if (at !== undefined) onSeek(Number(at));
  };
  return (
    <p className="transcript" data-testid="transcript" ref={root} onClick={seekTo}>
      {transcript.text ? parts : <em>(no words recognised)</em>}
    </p>
  );
});

/** The word being spoken at `t`: the last one started, while it lasts (none in a pause or before the first). */
function wordAt(words: TimedWord[], t: number): number {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && t <= words[found]!.end + WORD_TAIL_SECONDS ? found : -1;
}

/** Character span of each timed word in the text (words appear in order), as core's evidence times are found. */
function wordSpans(transcript: TranscriptData): { start: number; end: number; index: number }[] {
  const spans: { start: number; end: number; index: number }[] = [];
  let from = 0;
  transcript.words.forEach((w, index) => {
    const word = w.word.trim();
    const at = word ? transcript.text.indexOf(word, from) : -1;
    if (at < 0) return;
    spans.push({ start: at, end: at + word.length, index });
    from = at + word.length;
  });
  return spans;
}

/** The text cut at evidence and word boundaries: evidence as <mark>, each timed word as a span. */
function renderParts(transcript: TranscriptData, evidence: Evidence[]): ReactNode[] {
  const { text } = transcript;
  const words = wordSpans(transcript);
  let w = 0;
  /** The text from `from` to `to`, with the words in it as spans. */
  const withWords = (from: number, to: number, key: string): ReactNode[] => {
    const out: ReactNode[] = [];
    let at = from;
    while (w < words.length && words[w]!.end <= from) w++;
    for (let k = w; k < words.length && words[k]!.start < to; k++) {
      const s = Math.max(words[k]!.start, from);
      const e = Math.min(words[k]!.end, to);
      if (s > at) out.push(text.slice(at, s));
      out.push(
        <span key={`${key}w${k}`} data-w={words[k]!.index}>
          {text.slice(s, e)}
        </span>,
      );
      at = e;
    }
    if (at < to) out.push(text.slice(at, to));
    return out;
  };
  const spans = [...evidence]
    .sort((a, b) => a.start - b.start)
    .filter((e, i, all) => i === 0 || e.start >= all[i - 1]!.end);
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((e, i) => {
    if (e.start > at) parts.push(...withWords(at, e.start, `t${i}`));
    parts.push(
      <mark
        key={`e${i}`}
        title={e.audioStart !== undefined ? `at ${e.audioStart.toFixed(1)} s` : undefined}
        data-audio-start={e.audioStart}
      >
        {withWords(e.start, e.end, `e${i}`)}
      </mark>,
    );
    at = e.end;
  });
  if (at < text.length) parts.push(...withWords(at, text.length, 'rest'));
  return parts;
}
