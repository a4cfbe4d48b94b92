import { useEffect, useRef } from 'react';
import type { AttemptDetail } from '../../src-main/core/domain';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

/**
 * Keys on an attempt page, for the answer last played or clicked (else the first with audio):
 * Space plays or pauses, ← / → jump 5 s, J / K go to the previous / next marked moment (evidence
 * and comments), C opens a comment at the playhead. Ignored while typing in a field.
 */
export function useReviewKeys(attempt: AttemptDetail | null, speed: number) {
  const active = useRef<number | null>(null);
  const attemptRef = useRef(attempt);
  attemptRef.current = attempt;

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
    return () => {
      document.removeEventListener('play', remember, true);
      document.removeEventListener('pointerdown', remember, true);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** The moments worth jumping to in one answer: where its evidence starts, and its comments. */
function markedMoments(attempt: AttemptDetail, turnId: number): number[] {
  const turn = attempt.turns.find((t) => t.id === turnId);
  const evidence = turn?.score?.criteria.flatMap((c) => c.evidence.map((e) => e.audioStart)) ?? [];
  const comments = attempt.comments.filter((c) => c.turnId === turnId).map((c) => c.atSeconds);
  return [...new Set([...evidence, ...comments].filter((t): t is number => t !== undefined))].sort((x, y) => x - y);
}

/** Sets a React-controlled input's value as if typed, so its state follows. */
function setInputValue(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
