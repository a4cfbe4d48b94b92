import type { Sentence } from '../text/sentences';

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Curly apostrophes straightened (same length, so offsets hold). */
export const straight = (text: string): string => text.replace(/’/g, "'");

/** Words that negate what follows them within a few words ("I don't understand", "never going to push"). */
const NEGATION = new RegExp(
  [
    "\\b(?:not|no|never|don't|doesn't|didn't|can't|cannot|couldn't|won't|wouldn't|isn't|",
    "aren't|wasn't|weren't|haven't|hasn't|shouldn't|nobody|nothing|neither|nor|without)\\b",
  ].join(''),
  'i',
);

/** True when a negation stands in the few words just before `start` (same sentence). */
export function negatedBefore(text: string, start: number, sentenceStart = 0, words = 3): boolean {
  // "yeah no, I hear you": a spoken discourse marker, not a negation.
  const before = straight(text)
    .slice(sentenceStart, start)
    .replace(/\byeah,? no\b/gi, 'yeah')
    // "No, I totally get that" and "no-shows": a spoken opener and a noun, not negations.
    .replace(/^\s*no\b(?=,|\s+(?:i|we|that|you|it|totally|yeah|no)\b)/i, '')
    .replace(/\bno[- ]shows?\b/gi, 'absences');
  const window = before.split(/\s+/).filter(Boolean).slice(-words).join(' ');
  return NEGATION.test(window);
}

/** Every match of `re` (global, case-insensitive) in `text`, as spans; `group` picks a capture group. */
export function findAll(text: string, re: RegExp, group = 0): Span[] {
  const out: Span[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (const m of straight(text).matchAll(g)) {
    const value = m[group];
    if (value === undefined) continue;
    const start = m.index + (group ? m[0].indexOf(value) : 0);
    out.push({ text: text.slice(start, start + value.length), start, end: start + value.length });
  }
  return out;
}

/** Matches of `re` inside each sentence, skipping negated ones; spans are in whole-text offsets. */
export function findInSentences(
  text: string,
  sentences: Sentence[],
  re: RegExp,
  options: { negatable?: boolean } = {},
): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    for (const m of findAll(s.text, re)) {
      const start = s.start + m.start;
      if (options.negatable && negatedBefore(text, start, s.start)) continue;
      out.push({ text: text.slice(start, start + m.text.length), start, end: start + m.text.length });
    }
  }
  return out;
}

export const sentenceSpan = (s: Sentence): Span => ({ text: s.text, start: s.start, end: s.end });
