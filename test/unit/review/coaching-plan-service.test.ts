/** A reviewer's coaching plan through the service (real SQLite, typed answers). */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

function seeded() {
  const core = makeCore(tempDir(), { modelPath: null });
  const rep = core.people.setUpMe('Riley Rep', ['rep']);
  const { attemptId } = core.practice.start('price-objection');
  core.practice.submitTyped(attemptId, 0, 'Okay.');
  core.practice.finish(attemptId);
  const manager = core.people.add('Morgan Manager', ['manager']);
  core.people.use(manager.id);
  return { core, rep, attemptId };
}

describe('coaching plans', () => {
  it('offers the library skills and scenarios (drills first), and stores one plan per attempt, signed', () => {
    const { core, attemptId } = seeded();
    const choices = core.coaching.choices();
    expect(choices.skills).toContain('objection-handling');
    expect(choices.skills).toEqual([...choices.skills].sort());
    expect(choices.scenarios[0]!.kind).toBe('drill');
    const saved = core.coaching.set(attemptId, {
      skills: [' objection-handling ', 'objection-handling', 'value-selling'],
      note: 'Acknowledge, then quantify.',
      suggestedScenarioId: 'drill-acknowledge-first',
    });
    expect(saved.plan).toMatchObject({
      skills: ['objection-handling', 'value-selling'],
      note: 'Acknowledge, then quantify.',
      suggestedScenarioId: 'drill-acknowledge-first',
      suggestedScenarioTitle: expect.stringMatching(/acknowledge/i),
      author: 'Morgan Manager',
    });
    // A second save replaces it; clearing removes it.
    expect(core.coaching.set(attemptId, { skills: ['closing'] }).plan).toMatchObject({
      skills: ['closing'],
      note: null,
      suggestedScenarioId: null,
    });
    expect(core.coaching.clear(attemptId).plan).toBeNull();
    core.close();
  });

  it('refuses no skills, more than three, an unknown scenario, and the rep themselves', () => {
    const { core, rep, attemptId } = seeded();
    expect(() => core.coaching.set(attemptId, { skills: ['  '] })).toThrow(/one to three skills/);
    expect(() => core.coaching.set(attemptId, { skills: ['a', 'b', 'c', 'd'] })).toThrow(/one to three skills/);
    expect(() => core.coaching.set(attemptId, { skills: ['a'], suggestedScenarioId: 'nope' })).toThrow(
      /Scenario "nope" was not found/,
    );
    core.people.use(rep.id);
    expect(() => core.coaching.set(attemptId, { skills: ['closing'] })).toThrow(/your own attempt/);
    expect(core.history.get(attemptId).plan).toBeNull();
    core.close();
  });
});
