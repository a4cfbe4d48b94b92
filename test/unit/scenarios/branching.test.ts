import { describe, expect, it } from 'vitest';
import type { Scenario, TurnRecord } from '../../../src-main/core/domain';
import { endFor, graphProblems, nextTarget, turnsToEnd } from '../../../src-main/core/scenarios/branching';

const turn = (id: string, next?: Scenario['turns'][number]['next']) => ({
  id,
  buyer: id,
  criteria: [{ id: 'open-question', weight: 1 }],
  examples: [],
  next,
});
const scenario = (turns: Scenario['turns'], ends: Scenario['ends'] = []) => ({ turns, ends }) as unknown as Scenario;
const answer = (index: number, text: string, passed: Record<string, boolean> = {}): TurnRecord => ({
  id: index + 1,
  index,
  turnId: 't',
  buyerLine: '',
  audioPath: null,
  durationSeconds: null,
  transcript: { text, words: [] },
  score: {
    rubricVersion: 'x',
    overall: 0,
    passMark: 80,
    passed: false,
    delivery: {} as never,
    criteria: Object.entries(passed).map(([id, p]) => ({ id, passed: p, score: p ? 100 : 0 }) as never),
  },
});

describe('branching', () => {
  const s = scenario(
    [
      turn('opening', [{ when: { technique: 'open-question' }, goto: 'pain' }, { goto: 'guarded' }]),
      turn('guarded', [{ goto: 'pain' }]),
      turn('pain', [{ when: { criterion: 'next-step', passed: true }, goto: 'end:booked' }, { goto: 'end' }]),
    ],
    [{ id: 'booked', title: 'A meeting is booked' }],
  );

  it('follows the first branch whose condition the answer meets', () => {
    expect(nextTarget(s, 0, answer(0, 'What slows onboarding down today?'))).toBe('pain');
    expect(nextTarget(s, 0, answer(0, 'Our tool is great.'))).toBe('guarded');
    expect(nextTarget(s, 1, answer(1, 'Okay.'))).toBe('pain');
  });

  it('ends in the named end a criterion leads to, or the plain end', () => {
    const booked = nextTarget(s, 2, answer(1, 'x', { 'next-step': true }));
    expect(booked).toBe('end:booked');
    expect(endFor(s, booked)).toEqual({ id: 'booked', title: 'A meeting is booked' });
    expect(nextTarget(s, 2, answer(1, 'x', { 'next-step': false }))).toBe('end');
    expect(endFor(s, 'end')).toEqual({ id: 'end', title: 'End of the role-play' });
  });

  it('has no problems in a sound graph', () => {
    expect(graphProblems(s)).toEqual([]);
  });

  it('finds unknown targets, unreachable turns and loops with no way out', () => {
    expect(graphProblems(scenario([turn('a', [{ goto: 'nowhere' }]), turn('b')]))).toContainEqual({
      path: ['turns', 0, 'next', 0, 'goto'],
      message: expect.stringMatching(/no turn called "nowhere"/),
    });
    expect(graphProblems(scenario([turn('a', [{ goto: 'end:won' }])]))).toEqual([
      { path: ['turns', 0, 'next', 0, 'goto'], message: expect.stringMatching(/no end called "won"/) },
    ]);
    expect(graphProblems(scenario([turn('a', [{ goto: 'end' }]), turn('island')]))).toEqual([
      { path: ['turns', 1, 'id'], message: expect.stringMatching(/"island" can never be reached/) },
    ]);
    const loop = graphProblems(scenario([turn('a', [{ goto: 'b' }]), turn('b', [{ goto: 'a' }])]));
    expect(loop.map((p) => p.message)).toEqual([
      expect.stringMatching(/from turn "a" every path loops forever/),
      expect.stringMatching(/from turn "b" every path loops forever/),
    ]);
    // A loop with a way out is fine.
    expect(
      graphProblems(scenario([turn('a', [{ when: { technique: 'probing' }, goto: 'end' }, { goto: 'a' }])])),
    ).toEqual([]);
  });
});

describe('turns to the end', () => {
  it('counts the turns left on the shortest and the longest way, the current one included', () => {
    const turn = (id: string, next?: { when?: { technique: string }; goto: string }[]) =>
      ({ id, buyer: id, criteria: [], examples: [], ...(next && { next }) }) as never;
    const scenario = {
      turns: [
        turn('a', [{ when: { technique: 'open-question' }, goto: 'c' }]),
        turn('b'),
        turn('c', [{ goto: 'end:won' }]),
      ],
    };
    expect(turnsToEnd(scenario)).toEqual({ a: { min: 2, max: 3 }, b: { min: 2, max: 2 }, c: { min: 1, max: 1 } });
  });
});
