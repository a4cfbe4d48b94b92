import { describe, expect, it } from 'vitest';
import type { TimedWord } from '../../../src-main/core/domain';
import { deliveryMarks } from '../../../src-main/core/scoring/delivery-marks';

/** Words timed one after another (0.3 s each, 0.1 s apart), with a longer gap before the words listed in `gaps`. */
function timed(text: string, gaps: Record<number, number> = {}): { text: string; words: TimedWord[] } {
  let t = 0.5;
  const words = text.split(' ').map((word, i) => {
    t += gaps[i] ?? 0;
    const w = { word, start: Number(t.toFixed(2)), end: Number((t + 0.3).toFixed(2)) };
    t += 0.4;
    return w;
  });
  return { text, words };
}

describe('deliveryMarks', () => {
  it('marks fillers and hedges at the audio times of their words', () => {
    const marks = deliveryMarks(timed('Um, I guess we could, like, start next week.'));
    expect(marks).toEqual([
      { kind: 'filler', start: 0.5, end: 0.8, text: 'Um' },
      { kind: 'hedge', start: 0.9, end: 1.6, text: 'I guess' },
      { kind: 'filler', start: 2.5, end: 2.8, text: 'like' },
    ]);
  });

  it('marks a pause of 1 s or more between words, and not a shorter one', () => {
    // "What" ends at 0.8; "changed" starts 1.5 s later; "for" follows 0.9 s after "changed" ends.
    const marks = deliveryMarks(timed('What changed for you?', { 1: 1.4, 2: 0.8 }));
    expect(marks).toEqual([{ kind: 'pause', start: 0.8, end: 2.3, text: '1.5 s pause' }]);
  });

  it('keeps time order across kinds', () => {
    const marks = deliveryMarks(timed('So we cut costs. Um maybe by half.', { 4: 2 }));
    expect(marks.map((m) => m.kind)).toEqual(['pause', 'filler', 'hedge']);
    expect(marks.map((m) => m.start)).toEqual([...marks.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('has no marks for an answer without word timings (typed)', () => {
    expect(deliveryMarks({ text: 'Um, I think so, maybe.', words: [] })).toEqual([]);
  });

  it('"like" used as a verb is no filler', () => {
    expect(deliveryMarks(timed('Teams like yours save a week.'))).toEqual([]);
  });
});
