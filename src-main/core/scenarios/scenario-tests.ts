import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioProblem } from '../domain';
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
 * Runs every example answer of every scenario under `roots` through the scoring engine (as typed
 * answers: audio-only checks do not apply) and reports each one that does not score as expected,
 * at the line and column of the example.
 */
export function runScenarioTests(roots: string[], library: RubricLibrary): ScenarioTestReport {
  const report: ScenarioTestReport = { scenarios: 0, examples: 0, failures: [], invalid: [] };
  const known = new Set(library.criteria.keys());
  for (const root of roots) {
    const listing = loadScenarios([root], known);
    report.invalid.push(...listing.invalid.flatMap((f) => f.problems.map((p) => ({ ...p, file: join(root, p.file) }))));
    for (const scenario of listing.valid) {
      report.scenarios++;
      const file = join(root, scenario.file);
      const source = parseYamlWith(scenarioFileSchema, readFileSync(file, 'utf8'), file);
      scenario.turns.forEach((turn, t) =>
        turn.examples.forEach((example, e) => {
          report.examples++;
          const score = scoreAnswer({ transcript: { text: example.answer, words: [] }, criteria: turn.criteria, competitors: scenario.competitors, library, typed: true });
          const at = (message: string) => report.failures.push(source.problemAt(['turns', t, 'examples', e], message));
          const label = `turn "${turn.id}", example ${e + 1}`;
          if (example.expect === 'pass' && !score.passed) at(`${label} should pass but scored ${score.overall} (pass mark ${score.passMark}); weakest: ${weakest(score)}`);
          else if (example.expect === 'fail' && score.passed) at(`${label} should fail but scored ${score.overall} (pass mark ${score.passMark})`);
          else if (typeof example.expect === 'object') {
            for (const [id, wanted] of Object.entries(example.expect)) {
              const c = score.criteria.find((k) => k.id === id);
              if (!c || c.passed !== wanted) at(`${label}: expected ${id} to ${wanted ? 'pass' : 'fail'}, but it ${c?.passed === null ? 'was not scored' : c?.passed ? 'passed' : 'failed'} (${c?.explanation ?? 'no such criterion'})`);
            }
          }
        }),
      );
    }
  }
  return report;
}

function weakest(score: ReturnType<typeof scoreAnswer>): string {
  const c = score.criteria.filter((k) => k.score !== null).sort((a, b) => a.score! - b.score!)[0];
  return c ? `${c.id} ${c.score} (${c.explanation})` : 'none';
}
