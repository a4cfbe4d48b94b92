/**
 * Deterministic technique detectors. Each returns the spans of the transcript that show the
 * technique: the evidence a rep sees highlighted. Same text in, same spans out.
 */
import type { Sentence } from '../text/sentences';
import { classifyQuestion } from '../text/questions';
import { findAll, findInSentences, negatedBefore, sentenceSpan, type Span } from './match';

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
}

const PROBES = new RegExp(
  [
    '\\b(?:help me understand|walk me through|talk me through|take me through|',
    'talk to me about|what do you mean by|what do you mean when|tell me more|say more about|',
    '(?:can|could|would|will) you (?:please )?(?:say more|elaborate|expand|unpack)|',
    'unpack that for me|give me an example|what does that look like|how so|',
    'what makes you say that|in what way)\\b',
  ].join(''),
  'i',
);

const ACKNOWLEDGE = new RegExp(
  [
    '\\b(?:i (?:completely |totally |really |fully )?understand|i hear you|',
    "i know how you feel|i hear that|i hear what you're saying|that makes (?:total |",
    "complete |a lot of )?sense|makes sense|it sounds like|sounds like|that's a (?:fair|",
    'valid|great|good|reasonable|real) (?:point|concern|question)|fair (?:point|enough|',
    'concern)|i appreciate (?:that|you|your|the)|i get (?:it|that|why|where)|i can see why|',
    "i can understand|understandable|totally get|that's understandable|you're right to|",
    'good (?:point|question))\\b',
  ].join(''),
  'i',
);

const FEEL = /\b(?:feel|feeling)\b/i;
const FELT = /\bfelt\b/i;
const FOUND = /\bfound\b/i;

const NUMBER =
  '(?:doubled|tripled|halved|[$€£]\\s?\\d[\\d,.]*(?:\\s?(?:k|m|million|thousand|billion))?|' +
  '\\d[\\d,.]*\\s?(?:%|percent|x|times|hours?|days?|weeks?|months?|minutes?|dollars|k|' +
  'million|thousand|reps?|people|seats|deals|points)?|(?:half|double|twice|triple|a third|' +
  'a quarter|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|' +
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen)(?:\\s(?:percent|' +
  'times|hours|days|weeks|months|minutes|x))?)';
const NUMBER_RE = new RegExp(`(?<![\\w-])${NUMBER}(?![\\w-])`, 'i');
const BENEFIT = new RegExp(
  [
    '\\b(?:sav(?:e|ed|es|ing|ings)|cut|cuts|reduc(?:e|ed|es|ing|tion)|increas(?:e|ed|es|ing)|',
    'grew|grow(?:th|s|ing)?|improv(?:e|ed|es|ing|ement)|faster|quicker|lower(?:ed)?|',
    'boost(?:ed|s)?|rais(?:e|ed)|drop(?:ped|s)?|less|fewer|more revenue|roi|return|payback|',
    'paid for|pays for|paid back|pays back|paid (?:itself|for itself)|shorten(?:ed|s)?|',
    'halv(?:e|ed)|doubl(?:e|ed)|gain(?:ed|s)?|free up|frees up|freed up|won back|as fast|',
    'as quickly|recover(?:ed)?)\\b',
  ].join(''),
  'i',
);

const ACTION = new RegExp(
  [
    '\\b(?:meet|meeting|call|send|sending|email|e-mail|text|ping|shoot you|schedule|book|',
    'set up|demo|follow up|follow-up|get together|kick off|kickoff|review|loop in|introduce|',
    'pilot|trial|circle back|get back to|sync|catch up|reconvene|walk (?:you|them|your \\w+|',
    'the \\w+) through|share|present|sign|start|compare|go through|go over|talk through|',
    'discuss|talk|plan (?:the|a|an|our|your|it|this)|map out|finali[sz]e)\\b',
  ].join(''),
  'i',
);
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
    'december) \\d{1,2}(?:st|nd|rd|th)?)\\b',
  ].join(''),
  'i',
);

const COMPETITOR_GENERIC = new RegExp(
  [
    '\\b(?:competitors?|the other (?:vendors?|guys|tools?|products?|providers?|companies)|',
    'other vendors?|their (?:product|tool|platform|software|team|support)|those guys|',
    'the incumbent)\\b',
  ].join(''),
  'i',
);
const DISPARAGE = new RegExp(
  [
    '\\b(?:terrible|awful|garbage|junk|crap|crappy|useless|worse|worst|inferior|sucks?|scam|',
    'shady|clueless|incompetent|outdated|broken|unreliable|overpriced|a joke|nightmare|lying|',
    'liars?|rip-?off|amateurs?|dinosaurs?|bad|horrible|pathetic|cheap knock-?off|',
    "falling apart|can't be trusted|not (?:very )?(?:good|reliable|trustworthy|serious))\\b",
  ].join(''),
  'i',
);

