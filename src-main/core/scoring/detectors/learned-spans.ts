import { type LearnedTechnique, learnedVerdict } from '../learned/word-pairs';
import type { Sentence } from '../text/sentences';
import { sentenceSpan, type Span, straight } from './match';

/** The sentence's words that weighed most for the learned model, as evidence; [] when it does not count. */
export function learnedSpans(id: LearnedTechnique, s: Sentence): Span[] {
  const verdict = learnedVerdict(id, s.text);
  if (!verdict.detected) return [];
  const lower = straight(s.text).toLowerCase();
  const spans = verdict.because.flatMap((feature) => {
    const at = lower.search(new RegExp(`\\b${feature.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    return at < 0
      ? []
      : [{ text: s.text.slice(at, at + feature.length), start: s.start + at, end: s.start + at + feature.length }];
  });
  return spans.length ? spans.sort((a, b) => a.start - b.start) : [sentenceSpan(s)];
}
