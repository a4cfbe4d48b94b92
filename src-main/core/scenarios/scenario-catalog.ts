import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Scenario, ScenarioListing } from '../domain';
import { notFound } from '../errors';
import { resolveInside } from '../paths';
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

  /** The scenario with this id, its file's text (for the version stored with an attempt) and where it is. */
  find(id: string): { scenario: Scenario; content: string; path: string } {
    const known = this.knownCriteria();
    for (const root of this.roots) {
      const scenario = loadScenarios([root], known).valid.find((s) => s.id === id);
      if (scenario) return { scenario, content: readFileSync(join(root, scenario.file), 'utf8'), path: join(root, scenario.file) };
    }
    throw notFound(`Scenario "${id}"`);
  }

  /** The audio clip of one turn, resolved inside the scenario's folder (the schema already refuses ".."). */
  clipFile(scenarioId: string, turnId: string): string {
    const { scenario, path } = this.find(scenarioId);
    const clip = scenario.turns.find((t) => t.id === turnId)?.audio;
    if (!clip) throw notFound(`An audio clip for turn "${turnId}" of scenario "${scenarioId}"`);
    return resolveInside(dirname(path), clip);
  }
}