const HEDGES = new RegExp(
  [
    '\\b(?:i think maybe|i guess|maybe|perhaps|possibly|probably|kind of|sort of|kinda|sorta|',
    "i'm not sure|i am not sure|not sure if|might be|could be|hopefully|i suppose|",
    "i feel like|somewhat|more or less|to be honest i don't know|if that makes sense|",
    "i'd say maybe)\\b",
  ].join(''),
  'i',
);
/** "what kind of tools", "this sort of thing": a noun phrase, not a hedge. */
const KIND_OF_NOUN =
  /\b(?:what|which|this|that|the|these|those|any|every|some|a|one|same|other|all)\s+(?:kind|sort)\s+of\b/i;

function questionsOf(ctx: TextContext, type: 'open' | 'closed'): Span[] {
  return ctx.sentences.filter((s) => classifyQuestion(s).type === type).map(sentenceSpan);
}

function acknowledge(ctx: TextContext): Span[] {
  // It counts when it opens the answer: in the first two sentences, before any defence.
  const opening = ctx.sentences.slice(0, 2);
  return findInSentences(ctx.text, opening, ACKNOWLEDGE, { negatable: true });
}

function feelFeltFound(ctx: TextContext): Span[] {
  const feel = findInSentences(ctx.text, ctx.sentences, FEEL, { negatable: true })[0];
  if (!feel) return [];
  const felt = findAll(ctx.text.slice(feel.end), FELT)[0];
  if (!felt) return [];
  const feltAt = feel.end + felt.start;
  const found = findAll(ctx.text.slice(feltAt + felt.text.length), FOUND)[0];
  if (!found) return [];
  const foundAt = feltAt + felt.text.length + found.start;
  return [
    feel,
    { text: felt.text, start: feltAt, end: feltAt + felt.text.length },
    { text: found.text, start: foundAt, end: foundAt + found.text.length },
  ];
}

function quantifiedValue(ctx: TextContext): Span[] {
  return ctx.sentences
    .filter((s) => classifyQuestion(s).type === null && NUMBER_RE.test(s.text) && BENEFIT.test(s.text))
    .filter((s) => {
      const m = findAll(s.text, BENEFIT)[0]!;
      return !negatedBefore(s.text, m.start, 0, 2);
    })
    .map(sentenceSpan);
}

function nextStep(ctx: TextContext): Span[] {
  return ctx.sentences
    .filter((s) => {
      // "this call", "this meeting": the conversation happening now, not a next step.
      const action = findAll(s.text, ACTION).find(
        (a) => !negatedBefore(s.text, a.start, 0, 4) && !/\bthis\s+$/i.test(s.text.slice(0, a.start)),
      );
      return action !== undefined && TIME.test(s.text) && !/\b(?:last|yesterday|ago)\b/i.test(s.text);
    })
    .map(sentenceSpan);
}

function competitorDisparagement(ctx: TextContext): Span[] {
  const names = (ctx.competitors ?? []).filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const named = names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'i') : null;
  return ctx.sentences
    .filter((s) => (COMPETITOR_GENERIC.test(s.text) || (named?.test(s.text) ?? false)) && DISPARAGE.test(s.text))
    .map(sentenceSpan);
}

/** "I'm not sure I understand": confusion about the buyer's point, not a softened claim. */
const NOT_SURE_I_FOLLOW = /^(?:i'm|i am) not sure (?:that )?i (?:understand|follow|get)/i;

function hedging(ctx: TextContext): Span[] {
  return findInSentences(ctx.text, ctx.sentences, HEDGES).filter((h) => {
    if (NOT_SURE_I_FOLLOW.test(ctx.text.slice(h.start).replace(/’/g, "'"))) return false;
    if (!/^(?:kind|sort) of$/i.test(h.text)) return true;
    const before = ctx.text.slice(Math.max(0, h.start - 12), h.end);
    return !KIND_OF_NOUN.test(before);
  });
}

export const TECHNIQUES: Record<TechniqueId, (ctx: TextContext) => Span[]> = {
  'open-question': (ctx) => questionsOf(ctx, 'open'),
  'closed-question': (ctx) => questionsOf(ctx, 'closed'),
  probing: (ctx) => findInSentences(ctx.text, ctx.sentences, PROBES),
  'acknowledge-objection': acknowledge,
  'feel-felt-found': feelFeltFound,
  'quantified-value': quantifiedValue,
  'next-step': nextStep,
  'competitor-disparagement': competitorDisparagement,
  hedging,
};
