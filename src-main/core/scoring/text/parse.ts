/**
 * Parts of speech and named quantities (dates, times, durations, numbers, money, percentages) for a
 * sentence, from wink-nlp and its shipped English model: deterministic, offline, ~75,000 short
 * utterances a second here. The detectors use it where structure decides and a word list cannot:
 * "where does the pressure come from" (a wh-word, an auxiliary, a subject), "the 3rd" (a date),
 * "forty grand" (a number). Every word keeps its character span in the original text, so evidence
 * stays verbatim.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Word {
  text: string;
  /** Lower case, curly apostrophes straightened. */
  norm: string;
  /** Universal part-of-speech tag: NOUN, VERB, AUX, PRON, DET, ADP, NUM, ADJ, ADV, PART, INTJ, PUNCT, … */
  pos: string;
  start: number;
  end: number;
}

export type EntityType = 'DATE' | 'TIME' | 'DURATION' | 'CARDINAL' | 'ORDINAL' | 'MONEY' | 'PERCENT' | string;

export interface Entity {
  type: EntityType;
  text: string;
  start: number;
  end: number;
}

export interface Parsed {
  words: Word[];
  entities: Entity[];
}

let nlp: WinkMethods | undefined;
/** Loaded on first use (about 0.1 s, 40 MB): a CLI that never scores never pays for it. */
function engine(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'pos', 'ner']);
  return nlp;
}

const cache = new Map<string, Parsed>();
const CACHE_LIMIT = 2000;

/** Forgets every parse (the bench measures analysis without repeats). */
export function clearParseCache(): void {
  cache.clear();
}

/** Parses `text`; spans are offset by `offset` (the sentence's place in the whole answer). */
export function parse(text: string, offset = 0): Parsed {
  const local = cache.get(text) ?? parseUncached(text);
  if (!cache.has(text)) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, local);
  }
  if (!offset) return local;
  return {
    words: local.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })),
    entities: local.entities.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })),
  };
}

function parseUncached(text: string): Parsed {
  const nlp = engine();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const words: Word[] = [];
  let cursor = 0;
  doc.tokens().each((t: { out: (f?: unknown) => string }) => {
    const value = t.out();
    const at = text.indexOf(value, cursor);
    // wink keeps each token's original characters; a token it rewrote is skipped, never misplaced.
    if (at < 0) return;
    cursor = at + value.length;
    words.push({
      text: value,
      norm: value.toLowerCase().replace(/’/g, "'"),
      pos: t.out(its.pos),
      start: at,
      end: cursor,
    });
  });
  const entities: Entity[] = [];
  const tokenSpans = doc.entities().out(its.span) as unknown as [number, number][];
  const details = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  const allTokens = doc.tokens().out() as string[];
  // Map token indexes to character offsets by walking the same way as above.
  const offsets: { start: number; end: number }[] = [];
  let c = 0;
  for (const value of allTokens) {
    const at = text.indexOf(value, c);
    offsets.push(at < 0 ? { start: c, end: c } : { start: at, end: (c = at + value.length) });
  }
  tokenSpans.forEach(([from, to], i) => {
    const start = offsets[from]?.start;
    const end = offsets[to]?.end;
    if (start === undefined || end === undefined || end <= start) return;
    entities.push({ type: details[i]!.type, text: text.slice(start, end), start, end });
  });
  return { words, entities };
}
