import type { Sentence } from './sentences';
import { parse, type Word } from './parse';

export type QuestionType = 'open' | 'closed';

/** Words a spoken sentence often starts with before the real question ("So, um, how ..."). */
const LEAD_IN = new RegExp(
  [
    '^(?:(?:so|and|but|okay|ok|well|now|alright|all right|right|great|cool|got it|perfect|',
    'then|also|just|oh|hey|look|listen|um+|uh+|er|erm|you know|i mean|like|yeah|yes|sure|sorry|',
    'thanks|thank you|and then|out of curiosity|quick question|one more thing|let me ask you|',
    'let me ask)\\b[\\s,:;—-]*)+',
  ].join(''),
  'i',
);

/** Invitations to explain: open questions even with no question mark. */
const INVITATION = new RegExp(
  [
    "^(?:(?:could|can|would|will) you (?:please )?|please |i(?:'d|",
    " would) love (?:for you )?to |i(?:'d| would) like (?:for you )?to |i want to |i(?:'m|",
    " am) (?:really )?curious |i(?:'m| am) interested in |i wonder if you could |",
    'do you mind |would you mind |maybe )?(?:tell me|talk me through|walk me through|',
    'take me through|help me understand|talk to me about|describe|explain|share (?:with me|',
    'more|a bit|a little|how|what|why)|give me (?:a |an |some )?(?:\\w+ )?(?:sense|example|picture|context)|',
    'paint (?:me )?a picture|elaborate|expand on|say (?:a (?:bit|little) )?more|unpack|dig into|telling me|',
    'walking me through|taking me through|describing|explaining|sharing|hear (?:more|about|from|',
    'how|what|why|your)|know (?:more|how|what|why)|understand (?:more|how|what|why|your)|',
    'learn (?:more|how|what|why|about)|about (?:how|what|why)|(?:how|what|why)\\b|to (?:hear|',
    'know|understand|learn))',
  ].join(''),
  'i',
);

/** Invitation openers that only count when they start the sentence (they are questions in intent). */
const INVITATION_START = new RegExp(
  [
    '^(?:tell me|talk me through|walk me through|take me through|help me understand|',
    'talk to me about|describe|explain|share|give me|paint|elaborate|expand on|say (?:a (?:bit|little) )?more|',
    'dig into|',
    "unpack|i(?:'d| would) love to|i(?:'m| am) (?:really )?curious|i(?:'m| am) interested in|",
    "i wonder|i(?:'d| would) like to (?:hear|know|understand|learn)|i want to understand|",
    'could you|can you|would you|will you|do you mind|would you mind)\\b',
  ].join(''),
  'i',
);

const WH = /^(what|how|why|who|whom|whose|when|where|which)\b/i;
const AUX =
  '(?:do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|had|may|might|' +
  "must|am|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|" +
  "haven't|hasn't|hadn't|shouldn't)";
const SUBJECT =
  '(?:i|you|we|they|he|she|it|there|that|this|these|those|your|the|our|any|anyone|anybody|' +
  "everyone|someone|somebody|a|an|my|his|her|their|its|you guys|y'all|people|folks|" +
  "[a-z]+'s)";
/** "Do you ...", "Is the team ...": a yes/no question, even without a question mark. */
const AUX_QUESTION = new RegExp(`^${AUX}\\s+${SUBJECT}\\b`, 'i');
const AUX_WORD = new RegExp(`^${AUX}$`, 'i');
const SUBJECT_WORD = new RegExp(`^${SUBJECT}$`, 'i');
const PRONOUN = /^(?:i|we|you|they|he|she|it|one)(?:'m|'re|'s|'ve|'d|'ll)?$/i;
const VERB_LIKE = new RegExp(
  [
    '^(?:[a-z]+ed|makes|keeps|drives|matters|happens|stops|worries|helps|works|means|gets|',
    'causes|slows|breaks|costs|takes)$',
  ].join(''),
  'i',
);

/**
 * "What do you ...", "How does your team ...", "What kind of tools do you ...": a wh-word, at most
 * three words with no pronoun, an auxiliary, then a subject. "What we found is ..." has a pronoun
 * before its verb: an embedded clause, a statement.
 */
