/**
 * Filler words, with context: "um" is always a filler, "like" and "so" only when they carry no
 * meaning ("it was, like, slow"; "So, um, ..."), never inside a word ("likely", "also").
 */
import type { Sentence } from '../text/sentences';
import type { Span } from './match';
import { parse } from '../text/parse';

/** Words after which "like" means something ("I'd like", "looks like", "something like 20"). */
const MEANINGFUL_BEFORE_LIKE = new Set([
  'would',
  "'d",
  "i'd",
  "you'd",
  "we'd",
  "they'd",
  'i',
  'they',
  'look',
  'looks',
  'looked',
  'looking',
  'feel',
  'feels',
  'felt',
  'feeling',
  'sound',
  'sounds',
  'seem',
  'seems',
  'something',
  'things',
  'stuff',
  'anything',
  'nothing',
  'everything',
  'more',
  'much',
  'just',
  'exactly',
  'really',
  "don't",
  "doesn't",
  "didn't",
  'not',
  'also',
  'would',
  'most',
]);

/**
 * "like" in speech written without commas ("are you guys like using excel", "it's like really
 * slow"): a filler when the words around it leave it no meaning. After a noun or "you"/"we" only
 * before a verb, adverb or adjective ("customers like you", "we like to" keep their meaning).
 */
