import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src-main/core/domain';
import { scoreTurn } from '../../../src-main/core/scoring/first-rubric';

/** A transcript with one word per 0.5 s, as whisper would time it. */
function timed(text: string): Transcript {
  const words = text.split(' ').map((word, i) => ({ word, start: i * 0.5, end: i * 0.5 + 0.4 }));
  return { text, words };
}

describe('first rubric', () => {
  it('finds an open question and shows the words and audio time that earned it', () => {
    const t = timed('Thanks for the time. Help me understand what is not working today.');
    const score = scoreTurn(t, ['open-question']);
    const c = score.criteria[0]!;
    expect(c.score).toBe(100);
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]!.text).toBe('Help me understand what is not working today.');
    expect(t.text.slice(c.evidence[0]!.start, c.evidence[0]!.end)).toBe(c.evidence[0]!.text);
    expect(c.evidence[0]!.audioStart).toBe(2); // "Help" is the 5th word
    expect(c.evidence[0]!.audioEnd).toBeCloseTo(5.9);
  });

  it('does not take a statement that starts with "what" for a question', () => {
    const c = scoreTurn(timed('What changed their mind was the first quarter.'), ['open-question']).criteria[0]!;
    expect(c.score).toBe(0);
    expect(c.passed).toBe(false);
    expect(c.tip).toMatch(/help me understand/i);
  });

  it('counts fillers per 100 words, each with its evidence', () => {
    const clean = scoreTurn(timed('We cut onboarding time in half for a team like yours.'), ['filler-words']).criteria[0]!;
    expect(clean.score).toBe(100);
    const messy = scoreTurn(timed('Um so we uh basically um cut onboarding uh time you know'), ['filler-words']).criteria[0]!;
    expect(messy.evidence.map((e) => e.text)).toEqual(['Um', 'uh', 'um', 'uh', 'you know']);
    expect(messy.score).toBeLessThan(80);
    expect(messy.explanation).toMatch(/^5 filler words in 12 words/);
  });

  it('gives the same score for the same input, with an overall and pass mark', () => {
    const t = timed('How do you onboard drivers today? Um, walk me through it.');
    const a = scoreTurn(t, ['open-question', 'filler-words']);
    expect(scoreTurn(t, ['open-question', 'filler-words'])).toEqual(a);
    expect(a.passMark).toBe(80);
    expect(a.overall).toBe(Math.round((a.criteria[0]!.score + a.criteria[1]!.score) / 2));
  });
});
