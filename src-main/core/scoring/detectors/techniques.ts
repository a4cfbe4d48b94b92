/**
 * Deterministic technique detectors. Each returns the spans of the transcript that show the
 * technique: the evidence a rep sees highlighted. Same text in, same spans out.
 */
import type { Sentence } from '../text/sentences';
import { classifyQuestion } from '../text/questions';
import { findAll, findInSentences, negatedBefore, sentenceSpan, type Span, straight } from './match';
import { competitorDisparagement } from './disparagement';
import { learnedSpans } from './learned-spans';

export const TECHNIQUE_IDS = [
  'open-question',
  'closed-question',
  'probing',
  'acknowledge-objection',
  'feel-felt-found',
  'quantified-value',
  'next-step',
  'competitor-disparagement',
  'hedging',
] as const;
export type TechniqueId = (typeof TECHNIQUE_IDS)[number];

export interface TextContext {
  text: string;
  sentences: Sentence[];
  /** Competitor names for disparagement (from the rubric or scenario); generic references always count. */
  competitors?: string[];
  /** Use the learned model beside the rules (default true). */
  learned?: boolean;
}

const PROBES = new RegExp(
  [
    '\\b(?:help me understand|walk me through|talk me through|take me through|',
    'talk to me about|what do you mean by|what do you mean when|tell me (?:a (?:bit|little) )?more|',
    "say (?:a (?:bit|little) )?more|dig into|why do you think that is|what you meant|what's an example|",
    "give me (?:a |an )?(?:\\w+ )?example|what's behind (?:the|your)|",
    '(?:can|could|would|will) you (?:please )?(?:say more|elaborate|expand|unpack)|',
    'unpack that for me|give me an example|what does that look like|how so|',
    'what makes you say|in what way|how come|what did you mean|what happened (?:after|next|then)|',
    "what's behind (?:that|this|it)|what was behind|(?:can|could) you (?:like )?unpack|say more|",
    // "what does disruption mean to her": the buyer's own word, asked about; "what does a typical
    // week look like" opens a new topic and is not a probe.
    'what (?:does|did|would) (?:that|this|(?!it\\b)[a-z]+) mean|(?:tell|show) me what [^.?!]{1,30}? looked like|',
    'why is that(?=\\s*[?.!]?\\s*$)|',
    'then what happened|how does that play out|said what(?=\\s*[?.!]?\\s*$))\\b',
  ].join(''),
  'i',
);

