import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Scenario, ScenarioListing } from '../domain';
import { notFound } from '../errors';
import { resolveRealInside } from '../paths';
import { loadRubricLibrary, type RubricLibrary } from '../scoring/rubric-library';
import { loadScenarios } from './load-scenarios';

/** Every file under a folder with its size and modification time: changes whenever any file does. */
function folderSignature(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = join(e.parentPath, e.name);
        const st = statSync(full);
        return `${full}:${st.size}:${st.mtimeMs}`;
      })
      .sort()
      .join('|');
  } catch {
    return 'missing';
  }
}

/**
 * Scenarios and the rubric library, read from scenario folders (built-in first, then the
 * user's). Each folder's rubrics/ holds rubric files. Files are the source of truth: what was
 * parsed is reused only while no file under the folders has changed (size and time checked on
 * every call), so an edit is seen at once and opening an attempt does not re-parse every file.
 */
export class ScenarioCatalog {
  private cache: {
    signature: string;
    library: RubricLibrary;
    perRoot: Map<string, ScenarioListing>;
    all: ScenarioListing;
  } | null = null;

  /**
   * `rubricRoots`: the folders whose rubrics/ make the library. In the app only the built-in ones:
   * a rubric file saved or imported into a user's folder would change every score unseen.
   */
  constructor(
    readonly roots: string[],
    private readonly rubricRoots: string[] = roots,
  ) {}

  private parsed() {
    const signature = this.roots.map(folderSignature).join('#');
    if (this.cache?.signature === signature) return this.cache;
    const library = loadRubricLibrary(this.rubricRoots.map((r) => join(r, 'rubrics')));
    const known = new Set(library.criteria.keys());
    const perRoot = new Map(this.roots.map((r) => [r, loadScenarios([r], known)] as const));
    this.cache = { signature, library, perRoot, all: loadScenarios(this.roots, known) };
    return this.cache;
  }

  /** Built-in scenarios, then packs published to the team (pulled, read-only), then the user's own. */
  static forDataDir(builtInDirs: string[], dataDir: string): ScenarioCatalog {
    return new ScenarioCatalog(
      [...builtInDirs, join(dataDir, 'team-scenarios'), join(dataDir, 'scenarios')],
      builtInDirs,
    );
  }

  /** The last root: the user's own scenario folder. */
  get userDir(): string {
    return this.roots[this.roots.length - 1]!;
  }

  library(): RubricLibrary {
    return this.parsed().library;
  }

  knownCriteria(): ReadonlySet<string> {
    return new Set(this.library().criteria.keys());
  }

  list(): ScenarioListing {
    return this.parsed().all;
  }

  /** The scenario with this id, its file's text (for the version stored with an attempt) and where it is. */
  find(id: string): { scenario: Scenario; content: string; path: string } {
    const { perRoot } = this.parsed();
    for (const root of this.roots) {
      const scenario = perRoot.get(root)!.valid.find((s) => s.id === id);
      if (scenario)
        return { scenario, content: readFileSync(join(root, scenario.file), 'utf8'), path: join(root, scenario.file) };
    }
    throw notFound(`Scenario "${id}"`);
  }

  /** The audio clip of one turn, resolved inside the scenario's folder (the schema already refuses ".."). */
  clipFile(scenarioId: string, turnId: string): string {
    const { scenario, path } = this.find(scenarioId);
    const clip = scenario.turns.find((t) => t.id === turnId)?.audio;
    if (!clip) throw notFound(`An audio clip for turn "${turnId}" of scenario "${scenarioId}"`);
    return resolveRealInside(dirname(path), clip);
  }
}
