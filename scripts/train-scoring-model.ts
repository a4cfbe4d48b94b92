/**
 * `npm run train:scoring`: trains the learned model that sits beside the rules for competitor
 * disparagement and quantified value (naive Bayes over words and word pairs) on the development
 * set, and writes src-main/core/scoring/learned/word-pairs-model.json. Deterministic: the same
 * corpus gives the same file. The threshold is chosen on batches left out of training (each batch
 * in turn), so it is set for words the model has not seen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src-main/core/scoring/text/sentences';
import {
  featuresOf,
  judge,
  type LearnedModel,
  type LearnedTechnique,
} from '../src-main/core/scoring/learned/word-pairs';
import { ROOT } from '../test/support/paths';
import { batchesOf, type LabelledUtterance, loadCorpus } from '../test/support/scoring-eval';

export const MODEL_FILE = join(ROOT, 'src-main/core/scoring/learned/word-pairs-model.json');
const TECHNIQUES: LearnedTechnique[] = ['competitor-disparagement', 'quantified-value'];
/** Features seen fewer times than this are dropped (they weigh nothing, like unseen ones): a smaller file. */
const MIN_COUNT = 2;
const THRESHOLDS = Array.from({ length: 41 }, (_, i) => i / 2 - 4);
const MIN_PRECISION = 0.9;

/** Laplace-smoothed multinomial naive Bayes, without its threshold. */
export function train(corpus: LabelledUtterance[], id: LearnedTechnique): Omit<LearnedModel, 'threshold'> {
  const counts = { pos: new Map<string, number>(), neg: new Map<string, number>() };
  let positives = 0;
  for (const u of corpus) {
    const positive = u.techniques.includes(id);
    if (positive) positives++;
    const m = positive ? counts.pos : counts.neg;
    for (const f of featuresOf(u.text)) m.set(f, (m.get(f) ?? 0) + 1);
  }
  const vocab = new Set([...counts.pos.keys(), ...counts.neg.keys()]);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const [tp, tn] = [total(counts.pos), total(counts.neg)];
  const weight = (f: string) =>
    Math.log(((counts.pos.get(f) ?? 0) + 1) / (tp + vocab.size)) -
    Math.log(((counts.neg.get(f) ?? 0) + 1) / (tn + vocab.size));
  const weights: Record<string, number> = {};
  for (const f of [...vocab].sort())
    if ((counts.pos.get(f) ?? 0) + (counts.neg.get(f) ?? 0) >= MIN_COUNT) weights[f] = round(weight(f));
  const negatives = corpus.length - positives;
  return {
    prior: round(Math.log(Math.max(1, positives) / Math.max(1, negatives))),
    // A word never seen (or seen once) says nothing either way: smoothing alone would make every new
    // word a little "positive" when positives are rare, and long answers would drift over the threshold.
    unseen: 0,
    weights,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The threshold that gives the model its best F1 on each batch when that batch is left out of training. */
export function chooseThreshold(batches: LabelledUtterance[][], id: LearnedTechnique): number {
  const scored: { gold: boolean; score: number }[] = [];
  batches.forEach((held, i) => {
    const model = { ...train(batches.filter((_, j) => j !== i).flat(), id), threshold: 0 };
    for (const u of held) {
      const score = Math.max(...splitSentences(u.text).map((s) => judge(model, s.text).score), -Infinity);
      scored.push({ gold: u.techniques.includes(id), score });
    }
  });
  let best = { threshold: THRESHOLDS[THRESHOLDS.length - 1]!, f1: -1 };
  for (const threshold of THRESHOLDS) {
    let tp = 0, fp = 0, fn = 0; // prettier-ignore
    for (const s of scored) {
      // The model on its own: the rules were tuned on these very batches, so counting them here would
      // make every batch look "seen" and push the threshold out of reach of new words.
      const got = s.score > threshold;
      if (got && s.gold) tp++;
      else if (got) fp++;
      else if (s.gold) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    // Beside rules that are already precise, the model must be too: a wrong "Found" costs more trust
    // than a miss, so thresholds below 0.90 precision on unseen batches are not taken.
    const precise = tp + fp === 0 || tp / (tp + fp) >= MIN_PRECISION;
    if (precise && f1 > best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

export function trainAll(): Record<LearnedTechnique, LearnedModel> {
  const batches = batchesOf('development').map((b) => loadCorpus(b));
  const all = batches.flat();
  return Object.fromEntries(
    TECHNIQUES.map((id) => [id, { ...train(all, id), threshold: chooseThreshold(batches, id) }]),
  ) as Record<LearnedTechnique, LearnedModel>;
}

if (process.argv[1]?.endsWith('train-scoring-model.ts')) {
  const models = trainAll();
  writeFileSync(MODEL_FILE, JSON.stringify(models, null, 1) + '\n');
  for (const [id, m] of Object.entries(models))
    console.log(`${id}: ${Object.keys(m.weights).length} features, threshold ${m.threshold}`);
  console.log(`Written ${MODEL_FILE}`);
}