const ACKNOWLEDGE = new RegExp(
  [
    // "I understand" about the concern, not "I understand the product"; "I hear you", not "I hear you're…".
    '\\b(?:i (?:completely |totally |really |fully )?understand(?=\\s*$|[,.!;]| why| how| that| your| the (?:concern|',
    'worry|hesitation|frustration|number|price|cost|appeal|feeling|fear|skepticism|doubt|reluctance)| where|',
    ' completely| totally| and| but| it| this| um| uh|',
    // "i understand you're worried", "…you're locked in until renewal": the buyer's position restated.
    " you're (?!using|on |running|based|with |in charge|the )| you are (?!using|on |running|based)|",
    ' wanting| you (?:want|need|',
    "'d want))|i hear you(?!'re|'ve| are)|",
    "i know how you feel|i hear that|i hear what you're saying|that makes (?:total |",
    'complete |a lot of )?sense|(?<!if that )makes sense(?! to| for| if)|sounds like(?! a plan| a lot of fun| fun|',
    ' great| good)|',
    "that's a (?:fair|",
    'valid|great|good|reasonable|real) (?:point|concern|question)|fair (?:point|enough|',
    'concern)|i appreciate (?:that|you|your|the)|i get (?:it|that|why|where)|i can see why|',
    "i can understand|understandable|totally get|that's understandable|you're right to|",
    'good (?:point|question)|great question|',
    // "understood", "mhm understood", "ok understood": alone at the start, after a spoken opener.
    '^\\W*(?:(?:yeah|yes|oh|okay|ok|um|uh|mm|mhm|hmm|right|so|well|alright)[, ]+)*understood\\b|',
    // "you're right, and I apologize", "you're absolutely right uh here's the number".
    "you're (?:absolutely |totally |completely |so |quite )?right(?=\\s*$|[,.!;]|\\s+(?:and|uh|um|i|that|it|about))|",
    // Reflection: restating the concern before answering it.
    "so,? what you're saying|what you're saying is|you're not wrong|point taken|",
    '^\\W*(?:(?:right|okay|ok|yeah)[, ]+)?so,? (?:the|your) (?:real |main |big )?(?:sticking point|worry|concern|',
    'hesitation|issue|blocker|problem|fear) (?:is|here is)|',
    "i can (?:totally |completely |really )?see (?:why|how|that|where)|^that's exactly how|",
    "(?:i'd|i would) (?:probably |honestly |definitely )?(?:feel|be|worry|think)[^.?!]{0,25}\\b(?:too|the same)\\b|",
    "what i'm hearing is|if i'm hearing you|if i hear you|",
    "let me make sure i(?:'ve| have)? (?:got|get|understand|understood)|if i understand (?:you )?(?:correctly|right)|",
    "so if i(?:'ve| have) got (?:this|that|it) right|i hear where|i hear your (?:concern|point|frustration|worry|",
    'hesitation)|',
    '(?:really |very |totally |completely |super )?(?:valid|fair|reasonable|legitimate|legit|real|common|',
    'understandable|natural|normal) (?:worry|concern|question|point|reaction|fear)|',
    // "totally, …", "yeah totally and …": agreement opening the answer.
    "^(?:(?:yeah|oh|yes|no)[, ]+)*totally\\b(?=[,.!]|\\s+(?:and|i|that|it's|fair|agree|get|uh|um))|",
    "that's fair|totally fair|completely fair|fair question|i can imagine|i can see (?:why|how|that|where)|",
    "that (?:must be|sounds) (?:frustrating|hard|tough|painful|annoying)|that's frustrating|",
    "i'd (?:feel|be) (?:the same|worried|concerned|skeptical|cautious)|you're right to|",
    '(?:thanks|thank you) for (?:raising|flagging|being (?:honest|upfront|straight))|',
    'appreciate you (?:raising|sharing|flagging|being)|',
    '(?:i )?(?:completely|totally|fully|really|absolutely) (?:understand|get (?:it|that|why)|hear you)|',
    '^fair\\b(?=[,.!;]| enough| point| ask| question)|sorry to hear|',
    "^(?:(?:yeah|yes|oh|okay|ok|no|um|uh|so|well)[, ]+)*(?:that's|that is|that sounds) (?:a |an )?(?:really |",
    'totally |completely |very )?(?:(?:fair|sensible|reasonable|valid|legit|normal|common|understandable|rough|',
    'tough|frustrating|painful)(?! price| deal| part| fit| point of)|(?:good|great|real|big|hard) (?:point|concern|',
    'question|worry|one|problem|headache))\\b|',
    "(?:i'd|i would) be (?:wary|worried|nervous|cautious|skeptical|sceptical|hesitant|concerned|frustrated) too|",
    "makes? anyone (?:wary|nervous|cautious|hesitant|skeptical)|you're not the (?:first|only one)|",
    "you're in good company|i hear how|^(?:totally|completely) (?:fine|fair|understandable)\\b|",
    "you're (?:definitely |certainly |really )?not the (?:first|only)\\b|i get how you feel|you're not alone|",
    "you're not the (?:first|only)\\b|ouch|(?:put|puts|",
    'make|',
    'makes) anyone (?:off|wary|nervous)|i know how (?:that|it) feels|',
    'i (?:completely |totally |really |fully )?get (?:the|your) (?:hesitation|concern|worry|point|frustration|',
    'feeling|fear|skepticism|doubt|reluctance))\\b',
  ].join(''),
  'i',
);
/** Acknowledgements that contain a negation word yet are not negated: "I don't blame you". */
const ACKNOWLEDGE_WITH_NEGATION = /\b(?:i (?:don't|do not|can't|cannot) blame you|no wonder|no doubt)\b/i;

