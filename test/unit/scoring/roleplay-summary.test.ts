import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src-main/core/domain';
import { loadRubricLibrary } from '../../../src-main/core/scoring/rubric-library';
import { summarizeRoleplay } from '../../../src-main/core/scoring/roleplay-summary';
import { scoreAnswer } from '../../../src-main/core/scoring/score-answer';
import { SCENARIOS } from '../../support/paths';

const library = loadRubricLibrary([join(SCENARIOS, 'rubrics')]);

function turn(index: number, buyerLine: string, answer: string, criteria: string[]): TurnRecord {
  const words = answer.split(' ').map((word, i) => ({ word, start: 1 + i * 0.4, end: 1 + i * 0.4 + 0.35 }));
  const transcript = { text: answer, words };
  const score = scoreAnswer({ transcript, criteria: criteria.map((id) => ({ id, weight: 1 })), library });
  return {
    id: index + 1,
    index,
    turnId: `t${index}`,
    buyerLine,
    audioPath: null,
    durationSeconds: 10,
    transcript,
    score,
  };
}

describe('summarizeRoleplay', () => {
  it('gives talk share, pace and the weakest criterion as the challenge', () => {
    const turns = [
      turn(
        0,
        'Things are fine, I just wanted to see what is out there.',
        'Help me understand what is not working today?',
        ['open-question', 'probing'],
      ),
      turn(1, 'Onboarding takes a while but that is normal.', 'How long does it take now? What does it cost you?', [
        'probing',
        'open-question',
      ]),
    ];
    const s = summarizeRoleplay(turns)!;
    // rep: 8 words (3.15 s) + 11 words (4.35 s) = 7.5 s; buyer: 20 words at 2.5 words/s = 8 s → 48%.
    expect(s.talkSharePercent).toBe(48);
    expect(s.wordsPerMinute).toBe(152);
    expect(s.challenge).toMatchObject({ id: 'probing', score: 50 });
    expect(s.challenge!.tip).toMatch(/walk me through/i);
  });

  it('has no challenge when everything passed, and nothing to summarise without scores', () => {
    const good = turn(0, 'Price is high.', 'I hear you. What are you comparing it with?', [
      'acknowledge-objection',
      'open-question',
    ]);
    expect(summarizeRoleplay([good])!.challenge).toBeNull();
    expect(summarizeRoleplay([{ ...good, score: null, transcript: null }])).toBeNull();
  });
});
