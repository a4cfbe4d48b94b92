import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios, parseScenario } from '../../../src-main/core/scenarios/load-scenarios';
import { loadRubricLibrary } from '../../../src-main/core/scoring/rubric-library';
import { SCENARIOS, tempDir } from '../../support/paths';

const known = new Set(loadRubricLibrary([join(SCENARIOS, 'rubrics')]).criteria.keys());

/** Scenario files shipped in scenarios/ (rubrics/ and schema/ hold other things). */
const builtInFiles = () =>
  readdirSync(SCENARIOS, { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.ya?ml$/.test(f) && !f.startsWith('rubrics'),
  );

describe('scenarios', () => {
  it('loads the built-in scenarios without problems', () => {
    const listing = loadScenarios([SCENARIOS], known);
    expect(listing.invalid).toEqual([]);
    expect(listing.valid.map((s) => s.id)).toEqual(
      expect.arrayContaining(['discovery-vague-buyer', 'price-objection']),
    );
    expect(listing.valid.length).toBe(builtInFiles().length); // every file under scenarios/ loads
    for (const s of listing.valid) expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a wrong field type at its line and column', () => {
    const text =
      'id: x\ntitle: X\npersona:\n  name: A\n  role: B\n  company: C\nturns:\n  - id: t1\n    buyer: 42\n ' +
      '   criteria: [open-question]\n';
    const { scenario, problems } = parseScenario(text, 'x.yaml', known);
    expect(scenario).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'x.yaml', line: 9, col: 12 })]);
    expect(problems[0]!.message).toMatch(/turns\.0\.buyer/);
  });

  it('reports YAML syntax errors and unknown criteria with positions', () => {
    expect(parseScenario('id: [unclosed\n', 'bad.yaml', known).problems[0]).toMatchObject({
      file: 'bad.yaml',
      line: 2,
    });
    const text =
      'id: x\ntitle: X\npersona: {name: A, role: B, company: C}\nturns:\n  - id: t1\n    buyer: Hi\n    ' +
      'criteria: [open-question, mind-reading]\n';
    expect(parseScenario(text, 'c.yaml', known).problems).toEqual([
      expect.objectContaining({ line: 7, col: 31, message: expect.stringMatching(/unknown criterion "mind-reading"/) }),
    ]);
  });

  it('lists a bad file as invalid and keeps loading the rest', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'broken.yaml'), 'id: Not Valid\n');
    const listing = loadScenarios([SCENARIOS, dir], known);
    expect(listing.valid).toHaveLength(builtInFiles().length);
    expect(listing.invalid.map((f) => f.file)).toEqual([join('pack', 'broken.yaml')]);
  });
});