const FEEL = /\b(?:feel|feeling)\b/i;
/** "Felt" told without the word: others had the same concern ("you're not the first to raise that"). */
const SHARED = new RegExp(
  [
    "\\b(?:you're not the first|you are not the first|you're not the only one|you're not alone|same as you|",
    // "you're not the only facilities manager who thought…", "not the first practice to ask".
    "(?:you're|you are) not the (?:first|only) (?:[a-z'-]+ ){1,3}?(?:who|to|that)\\b|",
    '(?:exactly )?how (?:the|our|a|one) [^.?!]{0,30}?felt|',
    '(?:say|said|told us|told me|raise|raised)(?: [a-z]+){0,5} the (?:exact )?same (?:thing|concern|worry|question)|',
    "you aren't alone|you are not alone|",
    "(?:that's|that is|it's|it is) (?:a |an )?(?:really |very |super )?(?:common|typical|normal|understandable) ",
    '(?:concern|worry|question|reaction|hesitation|objection|fear)|',
    '(?:had|heard|have heard|hear) (?:the |that )?(?:same|exact same|that exact|this exact) (?:\\w+ )?(?:concern|',
    'worry|worries|question|thing|hesitation|reaction|objection|pushback)|',
    '(?:same|exact same) (?:concern|worry|hesitation|reaction|fear|doubts?)|',
    // "a bunch of our retail clients felt the same way", "other finance teams were skeptical too"
    '(?:a lot of|lots of|a bunch of|tons of|loads of|a number of|many|most|plenty of|several|some|other|our|',
    'a few|half|how many|one of our|another)\\b[^.?!]{0,50}?\\b(?:felt|thought|were too|did too|had too|',
    'worried|were worried|were nervous|were skeptical|were sceptical|were concerned|were hesitant|were unsure|',
    'had (?:the same|that|similar|it too|those)|raised (?:the same|that|it)|(?:said|told us) (?:almost |',
    'exactly |pretty much )*(?:the same|that)|thought the same|pushed back|hesitated|had doubts|',
    // "a lot of cisos told us their teams were sick of it too", "…told us the tool would be too much".
    '(?:told us|told me|said|complained|mentioned)\\b[^.?!]{0,50}?\\btoo\\b|',
    '(?:told us|told me|said|assumed|expected|were sure|were convinced)\\b[^.?!]{0,60}?\\bwould\\b)|',
    '(?:i|we) (?:felt|thought|worried about) (?:the same|exactly the same|that too)|',
    '(?:were|was) (?:just )?as (?:skeptical|sceptical|worried|nervous|wary|hesitant|unsure|cautious)|',
    '(?:felt|feel) (?:the (?:exact )?same|exactly the same|that way)|(?:had|have|raised) exactly the same|',
    'pushed back on (?:it|that|this|the \\w+) too|swore they.d never|(?:had|have) the (?:exact )?same (?:doubt|',
    'fear)s?)\\b',
  ].join(''),
  'i',
);
/** "Found" told without the word: what those others discovered once they went ahead. */
const DISCOVERED = new RegExp(
  [
    '\\b(?:found|discovered|realized|realised|learned|learnt|noticed|ended up|turned out|figured out|',
    'came to see|were surprised|(?:after|once|when) we (?:\\w+ )?(?:moved|switched|put|got|set|rolled|onboarded|',
    "migrated) (?:them|their)\\b|once they(?:'d|'ve)? (?:\\w+ )?(?:tried|started|saw|switched|used|got|ran|run|",
    'rolled|went|were)|(?:the ones|those) who (?:\\w+ ){0,3}?(?:started|tried|went|switched|moved|ran)|',
    '(?:a|one|two|three|four|six|a few|a couple of) (?:weeks?|months?) later|',
    '(?:the thing|what) they (?:mentioned|said|noticed|told us)|(?:she|he|they) (?:told us|told me|said|saw)|',
    'what surprised|surprised them|came around|since (?:going live|switching|they switched|then)|',
    'once (?:they|the|their|every|all|each)\\b[^.?!]{0,40}?\\b(?:tried|started|saw|switched|used|got|ran|were|was|',
    'in|live)\\b|picked it up|(?:faster|easier|quicker|better) than (?:anyone |they |we )?expected|',
    'by (?:month|week|day|year) (?:one|two|three|four|five|six|\\d+)|',
    '(?:her|his|their) (?:\\w+ )?(?:team|staff|people|nurses|reps) (?:said|told us|found|saw)|when they (?:migrated|',
    'moved|went ahead|went live|went through|signed)|',
    'after they (?:\\w+ )?(?:tried|started|saw|switched|used|got|ran|rolled|went)|when they (?:actually )?',
    '(?:tried|started|saw|switched|used|ran|rolled)|what they saw|they saw)\\b',
  ].join(''),
  'i',
);
const FELT = /\bfelt\b/i;
const FOUND = /\bfound\b/i;

const NUMBER =
  '(?:doubled|tripled|halved|[$€£]\\s?\\d[\\d,.]*(?:\\s?(?:k|m|million|thousand|billion))?|' +
  '\\d[\\d,.]*\\s?(?:%|percent|x|times|hours?|days?|weeks?|months?|minutes?|dollars|k|' +
  'million|thousand|reps?|people|seats|deals|points)?|(?:half|double|twice|triple|a third|' +
  'a quarter|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|' +
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|a fifth|a tenth|' +
  'a couple of (?:hours|days|weeks|months)|a few (?:hours|days|weeks)|hundreds of|thousands of|dozens of|' +
  'half (?:a|an) (?:day|hour|week|month|year)|(?:under|less than|within|inside) (?:a|an|one) ' +
  '(?:day|hour|week|month|afternoon|morning)|a (?:day|week|month) (?:a|per|every) (?:week|month|year)|' +
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|' +
  'seven|eight|nine)|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|' +
  'a hundred|hundred) (?:grand|k|bucks|thousand|million))(?:\\s(?:percent|' +
  'times|hours|days|weeks|months|minutes|x|grand|k|bucks|thousand|million))?)';
