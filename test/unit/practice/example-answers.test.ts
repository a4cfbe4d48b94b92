/** Example answers after a turn: the passing ones, scored, with the words that earn each point. */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

describe('example answers', () => {
  it("shows the turn's passing examples, best first, each with its evidence inside its own text", () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId, scenario } = core.practice.start('drill-next-step');
    expect(scenario.turnsToEnd).toMatchObject({ [scenario.turns[0]!.id]: { min: 3, max: 3 } });
    core.practice.submitTyped(attemptId, 0, 'Let us keep in touch.');
    const examples = core.practice.exampleAnswers(attemptId, 0);
    const passing = scenario.turns[0]!.examples.filter((e) => e.expect === 'pass').map((e) => e.answer);
    expect(examples.map((e) => e.answer).sort()).toEqual([...passing].sort());
    expect(examples.map((e) => e.overall)).toEqual([...examples.map((e) => e.overall)].sort((a, b) => b - a));
    for (const e of examples) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) expect(e.answer.slice(ev.start, ev.end)).toBe(ev.text);
    }
    expect(() => core.practice.exampleAnswers(attemptId, 5)).toThrow(/was not found/);
    core.close();
  });
});
