/**
 * The built-in library keeps the shape the product promises: role-plays with branches and ends, short drills, one
 * certification.
 */
import { describe, expect, it } from 'vitest';
import { turnEdges } from '../../../src-main/core/scenarios/branching';
import { ScenarioCatalog } from '../../../src-main/core/scenarios/scenario-catalog';
import { SCENARIOS } from '../../support/paths';

const catalog = new ScenarioCatalog([SCENARIOS]);
const { valid, invalid } = catalog.list();
const roleplays = valid.filter((s) => s.kind === 'scenario');
const drills = valid.filter((s) => s.kind === 'drill');

describe('built-in scenarios', () => {
  it('all load, at least 10 role-plays and 5 drills', () => {
    expect(invalid).toEqual([]);
    expect(roleplays.length).toBeGreaterThanOrEqual(10);
    expect(drills.length).toBeGreaterThanOrEqual(5);
  });

  for (const s of roleplays) {
    it(`${s.id}: 3-8 turns, a persona, branches chosen by the answer, named ends, examples on every turn`, () => {
      expect(s.turns.length).toBeGreaterThanOrEqual(3);
      expect(s.turns.length).toBeLessThanOrEqual(8);
      expect(s.persona.name && s.persona.role && s.persona.company).toBeTruthy();
      // A branch: some turn whose answer can lead to two different places.
      const forks = s.turns.filter(
        (t) =>
          new Set(
            turnEdges(s)
              .filter((e) => e.from === t.id)
              .map((e) => e.to),
          ).size > 1,
      );
      expect(forks.length, 'turns with a choice').toBeGreaterThanOrEqual(1);
      expect(s.ends.length).toBeGreaterThanOrEqual(2);
      for (const t of s.turns) expect(t.examples.length, `examples on turn ${t.id}`).toBeGreaterThanOrEqual(2);
    });
  }

  it('drills are one-skill and 3-7 minutes; exactly one role-play is a certification', () => {
    for (const d of drills) {
      expect(d.minutes).toBeGreaterThanOrEqual(3);
      expect(d.minutes).toBeLessThanOrEqual(7);
    }
    expect(valid.filter((s) => s.certification).map((s) => s.id)).toEqual(['price-objection']);
  });
});