const NUM_WORD =
  // "one" alone is too often "this one", "no one", "one of": it counts inside a phrase ("one full day").
  '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|' +
  'billion|dozen)';
/** Quantities as speech says them: "forty eight hours", "a hundred and twenty thousand", "about an hour earlier". */
const SPOKEN_QUANTITY =
  `${NUM_WORD}(?:[- ](?:and )?${NUM_WORD})*|half|(?:a |an |one |two |three )(?:third|quarter|fifth|tenth)s?|` +
  '(?:an extra|extra) (?:day|hour|week|shift|afternoon)|(?:a|one) (?:full|single) (?:day|week|hour|shift|afternoon)|' +
  'in (?:a|an|one|half a|half an) (?:hour|day|afternoon|morning|week|shift)|' +
  '(?:about|roughly|around|under|within|less than|only|just|inside) (?:a|an|one|half a|half an) ' +
  '(?:hour|day|week|month|minute|afternoon|morning|shift)|an? (?:hour|day|week|minute)s? (?:earlier|sooner|faster|' +
  'of setup|to set up|back)|a couple of (?:hours|days|weeks|months)';
const NUMBER_RE = new RegExp(`(?<![\\w-])(?:${NUMBER}|${SPOKEN_QUANTITY})(?:-[a-z]+)?(?![\\w-])`, 'i');
/** Outcomes told as a change: "went from eight percent to under two", "down to twelve", "a lift". */
const CHANGE = new RegExp(
  [
    // "in eight days instead of three weeks", "two hours back", "seven percent off", "twelve percent shorter"
    '\\b(?:instead of|(?:hours?|days?|minutes?|weeks?)(?: a (?:day|week|month|year))? back|(?:went|go|goes|came|',
    'come) down|',
    'fell from|stop losing|an? (?:day|week|month|hour) off|(?:setup|set-up|onboarding|training|go-live) (?:is|takes|',
    'took) ',
    '(?:just |only )?(?:under|less than|within)|(?:percent|%|million|thousand|grand|k|third|quarter|',
    'half) off (?:your|their|delivery|of|what)|(?:percent|%|times|x) (?:shorter|faster|cheaper|fewer|less|lower|',
    'higher|more|better|quicker)|',
    'pays? for itself|paid for itself|clears?|stop paying|points? of margin|getting back|claw(?:s|ed)? back|',
    'you keep|they used to|lift(?:s|ed)?|brought back|bring(?:s)? back|halv(?:es|ing)|',
    "(?:is|are|was|were|'s) down|down (?:about|around|roughly|almost|nearly|over)|",
    'off (?:the|your|what)(?! (?:first|list|price|invoice|contract|licen[cs]e|subscription|renewal|quote|deal|',
    'order)\\b)|',
    'extra (?:\\w+ )?(?:days|weeks|minutes|shifts)|recover\\w*|(?:days?|hours?|weeks?|minutes?) off|lowers|frees|',
    'extra (?:\\w+ )?(?:calls|jobs|visits|appointments|deals|orders|hours|revenue|sales)|',
    'from (?:about |around )?\\w+ [^.?!]{0,30} to (?:under|about|just|less than)|would have cost|(?:dollars|pounds|',
    'euros|grand|thousand|k) back|cover(?:s|ed)? (?:about |',
    'roughly )?',
    '\\w+ (?:percent|%)|more (?:\\w+ )?(?:appointments|bookings|deals|customers|sales|leads|meetings|orders|patients|',
    'clients|jobs|visits)|',
    'knock(?:s|ed)?|an? (?:day|week) (?:or so )?off|',
    '(?:lifts?|rises?|rose|climb(?:s|ed)?|jump(?:s|ed)?|goes up|go up|went up|up by|down to|down by|',
    'down from|falls? by|fell by|fall|falls|earlier|sooner|overnight|went from|go from|goes from|',
    'back into|back in|given back|gives? (?:you )?back|get back|gets back|got back|done in|picked it up in|',
    'in under|of setup|set up in|took (?:just |only )?(?:a couple|a few|under|less than|about an?)|payback|pay back|',
    'break even|(?:half|a third|a quarter|twice) the))\\b',
  ].join(''),
  'i',
);
const BENEFIT = new RegExp(
  [
    '\\b(?:sav(?:e|ed|es|ing|ings)|cut|cuts|reduc(?:e|ed|es|ing|tion)|increas(?:e|ed|es|ing)|',
    'grew|grow(?:th|s|ing)?|improv(?:e|ed|es|ing|ement)|faster|quicker|lower(?:ed)?|',
    'boost(?:ed|s)?|rais(?:e|ed)|drop(?:ped|s)?|less|fewer|more revenue|roi|return|payback|',
    'paid for|pays for|paid back|pays back|paid (?:itself|for itself)|shorten(?:ed|s)?|',
    'halv(?:e|ed)|doubl(?:e|ed)|gain(?:ed|s)?|free up|frees up|freed up|won back|as fast|',
    'as quickly|recover(?:ed)?|shav(?:e|ed|es)|trim(?:med|s)?|slash(?:ed|es)?|eliminat(?:e|ed|es)|',
    'avoid(?:ed|s)?|prevent(?:ed|s)?|recoup(?:ed|s)?|reclaim(?:ed|s)?|generat(?:e|ed|es)|brought in|',
    'bring in|earn(?:ed|s)?|higher|better|shaved|knocked|to (?:set up|get started|go live|deploy|onboard|',
    'implement|ramp|learn|roll out|install|get up and running)|up and running|live in|ramp(?:ed)? in)\\b',
  ].join(''),
  'i',
);

