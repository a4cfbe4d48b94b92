/**
 * A small learned model beside the rules, for the two techniques reps phrase in the most open ways
 * (competitor disparagement, quantified value): naive Bayes over a sentence's words and word pairs,
 * trained on the labelled corpus by `npm run train:scoring` and shipped as JSON (no network, same
 * sentence, same answer). A sentence counts when its log-odds clears the threshold chosen on
 * batches left out of training; the words that weighed most are the explanation shown with it.
 */
import model from './word-pairs-model.json';

export type LearnedTechnique = 'competitor-disparagement' | 'quantified-value';

export interface LearnedModel {
  /** log P(positive) − log P(negative) over the training utterances. */
  prior: number;
  /** The weight of a feature never seen in training (smoothing). */
  unseen: number;
  threshold: number;
  /** Feature → log P(f | positive) − log P(f | negative). */
  weights: Record<string, number>;
}

/** Lower-cased words and adjacent word pairs: "their app", "a third", "off the". */
export function featuresOf(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[a-z']+|\d+/g) ?? [];
  const out = new Set<string>();
  words.forEach((w, i) => {
    out.add(w);
    if (i) out.add(`${words[i - 1]} ${w}`);
  });
  return [...out];
}

export interface LearnedVerdict {
  detected: boolean;
  score: number;
  /** The features that pushed the score up most, for the explanation. */
  because: string[];
}

export function judge(m: LearnedModel, text: string): LearnedVerdict {
  const contributions = featuresOf(text).map((f) => [f, m.weights[f] ?? m.unseen] as const);
  const score = contributions.reduce((sum, [, w]) => sum + w, m.prior);
  const because = contributions
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([f]) => f);
  return { detected: score > m.threshold, score, because };
}

const MODELS = model as unknown as Record<LearnedTechnique, LearnedModel>;

export function learnedVerdict(id: LearnedTechnique, text: string): LearnedVerdict {
  return judge(MODELS[id], text);
}
