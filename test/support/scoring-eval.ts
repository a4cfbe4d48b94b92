/**
 * Scores the deterministic detectors against the hand-labelled corpus (test/fixtures/corpus/,
 * a development set and a held-out set, each a folder of batch files): precision, recall and F1 per
 * detector, for question
 * detection and for the open/closed classes, and for fillers (per filler word, by count).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { analyzeText } from '../../src-main/core/scoring/analyze';
import { ROOT, SCENARIOS } from './paths';

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

/**
 * The competitors named by the built-in scenarios (FleetCore, RouteMax): the app passes a
 * scenario's competitors to the detector, and the role-play batches answer those scenarios.
 */
export const BUILT_IN_COMPETITORS = [
  ...new Set(
    readdirSync(SCENARIOS, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => /^competitors:\s*\[([^\]]*)\]/m.exec(readFileSync(join(SCENARIOS, f), 'utf8'))?.[1] ?? '')
      .flatMap((list) => list.split(','))
      .map((n) => n.trim())
      .filter(Boolean),
  ),
].sort();

export type Style = 'spoken' | 'written';

export interface LabelledUtterance {
  /** The batch file, relative to the corpus folder ("development/paraphrases.txt"). */
  file: string;
  line: number;
  text: string;
  question: 'open' | 'closed' | null;
  techniques: string[];
  fillers: string[];
  /** Spoken-style: no capital letter at all, as whisper often writes speech. */
  style: Style;
}

export const CORPUS = join(ROOT, 'test/fixtures/corpus');
export const SETS = ['development', 'held-out'] as const;
export type SetName = (typeof SETS)[number];

export const styleOf = (text: string): Style => (/[A-Z]/.test(text) ? 'written' : 'spoken');

/** The batch files of a set, in name order (relative to the corpus folder). */
export function batchesOf(set: SetName): string[] {
  const dir = join(CORPUS, set);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${set}/${f}`);
}

/** Every labelled utterance of a set (all its batches). */
export function loadSet(set: SetName): LabelledUtterance[] {
  return batchesOf(set).flatMap((f) => loadCorpus(f));
}

/** One batch file, given relative to the corpus folder or as an absolute path. */
export function loadCorpus(file = 'development/written-with-the-rules.txt'): LabelledUtterance[] {
  const path = isAbsolute(file) ? file : join(CORPUS, file);
  const name = relative(CORPUS, path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw: raw.replace(/\r$/, ''), line: i + 1 }))
    .filter(({ raw }) => raw.trim() && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const [q, tech, fill, ...rest] = raw.split('|');
      const text = rest.join('|').trim();
      if (!text || !['O', 'C', '-'].includes(q!.trim()))
        throw new Error(`${name} line ${line}: expected question|techniques|fillers|text`);
      const techniques = tech?.trim()
        ? tech.split(',').map((c) => {
            const id = CODES[c.trim() as keyof typeof CODES];
            if (!id) throw new Error(`${name} line ${line}: unknown technique code "${c}"`);
            return id;
          })
        : [];
      const question = q!.trim();
      return {
        file: name,
        line,
        text,
        question: question === 'O' ? 'open' : question === 'C' ? 'closed' : null,
        techniques,
        fillers: fill?.trim() ? fill.split(',').map((f) => f.trim().toLowerCase()) : [],
        style: styleOf(text),
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

export interface EvalError {
  file: string;
  line: number;
  detector: string;
  expected: string;
  got: string;
  text: string;
}

export interface EvalReport {
  utterances: number;
  detectors: Record<string, Figures>;
  /** Share of utterances whose question type (open, closed or none) the detectors got right. */
  questionTypeAccuracy: number;
  errors: EvalError[];
}

export interface StyledReport extends EvalReport {
  /** The same figures for spoken-style and written-style utterances apart. */
  byStyle: Record<Style, EvalReport>;
}

/** The figures for a corpus, and for its spoken-style and written-style parts apart. */
export function evaluateByStyle(corpus: LabelledUtterance[]): StyledReport {
  return {
    ...evaluate(corpus),
    byStyle: {
      spoken: evaluate(corpus.filter((u) => u.style === 'spoken')),
      written: evaluate(corpus.filter((u) => u.style === 'written')),
    },
  };
}

export function evaluate(corpus = loadCorpus()): EvalReport {
  let typeRight = 0;
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
      errors.push({ file: u.file, line: u.line, detector: name, expected: expectedText, got: gotText, text: u.text });
  };
  for (const u of corpus) {
    const a = analyzeText(u.text, { competitors: BUILT_IN_COMPETITORS });
    const types = a.sentences.map((s) => s.question);
    const predicted = types.includes('open') ? 'open' : types.includes('closed') ? 'closed' : null;
    if (predicted === u.question) typeRight++;
    tally('question', u.question !== null, predicted !== null, u, String(u.question), String(predicted));
    tally('open-question', u.question === 'open', predicted === 'open', u, String(u.question), String(predicted));
    tally('closed-question', u.question === 'closed', predicted === 'closed', u, String(u.question), String(predicted));
    for (const id of EVALUATED_TECHNIQUES) tally(id, u.techniques.includes(id), a.techniques[id].detected, u);
    // Fillers: compare the multiset of filler words found with the labels.
    // "so yeah" is one filler span in the evidence and labelled "so".
    const found = a.fillers.items.map((f) => f.text.toLowerCase().replace(/^so yeah$/, 'so'));
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
        file: u.file,
        line: u.line,
        detector: 'fillers',
        expected: u.fillers.join(',') || '-',
        got: found.join(',') || '-',
        text: u.text,
      });
  }
  const detectors = Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, figures(c.tp, c.fp, c.fn)]));
  const questionTypeAccuracy = corpus.length ? Number((typeRight / corpus.length).toFixed(4)) : 1;
  return { utterances: corpus.length, detectors, questionTypeAccuracy, errors };
}
