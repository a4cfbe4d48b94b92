import { useEffect, useRef } from 'react';
import type { AttemptDetail } from '../../src-main/core/domain';
import { prefetchPeaks, preloadWaveform } from './Waveform';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

const SKIP_SILENCES_KEY = 'sparring.skipSilences';
/** Skipping a pause keeps this much of it on each side, so words are not clipped and the gap is still heard. */
const KEEP_AFTER_WORD = 0.15;
const KEEP_BEFORE_WORD = 0.2;
let skipSilences = localStorage.getItem(SKIP_SILENCES_KEY) === '1';

/** Whether playback jumps over the pauses of 1 s or more between words (remembered, like the speed). */
export const skipsSilences = () => skipSilences;
export function setSkipSilences(on: boolean) {
  skipSilences = on;
  localStorage.setItem(SKIP_SILENCES_KEY, on ? '1' : '0');
}

/**
 * Keys on an attempt page, for the answer last played or clicked (else the first with audio):
 * Space plays or pauses, ← / → jump 5 s, J / K go to the previous / next marked moment (evidence,
 * fillers, hedges, pauses and comments), C opens a comment at the playhead. Ignored while typing in
 * a field. And while an answer plays with silences skipped, its long pauses are jumped over.
 */
export function useReviewKeys(attempt: AttemptDetail | null, speed: number) {
  const active = useRef<number | null>(null);
  const attemptRef = useRef(attempt);
  attemptRef.current = attempt;

  // The page's answers will draw waveforms: fetch their code while the attempt loads, and their peaks
  // as soon as it has loaded. Asked for here, during the render, not in an effect that runs after it
  // (cached, so asking again is free).
  useEffect(() => void preloadWaveform().catch(() => undefined), []);
  if (attempt) prefetchPeaks(attempt);

  // Every answer plays at the chosen speed.
  useEffect(() => {
    document.querySelectorAll<HTMLAudioElement>('audio[data-turn-id]').forEach((a) => (a.playbackRate = speed));
  }, [speed, attempt]);

  useEffect(() => {
    const remember = (e: Event) => {
      const id = (e.target as HTMLElement).closest?.('[data-turn-id]')?.getAttribute('data-turn-id');
      if (id) active.current = Number(id);
    };
    const audioOf = (): HTMLAudioElement | null =>
      (active.current !== null &&
        document.querySelector<HTMLAudioElement>(`audio[data-turn-id="${active.current}"]`)) ||
      document.querySelector<HTMLAudioElement>('audio[data-turn-id]');
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        target.closest('input, textarea, select, [contenteditable], [role=dialog]')
      )
        return;
      const audio = audioOf();
      const a = attemptRef.current;
      if (!audio || !a) return;
      const turnId = Number(audio.dataset.turnId);
      const marks = markedMoments(a, turnId);
      const go = (t: number) => (audio.currentTime = Math.max(0, Math.min(audio.duration || t, t)));
      const key = e.key.toLowerCase();
      if (e.key === ' ' && !target.closest('button, a')) {
        if (audio.paused) void audio.play().catch(() => undefined);
        else audio.pause();
      } else if (e.key === 'ArrowLeft') go(audio.currentTime - 5);
      else if (e.key === 'ArrowRight') go(audio.currentTime + 5);
      else if (key === 'j') go([...marks].reverse().find((m) => m < audio.currentTime - 0.25) ?? 0);
      else if (key === 'k') go(marks.find((m) => m > audio.currentTime + 0.25) ?? audio.currentTime);
      else if (key === 'c') {
        const section = document.querySelector(`section[data-turn-id="${turnId}"]`);
        const at = section?.querySelector<HTMLInputElement>('[data-testid=comment-at-input]');
        const body = section?.querySelector<HTMLInputElement>('[data-testid=comment-input]');
        if (!at || !body) return;
        setInputValue(at, audio.currentTime.toFixed(1));
        body.focus();
      } else return;
      e.preventDefault();
    };
    document.addEventListener('play', remember, true);
    document.addEventListener('pointerdown', remember, true);
    window.addEventListener('keydown', onKey);
    const stopSkipping = skipPausesWhilePlaying(() => attemptRef.current);
    return () => {
      document.removeEventListener('play', remember, true);
      document.removeEventListener('pointerdown', remember, true);
      window.removeEventListener('keydown', onKey);
      stopSkipping();
    };
  }, []);
}

/**
 * While an answer plays and silences are skipped, checks the playhead every frame (timeupdate comes
 * only 4 times a second, late by up to a quarter of a pause) and jumps from just after a pause's last
 * word to just before its next. Only the playing answer is watched, and nothing is re-rendered.
 */
function skipPausesWhilePlaying(attempt: () => AttemptDetail | null): () => void {
  const frames = new Map<HTMLAudioElement, number>();
  const check = (audio: HTMLAudioElement) => {
    if (!skipSilences) return;
    const turnId = Number(audio.dataset.turnId);
    const t = audio.currentTime;
    const pause = attempt()
      ?.turns.find((x) => x.id === turnId)
      ?.marks?.find((m) => m.kind === 'pause' && t >= m.start + KEEP_AFTER_WORD && t < m.end - KEEP_BEFORE_WORD);
    if (pause) audio.currentTime = pause.end - KEEP_BEFORE_WORD;
  };
  const watch = (audio: HTMLAudioElement) => {
    check(audio);
    frames.set(audio, audio.paused ? 0 : requestAnimationFrame(() => watch(audio)));
  };
  const onPlay = (e: Event) => {
    const audio = e.target;
    if (!(audio instanceof HTMLAudioElement) || !audio.dataset.turnId) return;
    cancelAnimationFrame(frames.get(audio) ?? 0);
    watch(audio);
  };
  document.addEventListener('play', onPlay, true);
  return () => {
    document.removeEventListener('play', onPlay, true);
    frames.forEach((frame) => cancelAnimationFrame(frame));
  };
}

/** The moments worth jumping to in one answer: where its evidence, fillers, hedges, pauses and comments start. */
function markedMoments(attempt: AttemptDetail, turnId: number): number[] {
  const turn = attempt.turns.find((t) => t.id === turnId);
  const evidence = turn?.score?.criteria.flatMap((c) => c.evidence.map((e) => e.audioStart)) ?? [];
  const marks = turn?.marks?.map((m) => m.start) ?? [];
  const comments = attempt.comments.filter((c) => c.turnId === turnId).map((c) => c.atSeconds);
  return [...new Set([...evidence, ...marks, ...comments].filter((t): t is number => t !== undefined))].sort(
    (x, y) => x - y,
  );
}

/** Sets a React-controlled input's value as if typed, so its state follows. */
function setInputValue(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
