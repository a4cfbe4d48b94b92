/** `sparring validate` and `sparring test-scenarios`, run as a designer runs them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSparring } from '../../support/cli';
import { ROOT, SCENARIOS, tempDir } from '../../support/paths';
import { loadScenarios } from '../../../src-main/core/scenarios/load-scenarios';
import { loadRubricLibrary } from '../../../src-main/core/scoring/rubric-library';

const sparring = (...args: string[]) => runSparring(args);
const BROKEN = 'test/fixtures/broken-scenarios';

describe('sparring validate', () => {
  it('passes the built-in scenarios with a one-line summary', () => {
    const r = sparring('validate', 'scenarios/');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^OK: \d+ scenarios valid \(rubric library core@1\+[0-9a-f]{8}\)\.$/);
  });

  it('prints every problem at its file:line:col and exits 1', () => {
    const r = sparring('validate', BROKEN);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const expected = [
      [`${BROKEN}/bad-example.yaml:10:30:`, /not scored on "next-step"/],
      [`${BROKEN}/bad-pass-mark.yaml:4:13:`, /certification\.passMark: a pass mark is between 0 and 100/],
      [`${BROKEN}/duplicate-id-b.yaml:2:1:`, /duplicate scenario id "twin" \(also in duplicate-id-a\.yaml\)/],
      [`${BROKEN}/duplicate-turn.yaml:8:9:`, /duplicate turn id "t1"/],
      [`${BROKEN}/endless-loop.yaml:5:9:`, /from turn "ping" every path loops forever/],
      [`${BROKEN}/endless-loop.yaml:9:9:`, /from turn "pong" every path loops forever/],
      [`${BROKEN}/missing-audio.yaml:7:12:`, /the audio file "clips\/hello\.wav" is missing/],
      [`${BROKEN}/syntax-error.yaml:6:12:`, /YAML syntax: Missing closing "quote/],
      [`${BROKEN}/unknown-branch.yaml:9:15:`, /no turn called "t9"/],
      [`${BROKEN}/unknown-criterion.yaml:7:25:`, /unknown criterion "mind-reading"/],
      [`${BROKEN}/unreachable-turn.yaml:9:9:`, /"orphan" can never be reached/],
      [`${BROKEN}/wrong-type.yaml:9:12:`, /turns\.0\.buyer: .*expected string, received number/],
    ] as const;
    expect(lines).toHaveLength(expected.length);
    expected.forEach(([where, what], i) => {
      expect(lines[i]!.startsWith(where), `${lines[i]} should start with ${where}`).toBe(true);
      expect(lines[i]).toMatch(what);
    });
    expect(r.stderr).toMatch(/12 problems/);
  });

  it('the app lists each broken file as invalid, with its problems, and keeps the good ones', () => {
    const known = new Set(loadRubricLibrary([join(SCENARIOS, 'rubrics')]).criteria.keys());
    const listing = loadScenarios([SCENARIOS, join(ROOT, BROKEN)], known);
    expect(listing.valid.map((s) => s.id)).toEqual(
      expect.arrayContaining(['discovery-vague-buyer', 'price-objection', 'twin']),
    );
    expect(listing.invalid.map((f) => f.file).sort()).toEqual([
      'bad-example.yaml',
      'bad-pass-mark.yaml',
      'duplicate-id-b.yaml',
      'duplicate-turn.yaml',
      'endless-loop.yaml',
      'missing-audio.yaml',
      'syntax-error.yaml',
      'unknown-branch.yaml',
      'unknown-criterion.yaml',
      'unreachable-turn.yaml',
      'wrong-type.yaml',
    ]);
    for (const f of listing.invalid)
      expect(f.problems[0]).toMatchObject({
        line: expect.any(Number),
        col: expect.any(Number),
        message: expect.any(String),
      });
  });
});

describe('JSON Schemas for editors', () => {
  it('the committed schemas are what npm run schema generates from the zod schemas', async () => {
    const { scenarioJsonSchemas } = await import('../../../src-main/core/scenarios/json-schema');
    const { readFileSync } = await import('node:fs');
    const generated = scenarioJsonSchemas();
    for (const name of ['scenario', 'rubric'] as const) {
      const committed = JSON.parse(readFileSync(join(SCENARIOS, 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed, `run "npm run schema": scenarios/schema/${name}.schema.json is out of date`).toEqual(
        JSON.parse(JSON.stringify(generated[name])),
      );
    }
  });
});

describe('sparring test-scenarios', () => {
  it('runs every example of the built-in scenarios, and they all score as expected', () => {
    const r = sparring('test-scenarios', 'scenarios/');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^OK: (\d+) examples in \d+ scenarios scored as expected\./);
    expect(Number(/OK: (\d+)/.exec(r.stdout)![1])).toBeGreaterThanOrEqual(6);
  });

  it('reports an example that does not score as it claims, at its position, and exits 1', () => {
    const r = sparring('test-scenarios', 'test/fixtures/failing-examples');
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toMatch(
      new RegExp(
        '^test/fixtures/failing-examples/failing-example\\.yaml:9:9: ' +
          'turns\\.0\\.examples\\.0: turn "t1", example 1 should pass but scored 0',
      ),
    );
  });
});

describe('sparring pack', () => {
  it(
    'exports a pack folder to a zip; importing it where its ids exist is refused with every reason and nothing ' +
      'written',
    () => {
      const work = tempDir();
      const dataDir = tempDir();
      const env = { ...process.env, SPARRING_DATA_DIR: dataDir };
      const zip = join(work, 'drills.zip');
      const exported = sparring('pack', 'export', 'scenarios/drills', '--out', zip);
      expect(exported.status, exported.stderr).toBe(0);
      expect(exported.stdout).toMatch(/^Exported pack "drills" to .*drills\.zip \(\d+\.\d kB\)\.$/m);
      const clash = runSparring(['pack', 'import', zip], { env });
      expect(clash.status).toBe(1);
      expect(clash.stderr).toMatch(/drills\.zip was not imported, nothing was written/);
      expect(clash.stderr).toMatch(/scenario id "drill-open-questions" is already installed/);
      expect(readdirSync(dataDir)).toEqual([]);
    },
  );
});
