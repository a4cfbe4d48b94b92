import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, ScenarioListing } from '../domain';
import { notFound } from '../errors';
import { loadRubricLibrary, type RubricLibrary } from '../scoring/rubric-library';
import { loadScenarios } from './load-scenarios';

/**
 * Scenarios and the rubric library, read from scenario folders (built-in first, then the
 * user's). Each folder's rubrics/ holds rubric files. Read fresh on every call: files are the source of truth.
 */
export class ScenarioCatalog {
  constructor(readonly roots: string[]) {}

  static forDataDir(builtInDirs: string[], dataDir: string): ScenarioCatalog {
    return new ScenarioCatalog([...builtInDirs, join(dataDir, 'scenarios')]);
  }

  /** The last root: the user's own scenario folder. */
  get userDir(): string {
    return this.roots[this.roots.length - 1]!;
  }

  library(): RubricLibrary {
    return loadRubricLibrary(this.roots.map((r) => join(r, 'rubrics')));
  }

  knownCriteria(): ReadonlySet<string> {
    return new Set(this.library().criteria.keys());
  }

  list(): ScenarioListing {
    return loadScenarios(this.roots, this.knownCriteria());
  }

  /** The scenario with this id and its file's text (for the version stored with an attempt). */
  find(id: string): { scenario: Scenario; content: string } {
    const known = this.knownCriteria();
    for (const root of this.roots) {
      const scenario = loadScenarios([root], known).valid.find((s) => s.id === id);
      if (scenario) return { scenario, content: readFileSync(join(root, scenario.file), 'utf8') };
    }
    throw notFound(`Scenario "${id}"`);
  }
}
