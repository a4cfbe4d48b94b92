import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CriterionRef, Transcript } from '../../../src-main/core/domain';
import { loadRubricLibrary } from '../../../src-main/core/scoring/rubric-library';
import { scoreAnswer } from '../../../src-main/core/scoring/score-answer';
import { SCENARIOS, tempDir } from '../../support/paths';

const library = loadRubricLibrary([join(SCENARIOS, 'rubrics')]);
const ref = (id: string, extra: Partial<CriterionRef> = {}): CriterionRef => ({ id, weight: 1, ...extra });

/** Words spoken at a steady 150 wpm (0.4 s per word), starting after `latency` seconds. */
function spoken(text: string, latency = 1.2): Transcript {
  const words = text.split(' ').map((word, i) => ({ word, start: latency + i * 0.4, end: latency + i * 0.4 + 0.35 }));
  return { text, words };
}

describe('scoreAnswer', () => {
  it('loads the built-in rubric library without problems', () => {
    expect(library.problems).toEqual([]);
    expect(library.version).toMatch(/^core@1\+[0-9a-f]{8}$/);
    expect(library.passMark).toBe(80);
  });

  it('scores each criterion from its checks, with the words that earned it and their audio times', () => {
    const t = spoken(
      'I hear you. Teams your size cut onboarding time by 40%. Can we book 30 minutes on Thursday at 2pm?',
    );
    const s = scoreAnswer({
      transcript: t,
      criteria: [ref('acknowledge-objection'), ref('quantified-value'), ref('next-step')],
      library,
    });
    expect(s.criteria.map((c) => [c.id, c.score])).toEqual([
      ['acknowledge-objection', 100],
      ['quantified-value', 100],
      ['next-step', 100],
    ]);
    const ack = s.criteria[0]!;
    expect(ack.evidence).toEqual([expect.objectContaining({ text: 'I hear you', start: 0, end: 10, audioStart: 1.2 })]);
    expect(ack.checks).toEqual([expect.objectContaining({ id: 'acknowledged', passed: true })]);
    expect(s.criteria[1]!.evidence[0]!.text).toBe('Teams your size cut onboarding time by 40%.');
    expect(s.overall).toBe(100);
    expect(s.passed).toBe(true);
  });

  it('explains a missed check and gives the tip', () => {
    const s = scoreAnswer({
      transcript: spoken('Our price is higher because the product is better.'),
      criteria: [ref('acknowledge-objection')],
      library,
    });
    const c = s.criteria[0]!;
    expect(c.score).toBe(0);
    expect(c.passed).toBe(false);
    expect(c.explanation).toMatch(/^Missed: acknowledged the concern/);
    expect(c.tip).toMatch(/I hear you/);
  });

  it('weights checks inside a criterion: an open question but three closed ones scores 75', () => {
    const t = spoken(
      'How many trucks do you run? Do you use a TMS? Is it cloud based? What is getting in the way of faster ' +
        'onboarding?',
    );
    const c = scoreAnswer({ transcript: t, criteria: [ref('open-question')], library }).criteria[0]!;
    expect(c.checks.map((k) => [k.id, k.passed])).toEqual([
      ['asked-open', true],
      ['few-closed', false],
    ]);
    expect(c.score).toBe(75);
  });

  it('weights criteria in the overall score', () => {
    const t = spoken('Help me understand what slows onboarding down today.');
    const s = scoreAnswer({ transcript: t, criteria: [ref('probing', { weight: 3 }), ref('next-step')], library });
    expect(s.overall).toBe(75); // probing 100 × 3, next step 0 × 1
  });

  it('flags competitor disparagement with the offending sentence, including named competitors', () => {
    const generic = scoreAnswer({
      transcript: spoken('Honestly the other vendors are a joke.'),
      criteria: [ref('no-competitor-bashing')],
      library,
    });
    expect(generic.criteria[0]!.score).toBe(0);
    // A name is only known as a competitor when the scenario lists it.
    const unnamed = scoreAnswer({
      transcript: spoken('RouteMax is unreliable.'),
      criteria: [ref('no-competitor-bashing')],
      library,
    });
    expect(unnamed.criteria[0]!.score).toBe(100);
    const named = scoreAnswer({
      transcript: spoken('RouteMax is unreliable.'),
      criteria: [ref('no-competitor-bashing')],
      library,
      competitors: ['RouteMax'],
    });
    expect(named.criteria[0]!.score).toBe(0);
    expect(named.criteria[0]!.evidence[0]!.text).toBe('RouteMax is unreliable.');
  });

  it('checks each required talking point, with any of its phrasings', () => {
    const points = [
      { id: 'onboarding', label: 'faster onboarding', phrases: ['onboarding', 'ramp'] },
      { id: 'support', label: '24/7 support', phrases: ['support', 'helpdesk'] },
    ];
    const c = scoreAnswer({
      transcript: spoken('New drivers ramp in half the time.'),
      criteria: [ref('talking-points', { talkingPoints: points })],
      library,
    }).criteria[0]!;
    expect(c.checks.map((k) => [k.label, k.passed, k.detail])).toEqual([
      ['Mentioned faster onboarding', true, 'said "ramp"'],
      ['Mentioned 24/7 support', false, 'not mentioned'],
    ]);
    expect(c.score).toBe(50);
  });

  it('computes pace and fillers from word timings, and leaves timing checks out for typed answers', () => {
    const t = spoken('Um so we can um basically start with one depot next week and grow from there');
    const voiced = scoreAnswer({
      transcript: t,
      criteria: [ref('filler-words'), ref('pace'), ref('composure')],
      library,
    });
    // 16 words from the first word's start (1.2 s) to the last word's end (7.55 s): 6.35 s of speech.
    expect(voiced.delivery).toMatchObject({
      wordCount: 16,
      speakingSeconds: 6.35,
      wordsPerMinute: 151,
      responseLatencySeconds: 1.2,
      pauseCount: 0,
      typed: false,
    });
    // "so" opening a clause without a comma is not a filler (test/fixtures/corpus/README.md).
    expect(voiced.delivery.fillersPer100).toBe(18.75);
    expect(voiced.criteria[0]!.evidence.map((e) => e.text)).toEqual(['Um', 'um', 'basically']);
    expect(voiced.criteria[1]!.score).toBe(100);
    const typed = scoreAnswer({
      transcript: { text: t.text, words: [] },
      criteria: [ref('filler-words'), ref('pace')],
      library,
      typed: true,
    });
    expect(typed.delivery.wordsPerMinute).toBeNull();
    expect(typed.criteria[1]).toMatchObject({
      score: null,
      passed: null,
      explanation: expect.stringMatching(/^Not scored/),
    });
    expect(typed.criteria[1]!.checks[0]!.detail).toBe('not available for a typed answer');
    expect(typed.overall).toBe(typed.criteria[0]!.score); // only scored criteria count
  });

  it('is deterministic', () => {
    const t = spoken('I understand how you feel. Others felt the same, and what they found was a 3x return in a year.');
    const criteria = [ref('feel-felt-found'), ref('quantified-value'), ref('hedging')];
    expect(scoreAnswer({ transcript: t, criteria, library })).toEqual(
      scoreAnswer({ transcript: t, criteria, library }),
    );
  });

  it('reports a bad rubric file with its line and column', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rubrics'));
    writeFileSync(
      join(dir, 'rubrics', 'team.yaml'),
      'id: team\nversion: 1\ntitle: Team\ncriteria:\n  - id: x\n    title: X\n    tip: t\n    checks:\n      - id: ' +
        'c\n        label: L\n        technique: mind-reading\n',
    );
    const lib = loadRubricLibrary([join(dir, 'rubrics')]);
    expect(lib.problems).toEqual([
      expect.objectContaining({
        file: 'rubrics/team.yaml',
        line: 9,
        message: expect.stringMatching(/criteria\.0\.checks\.0/),
      }),
    ]);
  });
});