function whAuxShape(s: string): boolean {
  const words = s.split(/\s+/);
  // "How many reps are on ...": the wh-phrase is the subject, so the verb follows it directly.
  // "How much do you think ...": the auxiliary and its subject right after the wh-phrase.
  if (HOW_FACT.test(s))
    return (
      (AUX_WORD.test(words[2] ?? '') && SUBJECT_WORD.test(words[3] ?? '')) ||
      !words.slice(2, 4).some((w) => PRONOUN.test(w.replace(/[,;:]$/, '')))
    );
  // "Who owns the budget", "who else needs to sign": who + a present-tense verb ("who signs off
  // isn't something I need" goes on to its own verb: a statement).
  const whoVerb = /^who\s+(else\s+)?(?:[a-z]+s|should|would|could|will|can|must|might)\b/.exec(s);
  if (whoVerb && !PRONOUN.test(words[1] ?? ''))
    return !/\b(?:is|isn't|was|wasn't)\b/.test(words.slice(whoVerb[1] ? 3 : 2).join(' '));
  // "which region would go first", "what team handles it": a noun, an auxiliary, a verb.
  if (/^(?:which|what)\b/.test(s) && AUX_WORD.test(words[2] ?? '') && parse(s).words[3]?.pos === 'VERB') return true;
  // "What made you start looking", "what happens after the quote goes out": the wh-word is the
  // subject of a verb; "what made the difference was the pilot" goes on to its own verb: a statement.
  // "What makes you say the completions are fake" asks, whatever follows.
  if (/^what (?:makes|made) you\b/.test(s)) return true;
  if (/^(?:what|who)\b/.test(s) && parse(s).words[1]?.pos === 'VERB')
    return !/\b(?:is|was|are|were)\b/.test(words.slice(2).join(' '));
  // "Which version of the erp are you on": the wh-phrase may run to six words before its auxiliary;
  // "what a lot of fleets found is…" has a verb of its own first: a statement.
  const tags = parse(s).words;
  for (let k = 1; k <= 6 && k < words.length; k++) {
    const w = words[k]!.replace(/[,;:]$/, '');
    if (PRONOUN.test(w)) return false;
    if (k >= 2 && !AUX_WORD.test(w) && tags.find((t) => t.norm === w)?.pos === 'VERB') return false;
    // "What changed their mind was ...", "What makes it hard is ...": a verb before the auxiliary
    // means the wh-clause is the subject of a statement.
    if (k >= 1 && !AUX_WORD.test(w) && VERB_LIKE.test(w)) return false;
    if (AUX_WORD.test(w)) return k === 1 || SUBJECT_WORD.test(words[k + 1]?.replace(/[,;:?]$/, '') ?? '');
  }
  return false;
}
/** "I was curious whether legal has seen it": a yes/no question asked indirectly. */
const INDIRECT_YES_NO = new RegExp(
  [
    "^(?:i(?: wonder| was wondering| am wondering|'m wondering| was curious| am curious|'m curious|",
    " would be curious|'d be curious| want to know| wanted to know| need to know|'d love to know|",
    " would love to know|'d like to know| would like to know| want to check| wanted to check)|",
    'just (?:wondering|curious)|wondering|curious) (?:to (?:know|hear|see) )?(?:if|whether)\\b',
  ].join(''),
);
/** "I was wondering how your reps feel about it": an open question asked indirectly. */
const INDIRECT_OPEN = new RegExp(
  [
    "^(?:i(?: wonder| was wondering| am wondering|'m wondering| was curious|'d be curious|'m curious|",
    ' would be curious)|just (?:wondering|curious)|wondering|curious) (?:to (?:know|hear|learn) )?',
    '(?:how|what|why|where)\\b',
  ].join(''),
);
/** "How does next Thursday at three look?": a time offered for a yes. */
const TIME_OFFERED = new RegExp(
  "^how(?:'s| does| would| is) (?:next |this |the )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|" +
    '\\d{1,2}(?:st|nd|rd|th))\\b.*\\b(?:look|work|sound|suit|for)\\b',
);
const PROPOSAL = /^(?:why (?:don't|do not) (?:we|i|you and i)|why not (?!\w+\?)|how about (?:we|i|us)\b)/;
/** A question tag at the end of a sentence whisper wrote without a comma. */
const END_TAG = new RegExp(
  [
    // Not "that's right", "getting payroll right": a verb before the object takes "right" as its own.
    '^(?!.*\\b(?:get|getting|got|do|doing|did|done|make|made|turn|turned|just|set|sets|setting|',
    'up)\\b(?: \\S+){0,2} right$)',
    "(?!.*\\b(?:that's|that is|thats|all|alright|exactly|totally|you're|is|was|so|oh|yes|it's) ",
    '(?:right|correct|yeah)$)\\S+(?: \\S+){3,} (?:right|correct|is that (?:fair|right|correct)|',
    "does that (?:make sense|sound right|sound fair)|am i right|isn't it|aren't you|don't you)$",
  ].join(''),
);
/** "When you picture…", "If we got this live…": a fronted subordinate clause. */
const SUBORDINATE =
  /^(?:when|where|while|if|once|as|after|before|since|whenever)\s+(?:i|you|we|they|he|she|it|your|our|the|their|this|that|there|my|a|an|everyone|people)\b/; // eslint-disable-line max-len
/** Where-questions that ask for an explanation, not a place: "where does the pressure come from". */
/** Where-questions that ask for an explanation, not a place: "where does the pressure come from". */
const WHERE_PLACE =
  /\b(?:based|located|headquartered|hosted|stored|live|sit|sits|buy|ship|send|sign|signed|go for|find)\b/;
// With do or a modal, "where" asks how something happens ("where does the friction show up").
const WHERE_DO = /^where (?:do|does|did|would|could|should|will|can|might)\b/;
const WHERE_BE_OPEN = new RegExp(
  [
    "^where(?:'s| is| are| was| were)\\b.*\\b(?:coming from|going|headed|heading|stuck|breaking|falling|",
    'struggling|hurting|losing|slipping|going wrong|getting stuck|falling down|dropping)\\b',
  ].join(''),
);
const WHERE_OPEN = { test: (s: string) => !WHERE_PLACE.test(s) && (WHERE_DO.test(s) || WHERE_BE_OPEN.test(s)) };
const WH_CONTRACTED = /^(?:what|how|why|who|when|where)'(?:s|re|d|ll)\b/i;
/** Tag questions: "..., right?", "..., isn't it?" */
const TAG = new RegExp(
  [
    ",\\s*(?:right|correct|yeah|yes|no|ok|okay|true|agreed|fair|isn't it|aren't they|",
    "aren't you|don't you|doesn't it|didn't you|won't you|wouldn't you|isn't that right|",
    'is that right|is that fair|is that correct|does that make sense|am i right|',
    'yes or no)\\s*\\??\\s*$',
  ].join(''),
  'i',
);
/** "How many", "what time": questions after a single fact. */
const HOW_FACT = /^how\s+(?:many|much|long|often|soon|far|big|old|large|quickly|fast|frequently|close)\b/i;
const WHAT_FACT = new RegExp(
  [
    // "what's the go live date", "what's your target start date": up to two words before the fact.
    "^(?:what|which)(?:'s\\s+|\\s+(?:(?:is|was|are|were)\\s+)?)(?:(?:the|your|our|their)\\s+",
    '(?:[a-z-]+\\s+){0,2}?)?(?:time|date|day|year|month|week|budget|deadline|number|price|cost|size|',
    'headcount|title|name|email|phone|address|percentage|percent|amount|version|quarter|term|stage|phase|status|',
    'renewal date|contract length|figure|total|(?:current |annual |',
    'monthly )?(?:contract value|spend|volume|revenue|count))\\b',
  ].join(''),
  'i',
);
/** Questions that read as yes/no even though they start like an invitation: "can you do it by Friday". */
const INVITATION_VERB = new RegExp(
  [
    '\\b(?:tell|walk|talk|take|help|describe|explain|share|give|paint|elaborate|expand|',
    'say more|unpack|hear|know|understand|learn)\\b',
  ].join(''),
  'i',
);

export interface QuestionInfo {
  type: QuestionType | null;
  /** Why: which rule classified it (for the explanation and for the eval's error reports). */
  rule: string;
}

/** Strips lead-ins and trailing punctuation, lower-cases, straightens apostrophes. */
export function coreOf(sentence: string): string {
  return (
    sentence
      .replace(/’/g, "'")
      // Speech transcripts drop apostrophes: "whats", "hows", "dont".
      .replace(/\b(what|how|where|who|that|there)s\b/gi, "$1's")
      .replace(/\b(do|does|did|is|are|was|were|can|would|could|should|have|has)nt\b/gi, "$1n't")
      .trim()
      // Hesitations and disfluent repeats ("would uh would friday work", "how how do you") do not
      // change what is asked.
      .replace(/\b(?:u+m+|u+h+|e+r+m*|h+m+|m+h*m+|mhm)\b[\s,]*/gi, '')
      .replace(/\b([a-z]+(?:'[a-z]+)?)(?:[\s,]+\1\b)+/gi, '$1')
      // "i'm curious you know how…": a spoken "you know" inside an indirect question.
      .replace(/\b(curious|wondering) you know\b/gi, '$1')
      // "can you like unpack that": a spoken "like" before a verb carries nothing.
      .replace(/\b(you|we|it|is|does|do|how) like (?!to\b|it\b|that\b|this\b|about\b)/gi, '$1 ')
      .replace(LEAD_IN, '')
      .replace(/^[\s,;:—-]+/, '')
      .replace(/[\s.!]+$/, '')
      .toLowerCase()
  );
}

/**
 * Is this sentence a question, and is it open (invites the buyer to explain) or closed (answered
 * by yes/no or a single fact)? Works without punctuation, which whisper often drops.
 */
export function classifyQuestion(sentence: Sentence | string): QuestionInfo {
  if (typeof sentence === 'string') return classify(sentence);
  // Several detectors ask about the same sentence of one analysis: classify it once.
  let info = classified.get(sentence);
  if (!info) classified.set(sentence, (info = classify(sentence.text)));
  return info;
}

const classified = new WeakMap<Sentence, QuestionInfo>();

function classify(raw: string): QuestionInfo {
  const hasMark = /\?\s*["”')]*\s*$/.test(raw.trim());
  const spoken = !/[A-Z]/.test(raw);
  const whole = classifyClause(coreOf(raw), hasMark, false, spoken);
  if (whole.type !== null && whole.rule !== 'statement with a question mark') return whole;
  // "Before we talk price, what problem ...?", "That's interesting, help me understand ...":
  // the question is the clause after a comma.
  const clauses = raw.split(/[,;:—]\s*/).slice(1);
  for (const clause of clauses) {
    const info = classifyClause(coreOf(clause), hasMark);
    // Without a question mark, ", which is worth ..." or ", who owns ..." is a relative clause:
    // only an invitation ("..., help me understand ...") makes the sentence a question.
    if (!hasMark && info.rule !== 'invitation' && info.rule !== 'probe') continue;
    if (info.type !== null && info.rule !== 'statement with a question mark')
      return { ...info, rule: `${info.rule} (after a comma)` };
  }
  // Speech as whisper writes it runs clauses together: "fair enough do you want to start small",
  // "when you picture the rollout what worries you". Find where a question starts by its structure.
  // A punctuated (written-style) sentence marks its questions; only speech written without
  // capitals and question marks needs its questions found by structure.
  const onset = hasMark || !/[A-Z]/.test(raw) ? questionOnset(raw) : null;
  if (onset !== null) {
    const info = classifyClause(coreOf(raw.slice(onset)), true, true);
    if (info.type !== null && info.rule !== 'statement with a question mark')
      return { ...info, rule: `${info.rule} (mid-sentence)` };
  }
  // "So if I've got this right, the worry is that…?": whatever its shape, a question mark asks.
  return hasMark && whole.type === null ? { type: 'closed', rule: 'statement with a question mark' } : whole;
}

const WH_WORDS = new Set(['what', 'how', 'why', 'who', 'when', 'where', 'which']);
const YES_NO_AUX = new Set([
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'can',
  'could',
  'would',
  'will',
  'should',
  'shall',
  'have',
  'has',
  'may',
  'might',
]);
/** Words after which a new clause may start in run-together speech. */
const CLAUSE_CLOSERS = new Set([
  'so',
  'and',
  'but',
  'okay',
  'ok',
  'alright',
  'well',
  'now',
  'then',
  'right',
  'yeah',
  'yes',
  'no',
  'sure',
  'great',
  'cool',
  'perfect',
  'fine',
  'totally',
  'absolutely',
  'exactly',
  'enough',
  'sense',
  'understood',
  'understand',
  'follow',
  'again',
  'gotcha',
  'anyway',
  'also',
  'plus',
  'honestly',
  'thanks',
  'um',
  'umm',
  'uh',
  'er',
  'erm',
  'hmm',
  'like',
  'question',
  'curious',
  'curiosity',
]);
const SUBJECTS = new Set([
  'i',
  'you',
  'we',
  'they',
  'he',
  'she',
  'it',
  'that',
  'this',
  'there',
  'these',
  'those',
  'now',
]);
const SUBJECT_POS = new Set(['PRON', 'DET', 'NOUN', 'PROPN', 'NUM', 'ADJ']);
const HESITATION = /^(?:u+m+|u+h+|e+r+m*|h+m+|m+h*m+|mhm)$/;
const MODALS = new Set(['would', 'could', 'will', 'should', 'might', 'can']);
/** "the spreadsheets you mentioned how do they…": a verb that points back at the buyer's words. */
const REFERENCE_VERBS = new Set(['mentioned', 'said', 'raised', 'described', 'flagged']);
/** Joining words after which an auxiliary continues the clause ("…the contract and have the team ready"). */
const CONTINUERS = new Set(['and', 'but', 'so', 'then', 'also', 'plus', 'like', 'now', 'well', 'or']);
/** Invitations that start a new clause mid-sentence: "you said go live was rough walk me through…". */
// Sticky: tried at one offset of the sentence without copying the rest of it.
const MID_INVITATION = new RegExp(
  '(?:tell me|(?:walk|talk|take) me through|help me understand|talk to me about|give me an? (?:example|sense)|' +
    'say (?:a (?:bit|little) )?more|unpack|dig into)\\b',
  'y',
);
const NOT_BEFORE_INVITATION = new Set(['to', 'let', 'can', 'could', 'will', "'ll", 'would', 'i', 'we', 'they', 'and']);

/** Where a question starts inside a sentence (a character offset), found by its structure; null if none. */
function questionOnset(raw: string): number | null {
  // Repeated words are skipped ("how how close are we" reads as "how close are we"); a hesitation
  // is kept as a boundary ("…get that um what would…") but never read as a clause's next word.
  const words = parse(raw).words.filter(
    (w, i, all) => (w.pos !== 'PUNCT' || /[,;:—.]/.test(w.text)) && w.norm !== all[i - 1]?.norm,
  );
  // Hesitations and adverbs ("what usually keeps them") are read past when looking at what follows.
  const spoken = words.filter((w) => !HESITATION.test(w.norm));
  const position = new Map(spoken.map((w, k) => [w, k]));
  // The next word that is not an adverb; adverbs run short, so this stays linear in practice.
  const nextOf = (k: number) => {
    for (let j = k + 1; j < spoken.length; j++)
      if (spoken[j]!.pos !== 'ADV' || spoken[j]!.norm === 'how') return spoken[j];
    return undefined;
  };
  const lower = raw.toLowerCase().replace(/’/g, "'");
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i]!;
    if (HESITATION.test(w.norm)) continue;
    const prev = words[i - 1]!;
    const next = nextOf(position.get(w)!);
    const after = next ? nextOf(position.get(next)!) : undefined;
    if (!next) break;
    const boundary =
      prev.pos === 'PUNCT' ||
      prev.pos === 'INTJ' ||
      CLAUSE_CLOSERS.has(prev.norm) ||
      // "i hear you do you ...", "thank you what ...": "you" as the object that ends a clause.
      (prev.norm === 'you' && /^(?:hear|thank|get|see|with)$/.test(words[i - 2]?.norm ?? '')) ||
      REFERENCE_VERBS.has(prev.norm) ||
      // "thanks for hopping on what does…": a particle closing a phrasal verb.
      // "…totally normal you know how does…": a spoken "you know" ends the clause before it.
      (prev.norm === 'know' && words[i - 2]?.norm === 'you');
    MID_INVITATION.lastIndex = w.start;
    const invitation = MID_INVITATION.exec(lower);
    // "maybe you could tell me a bit about…"; but "i'm flexible you tell me" asks nothing more.
    const invited =
      invitation !== null && /\S/.test(lower.slice(w.start + invitation[0].length, w.start + invitation[0].length + 3));
    const offer = NOT_BEFORE_INVITATION.has(prev.norm) && !(MODALS.has(prev.norm) && words[i - 2]?.norm === 'you');
    if (invited && !offer) return w.start;
    // "…a fair thing to flag what do you mean…", "…how the day runs what would it be": a wh-word,
    // an auxiliary and a subject pronoun make a question wherever they stand.
    if (
      WH_WORDS.has(w.norm) &&
      prev.pos !== 'AUX' &&
      next &&
      /^(?:do|does|did|would|could|can|will|should|is|are)$/.test(next.norm) &&
      (/^(?:you|we|they|it)$/.test(after?.norm ?? '') ||
        (/^(?:do|does|did)$/.test(next.norm) && /^(?:the|your|our|this|that|a)$/.test(after?.norm ?? '')))
    )
      return w.start;
    // "…a second job for your office manager how so": a probe at the end of a run-on.
    if (w.norm === 'how' && /^(?:so|come)$/.test(next.norm)) return w.start;
    // "which is why we redesigned it", "no matter how many": statements.
    if (/^which$/.test(w.norm) && /^(?:is|means)$/.test(next.norm)) continue;
    if (prev.norm === 'matter' && words[i - 2]?.norm === 'no') continue;
    if (WH_WORDS.has(w.norm)) {
      // A wh-word after a noun or a clause's end may start a question ("...the rollout what worries
      // you"); after a verb or "is" it is the verb's object ("that's what worries them").
      const clauseEnd =
        boundary ||
        (['NOUN', 'PROPN', 'ADJ', 'ADV', 'NUM'].includes(prev.pos) && !/^(?:which|who|whom|whose)$/.test(w.norm)) ||
        (prev.pos === 'PRON' && /^(?:you|them|it|me|us)$/.test(prev.norm) && w.norm !== 'which' && w.norm !== 'who');
      if (!clauseEnd) continue;
      // ", which was a big change": a relative clause after a comma, not a new question.
      if (/^(?:which|who|whom|whose)$/.test(w.norm) && prev.text === ',') continue;
      if (isAux(next) && after && (SUBJECT_POS.has(after.pos) || SUBJECTS.has(after.norm))) return w.start;
      if (isAux(next) && /^'(?:s|re)$/.test(next.norm)) return w.start;
      // "what worries you": the wh-word is the subject, the buyer the object.
      if (/^(?:what|who)$/.test(w.norm) && /s$/.test(next.norm) && after?.norm === 'you') return w.start;
      // "what happens today when…" asks; "what happens is the manager gets…" tells.
      if (
        w.norm === 'what' &&
        /^(?:happens|happened|changes|changed|breaks|goes)$/.test(next.norm) &&
        !/\b(?:is|was)\b/.test(lower.slice(next.end))
      )
        return w.start;
      // "…was painful what actually went wrong": the wh-word as the subject of a past verb (not "find out
      // what went wrong", the object of a verb).
      if (
        w.norm === 'what' &&
        prev.pos !== 'ADP' &&
        next.pos === 'VERB' &&
        /(?:ed|went|broke|came|made|took|got)$/.test(next.norm)
      )
        return w.start;
      if (w.norm === 'how' && /^(?:many|much|long|often|soon|close|far)$/.test(next.norm)) return w.start;
      // "…too complex what part lost people": a wh-phrase as the subject of a past verb.
      if (
        /^(?:what|which)$/.test(w.norm) &&
        next.pos === 'NOUN' &&
        after?.pos === 'VERB' &&
        /ed$|lost|went|made/.test(after.norm)
      )
        return w.start;
      // "what would need to be true", "what could go wrong": the wh-word as the subject of a modal.
      if (/^(?:what|who)$/.test(w.norm) && MODALS.has(next.norm) && after && ['VERB', 'AUX'].includes(after.pos))
        return w.start;
    } else if (YES_NO_AUX.has(w.norm) && boundary && !CONTINUERS.has(prev.norm)) {
      const subject = next.norm === "n't" || next.norm === 'not' ? after : next;
      if (subject && (SUBJECTS.has(subject.norm) || subject.pos === 'PROPN' || /^(?:the|your|any)$/.test(subject.norm)))
        return w.start;
    } else if (YES_NO_AUX.has(w.norm) && ['NOUN', 'PROPN', 'ADJ', 'ADV'].includes(prev.pos)) {
      // "…by friday are you in a position to sign", "…a concern would it help if…": after a noun
      // an auxiliary starts a new clause only with a subject it cannot belong to ("you", "we"),
      // or a modal with "it" and a verb; "the team does it" is the noun's own verb.
      if (/^(?:you|we)$/.test(next.norm) && !(prev.pos === 'NOUN' && /^(?:is|was|are|were)$/.test(w.norm)))
        return w.start;
      if (MODALS.has(w.norm) && next.norm === 'it' && after?.pos === 'VERB') return w.start;
      // "…the tool is clunky is that the mobile app…": a second "is" after an adjective.
      if (
        prev.pos === 'ADJ' &&
        /^(?:is|was|are|does|did)$/.test(w.norm) &&
        /^(?:that|this)$/.test(next.norm) &&
        ['DET', 'NOUN', 'ADJ', 'PROPN'].includes(after?.pos ?? '')
      )
        return w.start;
    }
  }
  return null;
}

const isAux = (w: Word) => w.pos === 'AUX' || YES_NO_AUX.has(w.norm);

/**
 * `s` is a clause's core (see coreOf); `shaped` says its question structure was already found
 * (by questionOnset), so a wh-start needs no further proof.
 */
function classifyClause(s: string, hasMark: boolean, shaped = false, spoken = false): QuestionInfo {
  if (!s) return { type: null, rule: 'empty' };
  if (INDIRECT_YES_NO.test(s)) return { type: 'closed', rule: 'indirect yes/no question' };
  if (INDIRECT_OPEN.test(s)) return { type: 'open', rule: 'indirect question' };
  // Speech without commas: "so you need it live before peak season right".
  if (spoken && !s.includes(',') && !hasMark && END_TAG.test(s)) return { type: 'closed', rule: 'tag question' };
  // "When you picture the rollout, ...": a fronted clause, not the question itself.
  if (SUBORDINATE.test(s)) return { type: null, rule: 'subordinate clause' };
  // "Why don't we book Thursday", "how about we start small": a proposal asking for a yes.
  // With a question mark it asks for a yes (closed); said without one it is a suggestion.
  if (PROPOSAL.test(s))
    return hasMark ? { type: 'closed', rule: 'a proposal as a question' } : { type: null, rule: 'a suggestion' };
  // "How does next Thursday at three look?", "how's the 3rd for the onsite?": a time offered for a yes.
  if (TIME_OFFERED.test(s)) return { type: 'closed', rule: 'a time offered' };
  // "…, and why?", "…and what's going on there": a question that asks for the reason is open.
  if (/^(?:which|where|when|who)\b.*\band (?:why|what|how)\b/.test(s))
    return { type: 'open', rule: '… and why: asks for an explanation' };

  if (TAG.test(s)) return { type: 'closed', rule: 'tag question' };
  if (/^(?:what do you mean|how come|how so)\b/.test(s)) return { type: 'open', rule: 'probe' };
  // "any update from procurement?": an elliptical yes/no question.
  if (/^any (?:update|news|word|luck|feedback)\b/.test(s)) return { type: 'closed', rule: 'yes/no question' };
  if (/^which\b.*\band why$/.test(s)) return { type: 'open', rule: 'which … and why: asks for an explanation' };
  // "What's different is we're paid on results": a pseudo-cleft statement.
  if (!hasMark && /^what's (?!the\b|your\b|our\b|their\b|a\b)[a-z]+ (?:[a-z ]{0,30} )?(?:is|was)\b/.test(s))
    return { type: null, rule: 'statement' };
  // "Which is why I called": a statement linking back.
  if (/^which (?:is|was) (?:why|what|how)\b|^which means\b/.test(s)) return { type: null, rule: 'statement' };
  // "What if I run a session next Thursday": a proposal asking for a yes.
  if (/^what if (?:i|we)\b/.test(s)) return { type: 'closed', rule: 'a proposal as a question' };
  // "Tell me if anything looks off": a conditional request, not a question.
  if (/^(?:tell me|let me know) (?:if|when|whether)\b/.test(s)) return { type: null, rule: 'a request' };
  if (INVITATION_START.test(s) && INVITATION.test(s)) {
    // "Could you send it by Friday?" starts like an invitation but asks for a yes/no.
    if (
      /^(?:could|can|would|will|do|would) you\b/.test(s) &&
      !new RegExp(`^(?:could|can|would|will|do|would) you (?:please )?(?:mind )?${INVITATION_VERB.source}`, 'i').test(s)
    ) {
      return { type: 'closed', rule: 'yes/no request' };
    }
    return { type: 'open', rule: 'invitation' };
  }
  const wh = WH.exec(s)?.[1];
  if (wh && (hasMark || shaped || whAuxShape(s) || WH_CONTRACTED.test(s) || /^(?:what|how) about\b/.test(s))) {
    if (/^(?:who|whom|whose|when)\b/.test(s)) return { type: 'closed', rule: `${wh}: a single fact` };
    if (/^where\b/.test(s))
      return WHERE_OPEN.test(s)
        ? { type: 'open', rule: 'where: asks for an explanation' }
        : { type: 'closed', rule: 'where: a place or a point' };
    if (/^which\b/.test(s))
      return /\b(?:why|how)\b/.test(s)
        ? { type: 'open', rule: 'which … and why: asks for an explanation' }
        : { type: 'closed', rule: 'which: a choice' };
    if (HOW_FACT.test(s)) return { type: 'closed', rule: 'how many/much/long: a number' };
    if (WHAT_FACT.test(s)) return { type: 'closed', rule: 'what + fact: a single fact' };
    if (/\bor\b/.test(s) && /^(?:what|which)\b/.test(s) && !/\bor (?:anything|something|what)\b/.test(s))
      return { type: 'closed', rule: 'a choice' };
    return { type: 'open', rule: `${wh}-question` };
  }
  if (AUX_QUESTION.test(s) && !/^ha(?:ve|s|d) (?:a|an|the|fun|great|good|nice)\b/.test(s))
    return { type: 'closed', rule: 'yes/no question' };
  // "Is security review something…", "has legal been involved…", "would friday at ten work":
  // an auxiliary first and a noun (not a verb) after it.
  if (YES_NO_AUX.has(s.split(' ')[0] ?? '')) {
    // "would maybe thursday work": an adverb after the auxiliary does not decide.
    const second = parse(s)
      .words.slice(1)
      .find((w) => w.pos !== 'ADV');
    // "Have a look at the proposal": an imperative, unless a person follows ("have you…", "has legal…").
    const imperative = /^ha(?:ve|s|d)$/.test(s.split(' ')[0] ?? '') && second?.pos === 'DET';
    if (second && !imperative && !['VERB', 'AUX', 'PART', 'ADV', 'PUNCT'].includes(second.pos))
      return { type: 'closed', rule: 'yes/no question' };
  }
  if (hasMark) return { type: 'closed', rule: 'statement with a question mark' };
  return { type: null, rule: 'statement' };
}