const ACTION = new RegExp(
  [
    '\\b(?:meet|meeting|call|send|sending|email|e-mail|text|ping|shoot you|schedule|book|',
    'set up|demo|follow up|follow-up|get together|kick off|kickoff|review|loop in|introduce|',
    'pilot|trial|circle back|get back to|sync|catch up|reconvene|walk (?:you|them|your \\w+|',
    'the \\w+) through|share|present|sign|start|compare|go through|go over|talk through|',
    'discuss|talk|plan (?:the|a|an|our|your|it|this)|map out|finali[sz]e|pencil|grab|aim to|lock in|',
    'lock (?:it|that|this) in|hop on|jump on|touch base|regroup|put (?:some )?time|carve out|block out|',
    'block (?:off|some time)|reserve|confirm|go live|launch|loop back|connect|come by|swing by|stop by|',
    'drop by|visit|get started|kick things off|hold|chat|speak|see you|invite|bring in|check in|',
    'get (?:it|that|this|something|time|a call|a meeting) (?:on|in)|get you (?:access|set up|started)|',
    'set (?:a|the) (?:date|time)|run (?:a|the) (?:pilot|trial|workshop|session)|onboard|install|',
    'deliver|ship|turn on|switch on|activate|spin up|hand over|hand off|get back|come back|reach out|',
    'run through|show (?:you|them|your|the team|how|it)|look at|go ahead|pull in|session|intro|introduction|slot|',
    'walk the|push|move|check-in|diary|walkthrough|walk-through|',
    '(?:switch|turn) (?:it|that|this) on|',
    '(?:\\w+ minutes|half (?:an )?hour|a half hour|an hour) with)\\b',
  ].join(''),
  'i',
);
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const MONTH_NOT_MAY = '(?:january|february|march|april|june|july|august|september|october|november|december)';
const ORDINAL_DAY =
  '(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|' +
  'eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';
