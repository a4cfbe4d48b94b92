import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioProblem } from '../domain';
import { parseYamlWith } from '../yaml-source';
import { type RubricCriterion, type RubricFile, rubricSchema } from './rubric-schema';

export interface RubricLibrary {
  criteria: Map<string, RubricCriterion>;
  passMark: number;
  /** e.g. "core@1+3fa2b9c1": which rubric files (by content) produced a score. */
  version: string;
  /** The rubric files' text, stored with attempts so old scores can always be explained. */
  snapshot: string;
  problems: ScenarioProblem[];
}

/** Loads every rubric file in the given folders; criterion ids are unique across the library. */
export function loadRubricLibrary(dirs: string[]): RubricLibrary {
  const files: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
    } catch {
      continue;
    }
    for (const name of names) files.push({ name, text: readFileSync(join(dir, name), 'utf8') });
  }
  return rubricLibraryOf(files);
}

/**
 * The library a stored snapshot describes (the text kept with scores, see `snapshot`): an
 * imported attempt is checked against the very rubric that scored it, not this computer's.
 */
export function rubricLibraryFromSnapshot(snapshot: string): RubricLibrary {
  const parts = snapshot.split(/^# rubrics\/([^\n]+)\n/m);
  const files: { name: string; text: string }[] = [];
  // split() with a capture group: [before, name1, text1, name2, text2, ...]; texts were joined by "\n".
  for (let i = 1; i + 1 < parts.length; i += 2)
    files.push({ name: parts[i]!, text: i + 2 < parts.length ? parts[i + 1]!.replace(/\n$/, '') : parts[i + 1]! });
  return rubricLibraryOf(files);
}

function rubricLibraryOf(files: { name: string; text: string }[]): RubricLibrary {
  const criteria = new Map<string, RubricCriterion>();
  const problems: ScenarioProblem[] = [];
  const versions: string[] = [];
  const texts: string[] = [];
  let passMark = 80;
  for (const { name, text } of files) {
    const file = `rubrics/${name}`;
    const source = parseYamlWith(rubricSchema, text, file);
    problems.push(...source.problems);
    const rubric: RubricFile | undefined = source.data;
    if (!rubric) continue;
    passMark = rubric.passMark;
    rubric.criteria.forEach((c, i) => {
      if (criteria.has(c.id))
        problems.push(
          source.problemAt(['criteria', i, 'id'], `duplicate criterion id "${c.id}" in the rubric library`),
        );
      else criteria.set(c.id, c);
    });
    versions.push(`${rubric.id}@${rubric.version}+${createHash('sha256').update(text).digest('hex').slice(0, 8)}`);
    texts.push(`# ${file}\n${text}`);
  }
  return { criteria, passMark, version: versions.join(',') || 'none', snapshot: texts.join('\n'), problems };
}
