/**
 * The learned model beside the rules: the shipped JSON is exactly what `npm run train:scoring`
 * makes from the corpus (deterministic, never stale), and its evidence is the words that weighed.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeText } from '../../../src-main/core/scoring/analyze';
import { learnedVerdict } from '../../../src-main/core/scoring/learned/word-pairs';
import { MODEL_FILE, trainAll } from '../../../scripts/train-scoring-model';

it('the shipped model is what training on the development set gives, byte for byte', () => {
  expect(JSON.stringify(trainAll(), null, 1) + '\n').toBe(readFileSync(MODEL_FILE, 'utf8'));
});

it('same sentence, same verdict, explained by the words that weighed most', () => {
  const text = 'honestly their support desk is a revolving door of people who never read your ticket';
  const a = learnedVerdict('competitor-disparagement', text);
  expect(learnedVerdict('competitor-disparagement', text)).toEqual(a);
  expect(a.because.length).toBeGreaterThan(0);
  for (const f of a.because) expect(text).toContain(f);
});

it('a learned detection shows verbatim words of the sentence, and the rules alone can be asked for', () => {
  const text = 'their support desk is a revolving door and nobody there reads your ticket twice';
  const withModel = analyzeText(text).techniques['competitor-disparagement'];
  for (const e of withModel.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  const rulesOnly = analyzeText(text, { learned: false }).techniques['competitor-disparagement'];
  expect(rulesOnly.evidence.every((e) => text.slice(e.start, e.end) === e.text)).toBe(true);
});
