import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Scenario, ScenarioListing, ScenarioProblem } from '../domain';
import { parseYamlWith } from '../yaml-source';
import { graphProblems } from './branching';
import { scenarioFileSchema } from './scenario-schema';

/** A scenario whose id another file already uses, reported at its `id:` line. */
export function duplicateIdProblem(text: string, file: string, id: string, other: string): ScenarioProblem {
  const line = text.split('\n').findIndex((l) => /^id\s*:/.test(l)) + 1 || 1;
  return {
    file,
    line,
    col: 1,
    message: `duplicate scenario id "${id}" (also in ${other}); give each scenario its ` + `own id`,
  };
}

/** The id a scenario file declares, read from its text (also when the file does not validate). */
export const declaredId = (text: string): string | null => /^id\s*:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? null;

/** Whether an audio clip exists beside the scenario: on disk, or among the files of a pack being imported. */
export type ClipExists = (relativePath: string) => boolean;

/** Clips looked up on disk in the scenario file's folder. */
export const clipsBeside =
  (dir: string): ClipExists =>
  (relativePath) =>
    existsSync(join(dir, relativePath));

/**
 * Parses one scenario file; returns the scenario or every problem with its line and column.
 * Audio clips are checked only when `clipExists` is given (a stored old version has no folder).
 */
export function parseScenario(
  text: string,
  file: string,
  knownCriteria: ReadonlySet<string>,
  clipExists?: ClipExists,
): { scenario?: Scenario; problems: ScenarioProblem[] } {
  const source = parseYamlWith(scenarioFileSchema, text, file);
  if (!source.data) return { problems: source.problems };
  const problems: ScenarioProblem[] = [];
  const turnIds = new Set<string>();
  source.data.turns.forEach((turn, t) => {
    if (turnIds.has(turn.id))
      problems.push(source.problemAt(['turns', t, 'id'], `duplicate turn id "${turn.id}" in ` + `this scenario`));
    turnIds.add(turn.id);
    // A clip must be a file beside the scenario (checked when the folder is known).
    if (turn.audio && clipExists && !clipExists(turn.audio)) {
      problems.push(
        source.problemAt(
          ['turns', t, 'audio'],
          `the audio file "${turn.audio}" is missing; put it ` + `beside the scenario file or remove the line`,
        ),
      );
    }
    turn.criteria.forEach((c, i) => {
      if (!knownCriteria.has(c.id)) {
        problems.push(
          source.problemAt(
            ['turns', t, 'criteria', i],
            `unknown criterion "${c.id}"; the rubric library ` + `has: ${[...knownCriteria].join(', ')}`,
          ),
        );
      }
    });
    // An example may only expect criteria this turn is scored on.
    const scored = new Set(turn.criteria.map((c) => c.id));
    turn.examples.forEach((ex, e) => {
      if (typeof ex.expect === 'string') return;
      for (const id of Object.keys(ex.expect)) {
        if (!scored.has(id))
          problems.push(
            source.problemAt(
              ['turns', t, 'examples', e, 'expect', id],
              `this turn is not ` + `scored on "${id}"; ` + `expect one of: ${[...scored].join(', ')}`,
            ),
          );
      }
    });
  });
  for (const g of graphProblems(source.data)) problems.push(source.problemAt(g.path, g.message));
  if (problems.length) return { problems };
  const contentHash = createHash('sha256').update(text).digest('hex');
  return { scenario: { ...source.data, contentHash, file }, problems };
}

/** The folder of a scenario root that holds the rubric library: no scenario or pack may be put there. */
export const RESERVED_FOLDERS: readonly string[] = ['rubrics'];
export const isReservedFolder = (name: string) => RESERVED_FOLDERS.includes(name.toLowerCase());

export function yamlFilesUnder(dir: string, top = true): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Hidden folders are a pack being installed or replaced (scenario-packs.ts), never read half-written.
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && isReservedFolder(entry.name))) for (const f of yamlFilesUnder(full, false)) out.push(f);
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The API takes no bigger a scenario text; a file on disk is held to the same. */
export const MAX_SCENARIO_FILE_BYTES = 500_000;

/** A scenario file's text, or why it cannot be read (too big, not a file, not allowed). Never throws. */
export function readScenarioFile(full: string, file: string): { text: string; problem: ScenarioProblem | null } {
  const problem = (message: string) => ({ text: '', problem: { file, line: 1, col: 1, message } });
  try {
    const size = statSync(full).size;
    if (size > MAX_SCENARIO_FILE_BYTES)
      return problem(
        `The file is ${(size / 1e6).toFixed(1)} MB; a scenario file may be at most 500 kB (split it into several).`,
      );
    return { text: readFileSync(full, 'utf8'), problem: null };
  } catch (error) {
    return problem(
      `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check it is a file you may read.`,
    );
  }
}

/** Loads every scenario under the given roots. A bad file never throws: it is listed as invalid. */
export function loadScenarios(roots: string[], knownCriteria: ReadonlySet<string>): ScenarioListing {
  const listing: ScenarioListing = { valid: [], invalid: [] };
  const seen = new Map<string, string>();
  for (const root of roots) {
    let files: string[] = [];
    try {
      if (statSync(root).isDirectory()) files = yamlFilesUnder(root);
    } catch {
      continue; // a missing user folder simply has no scenarios yet
    }
    for (const full of files) {
      const file = relative(root, full);
      const { text, problem } = readScenarioFile(full, file);
      if (problem) {
        listing.invalid.push({ file, problems: [problem] });
        continue;
      }
      const { scenario, problems } = parseScenario(text, file, knownCriteria, clipsBeside(dirname(full)));
      if (!scenario) {
        listing.invalid.push({ file, problems });
      } else if (seen.has(scenario.id)) {
        listing.invalid.push({ file, problems: [duplicateIdProblem(text, file, scenario.id, seen.get(scenario.id)!)] });
      } else {
        seen.set(scenario.id, file);
        listing.valid.push(scenario);
      }
    }
  }
  return listing;
}
