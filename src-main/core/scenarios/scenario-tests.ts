import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExampleResult, Scenario, ScenarioProblem } from '../domain';
import type { RubricLibrary } from '../scoring/rubric-library';
import { scoreAnswer } from '../scoring/score-answer';
import { parseYamlWith } from '../yaml-source';
import { loadScenarios } from './load-scenarios';
import { scenarioFileSchema } from './scenario-schema';

export interface ScenarioTestReport {
  scenarios: number;
  examples: number;
  failures: ScenarioProblem[];
  /** Files that did not load at all: their validation problems. */
  invalid: ScenarioProblem[];
}

/**
 * Runs every example answer of one scenario (as typed answers: audio-only checks do not apply).
 * `text` is the file's YAML, for the line and column of each example.
 */
export function runExamples(scenario: Scenario, text: string, file: string, library: RubricLibrary): ExampleResult[] {
  const source = parseYamlWith(scenarioFileSchema, text, file);
  const results: ExampleResult[] = [];
  scenario.turns.forEach((turn, t) =>
    turn.examples.forEach((example, e) => {
      const score = scoreAnswer({
        transcript: { text: example.answer, words: [] },
        criteria: turn.criteria,
        competitors: scenario.competitors,
        library,
        typed: true,
      });
      const label = `turn "${turn.id}", example ${e + 1}`;
      let message: string | null = null;
      if (example.expect === 'pass' && !score.passed)
        message =
          `${label} should pass but scored ${score.overall} ` +
          `(pass mark ${score.passMark}); weakest: ${weakest(score)}`;
      else if (example.expect === 'fail' && score.passed)
        message = `${label} should fail but scored ` + `${score.overall} (pass mark ${score.passMark})`;
      else if (typeof example.expect === 'object') {
        const wrong = Object.entries(example.expect).flatMap(([id, wanted]) => {
          const c = score.criteria.find((k) => k.id === id);
          return !c || c.passed !== wanted
            ? [
                `expected ${id} to ${wanted ? 'pass' : 'fail'}, but it ` +
                  `${c?.passed === null ? 'was not scored' : c?.passed ? 'passed' : 'failed'} ` +
                  `(${c?.explanation ?? 'no such criterion'})`,
              ]
            : [];
        });
        if (wrong.length) message = `${label}: ${wrong.join('; ')}`;
      }
      const expected =
        typeof example.expect === 'string'
          ? example.expect
          : Object.entries(example.expect)
              .map(([id, v]) => `${id}: ${v}`)
              .join(', ');
      results.push({
        turnId: turn.id,
        example: e + 1,
        answer: example.answer,
        expected,
        score: score.overall,
        ok: message === null,
        ...(message !== null && { problem: source.problemAt(['turns', t, 'examples', e], message) }),
      });
    }),
  );
  return results;
}

/**
 * Runs every example answer of every scenario under `roots` and reports each one that does not
 * score as expected, at the line and column of the example.
 */
export function runScenarioTests(roots: string[], library: RubricLibrary): ScenarioTestReport {
  const report: ScenarioTestReport = { scenarios: 0, examples: 0, failures: [], invalid: [] };
  const known = new Set(library.criteria.keys());
  for (const root of roots) {
    const listing = loadScenarios([root], known);
    for (const f of listing.invalid)
      for (const p of f.problems) report.invalid.push({ ...p, file: join(root, p.file) });
    for (const scenario of listing.valid) {
      report.scenarios++;
      const file = join(root, scenario.file);
      const results = runExamples(scenario, readFileSync(file, 'utf8'), file, library);
      report.examples += results.length;
      for (const r of results) if (r.problem) report.failures.push(r.problem);
    }
  }
  return report;
}

function weakest(score: ReturnType<typeof scoreAnswer>): string {
  const c = score.criteria.filter((k) => k.score !== null).sort((a, b) => a.score! - b.score!)[0];
  return c ? `${c.id} ${c.score} (${c.explanation})` : 'none';
}