const TIME = new RegExp(
  [
    '\\b(?:today|tonight|tomorrow|this (?:afternoon|morning|evening|week|friday|monday|',
    'tuesday|wednesday|thursday)|next (?:week|month|monday|tuesday|wednesday|thursday|friday|',
    'quarter)|(?:on |by |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|',
    'sunday)|end of (?:day|the day|week|the week|month|the month)|(?:at|by|',
    "before) \\d{1,2}(?::\\d{2})?\\s?(?:am|pm|o'clock)|at \\d{1,2}(?::\\d{2})?(?!\\s?(?:%|percent|",
    '\\d))|\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)|in (?:two|three|a couple of|a few|\\d+) (?:days|',
    'weeks)|within (?:a|one|two|\\d+) (?:day|days|week|weeks)|(?:on|by) the \\d{1,2}(?:st|nd|',
    'rd|th)|(?:january|february|march|april|may|june|july|august|september|october|november|',
    'december) \\d{1,2}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.? \\d{1,2}',
    '(?:st|nd|rd|th)?|the \\d{1,2}(?:st|nd|rd|th)|',
    // "on the fifteenth", "by the twenty third", "may fifteenth": a day of the month in words,
    // not "the first year" or "the third phase".
    // "may" only after a preposition: "we may first need" is the verb.
    `(?:(?:on|by|before|of|for|until|from) the|${MONTH_NOT_MAY}|(?:by|on|before|until|from|in) may) ${ORDINAL_DAY}`,
    `(?! (?:year|month|week|time|day|quarter|`,
    'phase|step|few|two|three|couple|one|thing|site|stage|round|cohort|batch|wave|and|or)\\b)|the week after next|',
    `the ${ORDINAL_DAY}(?= (?:work|suit|at|in the))|`,
    `(?:the )?(?:first|last|next) (?:two |few |couple of )?weeks of ${MONTH}|`,
    `the (?:first|second|third|last) week of (?:${MONTH}|next month)|`,
    `(?:in|by|before|from|early|mid|late)[- ]${MONTH}|`,
    '(?:first thing|early|late|end of) (?:tomorrow|monday|tuesday|wednesday|thursday|friday|next week|',
    'the week|the month)|eod|eow|cob|later today|noon|lunchtime|this time next week|',
    '(?:in|over|within) the (?:next|coming) (?:few |couple of |two |three |ten |\\d+ )?(?:days|weeks|week|minutes|',
    'hours|hour)|within the hour|the week after (?!you|we|they|i\\b|she|he)\\w+|same time next week|in a fortnight|',
    'a fortnight from|',
    'half (?:past )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|',
    '(?:straight|right) after (?:this|the|our) (?:call|meeting)|(?:the )?week of the (?:\\d{1,2}(?:st|nd|',
    'rd|th)|\\w+)|',
    'before (?:the end of )?(?:the |this |next )?(?:week|month|quarter|weekend)|',
    'by (?:the end of )?(?:next |this )?(?:week|month|quarter)|',
    '(?:at|around|by) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)',
    "(?: thirty| fifteen| forty-five| o'clock)?(?=\\s*(?:$|[,.;!?]|o'clock|am\\b|pm\\b|on\\b|tomorrow|today|next|then|",
    'and\\b|or\\b|with|for\\b|so\\b|before|after|that|if\\b|works?|is\\b|sharp|your|my|our|their))|(?:on|by|before|',
    'until) \\d{1,2}/\\d{1,2}|',
    '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:am|pm|thirty))\\b',
  ].join(''),
  'i',
);

