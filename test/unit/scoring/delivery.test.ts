import { describe, expect, it } from 'vitest';
import { deliveryMetrics } from '../../../src-main/core/scoring/delivery';

const w = (word: string, start: number, end: number) => ({ word, start, end });

describe('deliveryMetrics', () => {
  it('excludes long pauses from the pace and counts them', () => {
    // 4 words in 2 s, a 3 s pause, 4 more words in 2 s: 8 words over 4 s of speech = 120 wpm.
    const words = [
      w('a', 0.5, 0.9),
      w('b', 1, 1.4),
      w('c', 1.5, 1.9),
      w('d', 2, 2.5),
      w('e', 5.5, 5.9),
      w('f', 6, 6.4),
      w('g', 6.5, 6.9),
      w('h', 7, 7.5),
    ];
    const m = deliveryMetrics({ text: 'a b c d e f g h', words }, 1, 0, false);
    expect(m).toMatchObject({
      wordCount: 8,
      speakingSeconds: 4,
      wordsPerMinute: 120,
      pauseCount: 1,
      longestPauseSeconds: 3,
      responseLatencySeconds: 0.5,
      fillersPer100: 12.5,
    });
    expect(m.longestMonologueSeconds).toBe(2); // the 3 s pause ends the first monologue
  });

  it('has no timing metrics for a typed answer', () => {
    const m = deliveryMetrics({ text: 'one two three four', words: [] }, 0, 1, true);
    expect(m).toMatchObject({
      wordCount: 4,
      hedgesPer100: 25,
      typed: true,
      wordsPerMinute: null,
      speakingSeconds: null,
      responseLatencySeconds: null,
    });
  });
});
