import type { Sentence } from './sentences';

export type QuestionType = 'open' | 'closed';

/** Words a spoken sentence often starts with before the real question ("So, um, how ..."). */
const LEAD_IN = new RegExp(
  [
    '^(?:(?:so|and|but|okay|ok|well|now|alright|all right|right|great|cool|got it|perfect|',
    'then|also|just|oh|hey|look|listen|um+|uh+|er|erm|you know|i mean|like|yeah|yes|sure|',
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
    'more|a bit|a little|how|what|why)|give me (?:a sense|an example|a picture|some context)|',
    'paint (?:me )?a picture|elaborate|expand on|say more|unpack|telling me|',
    'walking me through|taking me through|describing|explaining|sharing|hear (?:more|about|',
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
    'talk to me about|describe|explain|share|give me|paint|elaborate|expand on|say more|',
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
const PRONOUN = /^(?:i|we|you|they|he|she|it|one)$/i;
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
  if (HOW_FACT.test(s)) return !words.slice(2, 4).some((w) => PRONOUN.test(w.replace(/[,;:]$/, '')));
  // "Who owns the budget": who + a present-tense verb.
  if (/^who\s+[a-z]+s\b/.test(s) && !PRONOUN.test(words[1] ?? '')) return true;
  for (let k = 1; k <= 4 && k < words.length; k++) {
    const w = words[k]!.replace(/[,;:]$/, '');
    if (PRONOUN.test(w)) return false;
    // "What changed their mind was ...", "What makes it hard is ...": a verb before the auxiliary
    // means the wh-clause is the subject of a statement.
    if (k >= 1 && !AUX_WORD.test(w) && VERB_LIKE.test(w)) return false;
    if (AUX_WORD.test(w)) return k === 1 || SUBJECT_WORD.test(words[k + 1]?.replace(/[,;:?]$/, '') ?? '');
  }
  return false;
}
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
const HOW_FACT = /^how\s+(?:many|much|long|often|soon|far|big|old|large|quickly|fast|frequently)\b/i;
const WHAT_FACT = new RegExp(
  [
    "^(?:what|which)(?:'s\\s+|\\s+(?:(?:is|was|are|were)\\s+)?)(?:the\\s+|your\\s+|our\\s+|",
    'their\\s+)?(?:time|date|day|year|month|week|budget|deadline|number|price|cost|size|',
    'headcount|title|name|email|phone|address|percentage|percent|amount|version|quarter|term|',
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
  return sentence
    .replace(/’/g, "'")
    .trim()
    .replace(LEAD_IN, '')
    .replace(/^[\s,;:—-]+/, '')
    .replace(/[\s.!]+$/, '')
    .toLowerCase();
}

/**
 * Is this sentence a question, and is it open (invites the buyer to explain) or closed (answered
 * by yes/no or a single fact)? Works without punctuation, which whisper often drops.
 */
export function classifyQuestion(sentence: Sentence | string): QuestionInfo {
  const raw = typeof sentence === 'string' ? sentence : sentence.text;
  const hasMark = /\?\s*["”')]*\s*$/.test(raw.trim());
  const whole = classifyClause(coreOf(raw), hasMark);
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
  return whole;
}

function classifyClause(s: string, hasMark: boolean): QuestionInfo {
  if (!s) return { type: null, rule: 'empty' };
  if (/^i wonder (?:if|whether)\b/.test(s)) return { type: 'closed', rule: 'indirect yes/no question' };
  if (/^i wonder (?:how|what|why)\b/.test(s)) return { type: 'open', rule: 'indirect question' };

  if (TAG.test(s)) return { type: 'closed', rule: 'tag question' };
  if (/^what do you mean\b/.test(s)) return { type: 'open', rule: 'probe' };
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
  if (wh && (hasMark || whAuxShape(s) || WH_CONTRACTED.test(s) || /^(?:what|how) about\b/.test(s))) {
    if (/^(?:who|whom|whose|when|where|which)\b/.test(s)) return { type: 'closed', rule: `${wh}: a single fact` };
    if (HOW_FACT.test(s)) return { type: 'closed', rule: 'how many/much/long: a number' };
    if (WHAT_FACT.test(s)) return { type: 'closed', rule: 'what + fact: a single fact' };
    if (/\bor\b/.test(s) && /^(?:what|which)\b/.test(s) && !/\bor (?:anything|something|what)\b/.test(s))
      return { type: 'closed', rule: 'a choice' };
    return { type: 'open', rule: `${wh}-question` };
  }
  if (AUX_QUESTION.test(s)) return { type: 'closed', rule: 'yes/no question' };
  if (hasMark) return { type: 'closed', rule: 'statement with a question mark' };
  return { type: null, rule: 'statement' };
}
