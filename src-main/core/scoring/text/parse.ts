/**
 * Parts of speech for a sentence, from wink-nlp and its shipped English model: deterministic,
 * offline, ~75,000 short utterances a second here. The detectors use it where structure decides
 * and a word list cannot: "where does the pressure come from" (a wh-word, an auxiliary, a
 * subject), "what made you start looking" (a wh-word before a verb), "did finance already approve"
 * (an auxiliary before a noun). Every word keeps its character span in the original text, so
 * evidence stays verbatim. (Dates and quantities are read by the detectors' own rules: the model's
 * entities missed spoken ones such as "the twenty third" and "forty grand".)
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

export interface Parsed {
  words: Word[];
}

let nlp: WinkMethods | undefined;
/** Loaded on first use (about 0.1 s, 40 MB): a CLI that never scores never pays for it. */
function engine(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
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
  let local = cache.get(text);
  if (!local) {
    local = parseUncached(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, local);
  }
  if (!offset) return local;
  return { words: local.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })) };
}

function parseUncached(text: string): Parsed {
  const nlp = engine();
  const its = nlp.its;
  const words: Word[] = [];
  let cursor = 0;
  nlp
    .readDoc(text)
    .tokens()
    .each((t: { out: (f?: unknown) => string }) => {
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
  return { words };
}
