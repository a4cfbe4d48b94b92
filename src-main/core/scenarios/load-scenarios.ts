import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Scenario, ScenarioListing, ScenarioProblem } from '../domain';
import { criterionIds } from '../scoring/first-rubric';
import { scenarioFileSchema } from './scenario-schema';

/** Finds the YAML node at a zod issue path, to report the line and column of the problem. */
function nodeAt(root: YamlNode | null, path: PropertyKey[]): YamlNode | null {
  let node: YamlNode | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof key === 'number') {
      node = (node.items[key] as YamlNode | undefined) ?? node;
    } else {
      return node;
    }
  }
  return node;
}

/** Parses one scenario file; returns the scenario or every problem with its position. */
export function parseScenario(text: string, file: string): { scenario?: Scenario; problems: ScenarioProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const parsed = scenarioFileSchema.safeParse(doc.toJS());
  const problemAt = (path: PropertyKey[], message: string): ScenarioProblem => {
    const node = nodeAt(doc.contents as YamlNode | null, path);
    const pos = at(node?.range?.[0] ?? 0);
    const where = path.length ? `${path.join('.')}: ` : '';
    return { file, line: pos.line, col: pos.col, message: where + message };
  };
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => problemAt(issue.path, issue.message)) };
  }
  const problems: ScenarioProblem[] = [];
  const known = new Set<string>(criterionIds);
  parsed.data.turns.forEach((turn, t) =>
    turn.criteria.forEach((c, i) => {
      if (!known.has(c)) problems.push(problemAt(['turns', t, 'criteria', i], `unknown criterion "${c}"; known: ${criterionIds.join(', ')}`));
    }),
  );
  if (problems.length) return { problems };
  const contentHash = createHash('sha256').update(text).digest('hex');
  return { scenario: { ...parsed.data, contentHash, file }, problems };
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'rubrics') out.push(...yamlFilesUnder(full));
    } else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Loads every scenario under the given roots. A bad file never throws: it is listed as invalid. */
export function loadScenarios(roots: string[]): ScenarioListing {
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
      const { scenario, problems } = parseScenario(readFileSync(full, 'utf8'), file);
      if (!scenario) {
        listing.invalid.push({ file, problems });
      } else if (seen.has(scenario.id)) {
        listing.invalid.push({ file, problems: [{ file, line: 1, col: 1, message: `duplicate id "${scenario.id}" (also in ${seen.get(scenario.id)})` }] });
      } else {
        seen.set(scenario.id, file);
        listing.valid.push(scenario);
      }
    }
  }
  return listing;
}
