import { type Token, tokenize } from './tokens';

export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'e.g',
  'i.e',
  'approx',
  'jr',
  'sr',
  'st',
]);

/**
 * Splits text into sentences with character spans: at . ? ! (not inside numbers such as 3.5,
 * not after abbreviations such as "Dr.") and at line breaks.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body && /[A-Za-z0-9]/.test(body)) {
      const start = from + lead;
      out.push({ text: body, start, end: start + body.length, tokens: tokenize(body, start) });
    }
    from = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '?' && c !== '!') continue;
    if (c === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue; // 3.5
    if (c === '.') {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase();
      if (word && ABBREVIATIONS.has(word)) continue;
    }
    let end = i + 1;
    while (end < text.length && /[.?!"”')]/.test(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue; // "file.wav", "e.g.x"
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}