function likeIsSpokenFiller(sentence: Sentence, i: number): boolean {
  const t = sentence.tokens;
  const prev = t[i - 1];
  const next = t[i + 1];
  if (!next || /^(?:to|that|this|so)$/.test(next.norm) || /^\d/.test(next.norm)) return false;
  if (prev && MEANINGFUL_BEFORE_LIKE.has(prev.norm)) return false;
  // Sentence-relative offsets: the parse is cached by text, so no offset copy is made per lookup.
  const words = parse(sentence.text).words;
  const pos = (token: { start: number }) => words.find((w) => w.start === token.start - sentence.start)?.pos ?? '';
  if (pos(next) === 'NUM') return false;
  const verbLike = ['VERB', 'ADV', 'ADJ', 'AUX'].includes(pos(next));
  // "the dashboard's like the first thing": "'s" is "is", like any copula before a filler.
  if (prev && /'s$/.test(prev.norm)) return true;
  if (prev && (prev.norm === 'you' || prev.norm === 'we' || ['NOUN', 'PROPN'].includes(pos(prev)))) return verbLike;
  // After a copula, a determiner, a wh-word or another filler ("it was like a…", "the like biggest",
  // "so like there's"), or before a verb, adverb or adjective; "works like a charm" keeps its meaning.
  const hollowBefore =
    !prev || /^(?:is|was|are|were|be|'s|'re|the|a|what's|so|um|uh|and|of|maybe|kind|sort)$/.test(prev.norm);
  return verbLike || hollowBefore;
}

const ALWAYS = new Set([
  'um',
  'umm',
  'ummm',
  'uh',
  'uhh',
  'uhm',
  'er',
  'erm',
  'ah',
  'hmm',
  'hm',
  'mm',
  'mhm',
  'basically',
  'literally',
]);
const BEFORE_YOU_KNOW_NOT_FILLER = new Set([
  'sure',
  'once',
  'until',
  'make',
  'do',
  'did',
  "don't",
  'if',
  'as',
  'what',
  'whether',
  'would',
  'could',
  'that',
  'how',
  'where',
  'when',
  'why',
  'who',
  'might',
  'will',
  'let',
  'so',
  'because',
  'since',
  'than',
]);
const QUOTATIVE_BEFORE_LIKE = new Set([
  'was',
  'were',
  'is',
  "i'm",
  "it's",
  "he's",
  "she's",
  "they're",
  "we're",
  "that's",
  'be',
  'just',
  'am',
  'are',
]);

export function findFillers(text: string, sentences: Sentence[]): Span[] {
  const out: Span[] = [];
  const span = (start: number, end: number) => out.push({ text: text.slice(start, end), start, end });
  for (const s of sentences) {
    const t = s.tokens;
    // Speech as whisper writes it when it drops punctuation: no capitals, no commas.
    const spoken = !/[A-Z,]/.test(s.text);
    for (let i = 0; i < t.length; i++) {
      const w = t[i]!;
      const prev = t[i - 1];
      const next = t[i + 1];
      const charBefore = text.slice(prev ? prev.end : s.start, w.start);
      const charAfter = text.slice(w.end, next ? next.start : s.end);
      const commaBefore = /,/.test(charBefore) || i === 0;
      const commaAfter = /^\s*,/.test(charAfter);
      const nextIsFiller = next !== undefined && ALWAYS.has(next.norm);
      if (ALWAYS.has(w.norm)) {
        span(w.start, w.end);
      } else if (w.norm === 'like') {
        // "like," / ", like," / "was like," / "like um": a filler; "I'd like", "looks like the", "like this": not.
        const quotative = prev !== undefined && QUOTATIVE_BEFORE_LIKE.has(prev.norm) && (commaAfter || nextIsFiller);
        if ((commaBefore && (commaAfter || nextIsFiller)) || quotative || (i === 0 && commaAfter)) span(w.start, w.end);
        else if (spoken && i > 0 && likeIsSpokenFiller(s, i)) span(w.start, w.end);
      } else if (w.norm === 'so') {
        // Sentence-opening "So," or "so um", or a trailing "so": a filler; "so that", "so much", "So your main
        // concern": not.
        // A trailing "so" only after "and"/"or" or a comma ("we could start first and so."); "everyone says so" is not.
        const trailing =
          next === undefined &&
          i > 0 &&
          // "or so" means "about": not a filler.
          (prev?.norm === 'and' || commaBefore) &&
          !/^\s*[?]/.test(charAfter);
        if (
          (i === 0 && (commaAfter || nextIsFiller || (spoken && next?.norm === 'like' && likeIsSpokenFiller(s, 1)))) ||
          (commaBefore && commaAfter) ||
          (nextIsFiller && i > 0) ||
          trailing
        )
          span(w.start, w.end);
        else if (next?.norm === 'yeah') span(w.start, next.end);
      } else if (w.norm === 'you' && next?.norm === 'know') {
        const after = t[i + 2];
        const commaAfterKnow = /^\s*,/.test(text.slice(next.end, after ? after.start : s.end));
        const notFiller =
          (prev && BEFORE_YOU_KNOW_NOT_FILLER.has(prev.norm)) ||
          after?.norm === 'what' ||
          after?.norm === 'how' ||
          after?.norm === 'that' ||
          after?.norm === 'the' ||
          after?.norm === 'if' ||
          after?.norm === 'about';
        // Speech without commas: "you know the manager gets a summary" is a filler too.
        const spokenFiller = spoken && !/^(?:what|how|if|about|whether)$/.test(after?.norm ?? '');
        if (
          // ", you know, ": set off by commas it is a filler whatever comes before.
          (commaBefore && commaAfterKnow) ||
          ((prev === undefined || !BEFORE_YOU_KNOW_NOT_FILLER.has(prev.norm)) &&
            (commaAfterKnow || !notFiller || spokenFiller))
        )
          span(w.start, next.end);
        i++;
      } else if (w.norm === 'i' && next?.norm === 'mean') {
        const afterMean = text.slice(next.end, t[i + 2] ? t[i + 2]!.start : s.end);
        // Speech written without commas ("i mean we could start small"): an opening "i mean" is a filler.
        const spokenOpener = i === 0 && spoken && !/^(?:it|that|what|business|well|every)$/.test(t[i + 2]?.norm ?? '');
        if (((i === 0 || commaBefore) && (/^\s*,/.test(afterMean) || t[i + 2] === undefined)) || spokenOpener)
          span(w.start, next.end);
        i++;
      }
    }
  }
  return out;
}