/** A proposal or a promise, whatever the verb: "let's…", "I'll…", "shall we…", "would Tuesday work". */
const COMMITMENT = new RegExp(
  [
    "\\b(?:let'?s|let us|i'll|we'll|i will|we will|shall we|should we|can we|could we|(?:could|can|may) i|",
    'can you get|could you (?:get|send)|if i (?:called|rang|sent|came|booked)|get(?:ting)? (?:this|it|that) signed|',
    'i can (?:probably |definitely )?(?:have|get)|i could (?:probably |maybe )?(?:get|grab|have|borrow|steal)|',
    'we could (?:probably |maybe )?(?:get|have|start|go|do|run|aim)|we can (?:probably |',
    'definitely )?(?:have|get)|',
    'how about|are we good to|would it make sense to|would (?:\\w+ ){0,4}work|does (?:\\w+ ){0,4}work|',
    "i'd like to (?:book|set|get|lock)|happy to|i'm going to|we're going to|i'm gonna|we're gonna)\\b",
  ].join(''),
  'i',
);
const PROPOSAL = /\b(?:why (?:don't|do not|not)|(?:won't|can't) we|(?:won't|can't) you)\b[^.?!]*$/i;

const HEDGES = new RegExp(
  [
    '\\b(?:i think maybe|i guess|maybe|perhaps|possibly|probably|kind of|sort of|kinda|sorta|',
    // "could be laid out", "might be delivered": a passive, not a softener.
    "i'd guess|i'm not sure|i am not sure|not sure if|might be(?! \\w+ed\\b)|could be(?! \\w+(?:ed|out)\\b)|",
    'hopefully|i suppose|',
    "i feel like|somewhat|more or less|to be honest i don't know|if that makes sense|",
    "i'd say maybe|not (?:a hundred|one hundred|100) (?:percent|%) (?:sure|certain)|might be able to|could possibly|",
    "don't quote me|i believe|in theory|i'm fairly sure|i'm pretty sure|if i remember (?:correctly|right)|",
    'i wanna say|i want to say|if memory serves)\\b',
  ].join(''),
  'i',
);
/** "the maybe list", "it's kind of you": not softeners. */
const NOT_A_HEDGE = /\b(?:the maybe\b|kind of (?:you|them|him|her))/i;
/** "what kind of tools", "this sort of thing": a noun phrase, not a hedge. */
const KIND_OF_NOUN =
  /\b(?:what|which|this|that|the|these|those|any|every|some|a|one|same|other|all)\s+(?:kind|sort)\s+of\b/i;

function questionsOf(ctx: TextContext, type: 'open' | 'closed'): Span[] {
  return ctx.sentences.filter((s) => classifyQuestion(s).type === type).map(sentenceSpan);
}

/** Points back at the buyer's own words: "you mentioned…", "when you say…". */
const REFERENCE_BACK = new RegExp(
  [
    '\\b(?:you (?:just |basically |also )?(?:mentioned|said|raised|brought up|talked about|described|',
    'flagged|called out)|when you (?:say|said|talk about|mention)|you were saying|going back to what you|',
    'earlier you|when (?:she|he|they) (?:says?|said|talks? about|mentions?|mentioned))\\b',
  ].join(''),
  'i',
);

/** Asks for more on something the buyer raised: a probe, or a question that points back at their words. */
function probing(ctx: TextContext): Span[] {
  const probes = findInSentences(ctx.text, ctx.sentences, PROBES, { negatable: true });
  if (probes.length) return probes;
  // "You said the audit flagged gaps. Was that across all sites?": the reference counts when the
  // answer goes on to ask about it.
  const asks = ctx.sentences.some((s) => classifyQuestion(s).type !== null);
  return asks ? findInSentences(ctx.text, ctx.sentences, REFERENCE_BACK).slice(0, 1) : [];
}

function acknowledge(ctx: TextContext): Span[] {
  // It counts when it opens the answer: in the first two sentences, before any defence.
  const opening = ctx.sentences.slice(0, 2);
  return [
    ...findInSentences(ctx.text, opening, ACKNOWLEDGE_WITH_NEGATION),
    ...findInSentences(ctx.text, opening, ACKNOWLEDGE, { negatable: true }),
  ].sort((a, b) => a.start - b.start);
}

function feelFeltFound(ctx: TextContext): Span[] {
  return feelFeltFoundInWords(ctx) ?? feelFeltFoundTold(ctx);
}

/** The three moves without the words: a shared concern, then what the others discovered. */
function feelFeltFoundTold(ctx: TextContext): Span[] {
  const shared = findInSentences(ctx.text, ctx.sentences, SHARED, { negatable: true })[0];
  if (!shared) return [];
  const found = findAll(ctx.text.slice(shared.end), DISCOVERED).find(
    (m) => !negatedBefore(ctx.text.slice(shared.end), m.start, 0, 2),
  );
  if (!found) return [];
  const at = shared.end + found.start;
  return [shared, { text: found.text, start: at, end: at + found.text.length }];
}

function feelFeltFoundInWords(ctx: TextContext): Span[] | undefined {
  const feel = findInSentences(ctx.text, ctx.sentences, FEEL, { negatable: true })[0];
  if (!feel) return undefined;
  const felt = findAll(ctx.text.slice(feel.end), FELT)[0];
  if (!felt) return undefined;
  const feltAt = feel.end + felt.start;
  const found = findAll(ctx.text.slice(feltAt + felt.text.length), FOUND)[0];
  if (!found) return undefined;
  const foundAt = feltAt + felt.text.length + found.start;
  return [
    feel,
    { text: felt.text, start: feltAt, end: feltAt + felt.text.length },
    { text: found.text, start: foundAt, end: foundAt + found.text.length },
  ];
}

function quantifiedValue(ctx: TextContext): Span[] {
  return ctx.sentences
    .filter((s) => classifyQuestion(s).type === null)
    .flatMap((s) => {
      // A clock time ("monday at four") is not a quantity; the quantity must stand near its outcome.
      const text = s.text.replace(CLOCK_TIME, (t) => ' '.repeat(t.length));
      const quantities = findAll(text, NUMBER_RE);
      const outcomes = [...findAll(text, BENEFIT), ...findAll(text, CHANGE)].filter(
        (m) => !negatedBefore(text, m.start, 0, 2),
      );
      if (quantities.some((q) => outcomes.some((o) => wordsBetween(text, q, o) <= MAX_WORDS_APART)))
        return [sentenceSpan(s)];
      // The learned model, only where there is a quantity to speak of and it is not a price ("eleven
      // dollars per endpoint per month", "12 percent off the premium"): a price is no outcome.
      return ctx.learned !== false && quantities.length && !PRICE.test(straight(text))
        ? learnedSpans('quantified-value', s)
        : [];
    });
}

/** A clock time or a day's date, masked before looking for quantities ("monday at four" is no quantity). */
const CLOCK_TIME = new RegExp(
  '\\b(?:(?:at|by|around|before) (?:\\d{1,2}(?::\\d{2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|' +
    "twelve|noon)(?: ?(?:am|pm|o'clock|thirty|fifteen))?(?![\\d%]|\\s?(?:%|percent|per|x\\b|times|points|hours|" +
    'days|weeks|months|minutes|years|k\\b|grand|thousand|hundred|million|dollars|bucks|of|fewer|more|less))|' +
    '\\d{1,2}(?::\\d{2})? ?(?:am|pm)|' +
    'the \\d{1,2}(?:st|nd|rd|th))\\b',
  'gi',
);
const PRICE = new RegExp(
  [
    '\\b(?:priced|it costs|(?:our|the|new) (?:price|rate)s?|retainer|fees?|premium|minimum|discount|',
    'per (?:user|seat|device|endpoint|location|invoice|month|year|week|head|unit|litre|liter|gallon|hour)|',
    '(?:a|per) (?:month|year|week)\\b',
    '(?:,|\\.| plus| with| including| per)|(?:dollars|cents|bucks|thousand|hundred|grand) (?:a|per|each)\\b)\\b',
  ].join(''),
  'i',
);
/** How far apart a quantity and its outcome may be: "cut ramp time by 30%" is 3 words, a story's count is more. */
const MAX_WORDS_APART = 10;
const wordsBetween = (text: string, a: Span, b: Span) => {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return text.slice(first.end, second.start).split(/\s+/).filter(Boolean).length;
};

function nextStep(ctx: TextContext): Span[] {
  return ctx.sentences
    .filter((s) => {
      // "this call", "this meeting": the conversation happening now, not a next step.
      const action = findAll(s.text, ACTION).find(
        (a) =>
          // "Why don't we pencil in Thursday": a proposal, not a negation.
          (PROPOSAL.test(straight(s.text.slice(0, a.start))) || !negatedBefore(s.text, a.start, 0, 4)) &&
          !/\bthis\s+$/i.test(s.text.slice(0, a.start)),
      );
      const time = findAll(s.text, TIME).find(
        // "how do you onboard a school today": the present, not a time for an action.
        (t) =>
          !(
            /^(?:today|now|right now)$/i.test(t.text) &&
            (/\b(?:do|does)\s+(?:you|your|they|the|it)\b/i.test(s.text) || classifyQuestion(s).type !== null)
          ),
      );
      // The past ("last Tuesday", "back in March", "after Tuesday's demo") is not a next step.
      const past =
        /\b(?:yesterday|ago|back in|we did|we had|i sent|we sent)\b|day's\b/i.test(s.text) ||
        /\blast (?:week|month|year|time|night|monday|tuesday|wednesday|thursday|friday|quarter)\b(?!'s)/i.test(s.text);
      if (!time || past) return false;
      // "What do you mean when you say it falls apart by Wednesday?": asking about it, not arranging it.
      const asked = classifyQuestion(s);
      if (asked.type === 'open' && /^(?:probe|what-question|how-question|why-question)/.test(asked.rule)) return false;
      // "Let's be honest, … closes at five": a figure of speech, not a proposal.
      const commitment = COMMITMENT.test(straight(s.text).replace(/\blet'?s (?:be honest|face it|say)\b/gi, ''));
      return action !== undefined || commitment;
    })
    .map(sentenceSpan);
}

/** "I'm not sure I understand": confusion about the buyer's point, not a softened claim. */
const NOT_SURE_I_FOLLOW = /^(?:i'm|i am) not sure (?:that )?i(?:'ve)? (?:\w+ )?(?:understand|follow|get|got)/i;

function hedging(ctx: TextContext): Span[] {
  return findInSentences(ctx.text, ctx.sentences, HEDGES).filter((h) => {
    if (NOT_SURE_I_FOLLOW.test(straight(ctx.text.slice(h.start)))) return false;
    if (NOT_A_HEDGE.test(ctx.text.slice(Math.max(0, h.start - 4), h.end + 5))) return false;
    if (!/^(?:kind|sort) of$/i.test(h.text)) return true;
    const before = ctx.text.slice(Math.max(0, h.start - 12), h.end);
    return !KIND_OF_NOUN.test(before);
  });
}

export const TECHNIQUES: Record<TechniqueId, (ctx: TextContext) => Span[]> = {
  'open-question': (ctx) => questionsOf(ctx, 'open'),
  'closed-question': (ctx) => questionsOf(ctx, 'closed'),
  probing,
  'acknowledge-objection': acknowledge,
  'feel-felt-found': feelFeltFound,
  'quantified-value': quantifiedValue,
  'next-step': nextStep,
  'competitor-disparagement': competitorDisparagement,
  hedging,
};
