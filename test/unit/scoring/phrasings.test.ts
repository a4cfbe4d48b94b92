/**
 * Phrasings the first rules missed (the classes listed in the "scoring that holds on words it has
 * never seen" issue), each beside a look-alike that must not count. The corpus measures the rates;
 * these pin the structures so a regression names the exact case.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src-main/core/scoring/analyze';
import { classifyQuestion } from '../../../src-main/core/scoring/text/questions';

const detects = (text: string, id: string) =>
  analyzeText(text).techniques[id as keyof ReturnType<typeof analyzeText>['techniques']].detected;

describe('question type by structure', () => {
  it.each([
    ['Where does the pressure come from?', 'open'],
    ['where do you see the biggest gaps', 'open'],
    ['When you picture the rollout, what worries you?', 'open'],
    ['when you picture the rollout what worries you', 'open'],
    ['What do you think your team would say?', 'open'],
    ['Which parts of the process slow you down, and why?', 'open'],
    ["I'd love to hear how your reps feel about it.", 'open'],
    ['i was wondering how your team handles returns', 'open'],
    ['how how do you handle renewals today', 'open'],
    ['fair enough so what would a good pilot look like for you', 'open'],
    ['Where is the team based?', 'closed'],
    ['Where are you in the buying process?', 'closed'],
    ['When does the contract end?', 'closed'],
    ['Which plan are you on?', 'closed'],
    ['I was curious whether legal has seen it yet.', 'closed'],
    ["so so what's the budget", 'closed'],
    ['makes sense do you want to start with one depot', 'closed'],
  ])('%s → %s', (text, type) => {
    expect(classifyQuestion(text).type).toBe(type);
  });

  it.each([
    "That's what worries them most.",
    'We moved the main depot, which was a big change for the drivers.',
    'what we found is that the drivers adopt it in a week',
    "that's what we do you know",
    'let me know what you think',
  ])('not a question: %s', (text) => {
    expect(classifyQuestion(text).type).toBeNull();
  });
});

describe('techniques in other words', () => {
  it.each([
    ["So what you're saying is the timing is the problem.", 'acknowledge-objection'],
    ["Let me make sure I've got this: the renewal is locked until March.", 'acknowledge-objection'],
    ["I hear where you're coming from.", 'acknowledge-objection'],
    ["Understood, I'll keep it short.", 'acknowledge-objection'],
    ["I don't blame you for being cautious.", 'acknowledge-objection'],
    [
      "You're not the first to raise that. A lot of our clients worried about it too, and once they tried it " +
        'they saw setup took a day.',
      'feel-felt-found',
    ],
    ["Why don't we pencil in Thursday afternoon?", 'next-step'],
    ['Shall we aim to start the trial on the 3rd?', 'next-step'],
    ['Could I grab twenty minutes with your IT lead next week?', 'next-step'],
    ['It means a third fewer escalations for your team.', 'quantified-value'],
    ['That works out to about forty grand a year saved.', 'quantified-value'],
    ['It takes under a day to set up.', 'quantified-value'],
    ['their app is a disaster and nobody there picks up the phone', 'competitor-disparagement'],
  ])('%s → %s', (text, id) => {
    expect(detects(text, id)).toBe(true);
  });

  it.each([
    ["let's keep in touch", 'next-step'],
    ['We met last Tuesday to go over the pilot.', 'next-step'],
    ['We have 200 customers in retail.', 'quantified-value'],
    ['It will save you time.', 'quantified-value'],
    ['A lot of our customers found the reports useful.', 'feel-felt-found'],
    ['Their team is solid; here is where we differ.', 'competitor-disparagement'],
    ["I don't understand why that matters.", 'acknowledge-objection'],
  ])('not: %s (%s)', (text, id) => {
    expect(detects(text, id)).toBe(false);
  });

  it('keeps the words as evidence for a told feel–felt–found', () => {
    const text =
      "You're not alone in that. Other teams were skeptical at first, then they found onboarding took a week.";
    const e = analyzeText(text).techniques['feel-felt-found'].evidence;
    expect(e.map((s) => s.text)).toEqual(["You're not alone", 'found']);
    for (const s of e) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('competitor disparagement by the shape of the reference (rules only)', () => {
  const rulesFind = (text: string) => analyzeText(text, { learned: false }).techniques['competitor-disparagement'];

  it.each([
    // A reference by shape: another of the same trade, a place, a past supplier, a class of sellers.
    'the other bakery supplier will tell you anything to get the order',
    'The laundry across town loses a sheet in every load, and you pay for it.',
    'um the previous installer promised the moon and left you with the wiring',
    'the discount importers skimp on the hinges',
    // "their" with nothing before it that it could point to.
    'their drivers treat your pallets like an afterthought',
    'honestly their kiosks look slick in the showroom but the screens crack within a year',
    // A negation in the clause before does not cancel the knock in the next.
    'those courier vendors leave nobody on the phone and call it a service desk',
    // "they" after a competitor was described earlier in the answer.
    "I'd look hard at the incumbent. They bury the renewal terms in the fine print.",
  ])('finds: %s', (text) => {
    const found = rulesFind(text);
    expect(found.detected).toBe(true);
    for (const e of found.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it.each([
    // "they" points to the rep's customers (a story of others who doubted and what they found).
    'a few of the other bakeries felt exactly that way and they found the waste dropped',
    'Several of your drivers told me their old handsets were a disaster.',
    // …or people an earlier sentence named.
    "Your dispatchers hate the night shift. They say it's a disaster every weekend.",
    // The rep repeating the buyer's words to probe them.
    'you said the other laundry was a nightmare what made it one',
    // Praise or a concession, with "their".
    'Their couriers are reliable and their rates are fair; we simply cover more postcodes.',
    // Bad news about no competitor at all.
    'the rollout was a mess last spring and we fixed it',
  ])('not: %s', (text) => {
    expect(analyzeText(text).techniques['competitor-disparagement'].detected).toBe(false);
  });
});

describe('acknowledgement and feel–felt–found told in other words', () => {
  it.each([
    ["i understand you're nervous about moving the payroll mid year", 'acknowledge-objection'],
    ['mhm understood, the budget is frozen until spring', 'acknowledge-objection'],
    ["You're right, and that's on us.", 'acknowledge-objection'],
    ['I totally get the hesitation about another login.', 'acknowledge-objection'],
    [
      "you're not the only practice manager who thought the kiosk would confuse patients the ones who tried it saw " +
        'check-in lines shrink',
      'feel-felt-found',
    ],
    [
      'Plenty of dental labs told us the scanner would be too fiddly, and once they used it for a week they stopped ' +
        'sending impressions by courier.',
      'feel-felt-found',
    ],
  ])('%s → %s', (text, id) => {
    expect(detects(text, id)).toBe(true);
  });

  it.each([
    ["I understand you're using a spreadsheet for rotas today.", 'acknowledge-objection'],
    ['The ones who tried it saw check-in lines shrink.', 'feel-felt-found'],
  ])('not: %s (%s)', (text, id) => {
    expect(detects(text, id)).toBe(false);
  });
});
