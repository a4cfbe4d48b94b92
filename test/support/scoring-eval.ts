/**
 * Scores the deterministic detectors against the hand-labelled corpus
 * (test/fixtures/corpus/utterances.txt): precision, recall and F1 per detector, for question
 * detection and for the open/closed classes, and for fillers (per filler word, by count).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src-main/core/scoring/analyze';
import { ROOT } from './paths';

const CODES = {
  prb: 'probing',
  ack: 'acknowledge-objection',
  fff: 'feel-felt-found',
  qv: 'quantified-value',
  ns: 'next-step',
  cd: 'competitor-disparagement',
  hdg: 'hedging',
} as const;
export const EVALUATED_TECHNIQUES = Object.values(CODES);

export interface LabelledUtterance {
  line: number;
  text: string;
  question: 'open' | 'closed' | null;
  techniques: string[];
  fillers: string[];
}

export function loadCorpus(file = join(ROOT, 'test/fixtures/corpus/utterances.txt')): LabelledUtterance[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter(({ raw }) => raw.trim() && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const [q, tech, fill, ...rest] = raw.split('|');
      const text = rest.join('|');
      if (!text || !['O', 'C', '-'].includes(q!))
        throw new Error(`corpus line ${line}: expected question|techniques|fillers|text`);
      const techniques = tech
        ? tech.split(',').map((c) => {
            const id = CODES[c as keyof typeof CODES];
            if (!id) throw new Error(`corpus line ${line}: unknown technique code "${c}"`);
            return id;
          })
        : [];
      return {
        line,
        text,
        question: q === 'O' ? 'open' : q === 'C' ? 'closed' : null,
        techniques,
        fillers: fill ? fill.split(',') : [],
      };
    });
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const figures = (tp: number, fp: number, fn: number): Figures => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    tp,
    fp,
    fn,
    precision: Number(precision.toFixed(4)),
    recall: Number(recall.toFixed(4)),
    f1: Number(f1.toFixed(4)),
  };
};

export interface EvalReport {
  utterances: number;
  detectors: Record<string, Figures>;
  errors: { line: number; detector: string; expected: string; got: string; text: string }[];
}

export function evaluate(corpus = loadCorpus()): EvalReport {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const errors: EvalReport['errors'] = [];
  const tally = (
    name: string,
    expected: boolean,
    got: boolean,
    u: LabelledUtterance,
    expectedText = String(expected),
    gotText = String(got),
  ) => {
    counts[name] ??= { tp: 0, fp: 0, fn: 0 };
    if (expected && got) counts[name].tp++;
    else if (got) counts[name].fp++;
    else if (expected) counts[name].fn++;
    if (expected !== got)
      errors.push({ line: u.line, detector: name, expected: expectedText, got: gotText, text: u.text });
  };
  for (const u of corpus) {
    const a = analyzeText(u.text);
    const types = a.sentences.map((s) => s.question);
    const predicted = types.includes('open') ? 'open' : types.includes('closed') ? 'closed' : null;
    tally('question', u.question !== null, predicted !== null, u, String(u.question), String(predicted));
    tally('open-question', u.question === 'open', predicted === 'open', u, String(u.question), String(predicted));
    tally('closed-question', u.question === 'closed', predicted === 'closed', u, String(u.question), String(predicted));
    for (const id of EVALUATED_TECHNIQUES) tally(id, u.techniques.includes(id), a.techniques[id].detected, u);
    // Fillers: compare the multiset of filler words found with the labels.
    const found = a.fillers.items.map((f) => f.text.toLowerCase());
    const expected = [...u.fillers];
    let tp = 0;
    for (const f of found) {
      const at = expected.indexOf(f);
      if (at >= 0) {
        tp++;
        expected.splice(at, 1);
      }
    }
    counts.fillers ??= { tp: 0, fp: 0, fn: 0 };
    counts.fillers.tp += tp;
    counts.fillers.fp += found.length - tp;
    counts.fillers.fn += expected.length;
    if (found.length !== tp || expected.length)
      errors.push({
        line: u.line,
        detector: 'fillers',
        expected: u.fillers.join(',') || '-',
        got: found.join(',') || '-',
        text: u.text,
      });
  }
  const detectors = Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, figures(c.tp, c.fp, c.fn)]));
  return { utterances: corpus.length, detectors, errors };
}
