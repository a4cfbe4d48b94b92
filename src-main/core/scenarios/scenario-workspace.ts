import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { ExampleResult, ScenarioCheck, ScenarioFileEntry, ScenarioProblem } from '../domain';
import { SparringError, notFound } from '../errors';
import { resolveInside, resolveRealInside } from '../paths';
import { turnEdges } from './branching';
import {
  clipsBeside,
  declaredId,
  duplicateIdProblem,
  parseScenario,
  isReservedFolder,
  readScenarioFile,
  yamlFilesUnder,
} from './load-scenarios';
import { exportPack, installPack, packZipName, readPack } from './scenario-packs';
import type { ScenarioCatalog } from './scenario-catalog';
import { runExamples } from './scenario-tests';

export type ScenarioSource = ScenarioFileEntry['source'];

const toSlashes = (p: string) => p.split('\\').join('/');

/**
 * The designer's side of the scenario folders: list every file (valid or not), open, check as
 * they type, save, duplicate, delete, run examples, and move packs in and out as zips.
 * Built-in folders are read-only; everything written goes to the user's folder.
 */
export class ScenarioWorkspace {
  constructor(
    private readonly catalog: ScenarioCatalog,
    private readonly builtInDirs: string[],
    readonly userDir: string,
  ) {}

  private roots(): { source: ScenarioSource; dir: string }[] {
    return [
      ...this.builtInDirs.map((dir) => ({ source: 'built-in' as const, dir })),
      { source: 'user' as const, dir: this.userDir },
    ];
  }

  /** Every scenario file, in library order; a later file reusing an id is listed with that problem. */
  list(): ScenarioFileEntry[] {
    const known = this.catalog.knownCriteria();
    const seen = new Map<string, string>();
    const entries: ScenarioFileEntry[] = [];
    for (const { source, dir } of this.roots()) {
      let files: string[] = [];
      try {
        if (statSync(dir).isDirectory()) files = yamlFilesUnder(dir);
      } catch {
        continue; // the user's folder does not exist until something is saved there
      }
      for (const full of files) {
        const file = toSlashes(relative(dir, full));
        const read = readScenarioFile(full, file);
        const text = read.text;
        const { scenario, problems } = read.problem
          ? { scenario: null, problems: [read.problem] }
          : parseScenario(text, file, known, clipsBeside(dirname(full)));
        if (scenario && seen.has(scenario.id))
          problems.push(duplicateIdProblem(text, file, scenario.id, seen.get(scenario.id)!));
        else if (scenario) seen.set(scenario.id, `${source} ${file}`);
        entries.push({
          source,
          file,
          pack: file.includes('/') ? file.split('/')[0]! : '',
          editable: source === 'user',
          id: scenario?.id ?? declaredId(text),
          title: scenario?.title ?? null,
          kind: scenario?.kind ?? null,
          problems,
        });
      }
    }
    return entries;
  }

  /** The absolute path of a scenario file, refusing anything outside its folder or not YAML. */
  private locate(source: ScenarioSource, file: string): string {
    if (!/\.ya?ml$/i.test(file)) throw new SparringError('bad_file', `"${file}" is not a scenario file (.yaml).`);
    if (source === 'user') {
      // By where the path really lands ("./rubrics/x.yaml" too), in any case.
      const top = relative(this.userDir, resolveInside(this.userDir, file)).split(sep)[0]!;
      if (isReservedFolder(top))
        throw new SparringError(
          'reserved_folder',
          `"${top}/" holds the app's rubric library, not scenarios: save in a pack folder.`,
        );
      return resolveRealInside(this.userDir, file);
    }
    for (const dir of this.builtInDirs) {
      const full = resolveRealInside(dir, file);
      if (existsSync(full)) return full;
    }
    throw notFound(`Built-in scenario file "${file}"`);
  }

  open(
    source: ScenarioSource,
    file: string,
  ): { source: ScenarioSource; file: string; text: string; editable: boolean } {
    const full = this.locate(source, file);
    if (!existsSync(full)) throw notFound(`Scenario file "${file}"`);
    const { text, problem } = readScenarioFile(full, file);
    if (problem) throw new SparringError('unreadable_file', `${file}: ${problem.message}`);
    return { source, file, text, editable: source === 'user' };
  }

  /** Validates a text as if it were saved at this place: positions, clips beside it, ids used elsewhere. */
  check(source: ScenarioSource, file: string, text: string): ScenarioCheck {
    const full = this.locate(source, file);
    const { scenario, problems } = parseScenario(text, file, this.catalog.knownCriteria(), clipsBeside(dirname(full)));
    if (scenario) {
      const other = this.list().find(
        (e) =>
          e.id === scenario.id &&
          !(e.source === source && e.file === file) &&
          !e.problems.some((p) => /duplicate scenario id/.test(p.message)),
      );
      if (other) problems.push(duplicateIdProblem(text, file, scenario.id, `${other.source} ${other.file}`));
    }
    return problems.length
      ? { scenario: null, edges: [], problems }
      : { scenario: scenario!, edges: turnEdges(scenario!), problems };
  }

  /** Saves into the user's folder (even with problems: work in progress is never lost), atomically. */
  save(file: string, text: string): ScenarioCheck {
    const full = this.locate('user', file);
    mkdirSync(dirname(full), { recursive: true });
    const temp = `${full}.saving`;
    writeFileSync(temp, text);
    renameSync(temp, full);
    return this.check('user', file, text);
  }

  /** Deletes a user scenario file and returns its text, so the UI can undo by saving it again. */
  remove(file: string): { file: string; text: string } {
    const full = this.locate('user', file);
    if (!existsSync(full)) throw notFound(`Scenario file "${file}"`);
    const text = readFileSync(full, 'utf8');
    rmSync(full);
    return { file, text };
  }

  /**
   * An editable copy in the user's folder, in a pack folder of the same name: a new id and title
   * (so both can be listed), the audio clips it uses copied beside it.
   */
  duplicate(source: ScenarioSource, file: string): { source: 'user'; file: string } {
    const { text } = this.open(source, file);
    const from = this.locate(source, file);
    const ids = new Set(this.list().flatMap((e) => (e.id ? [e.id] : [])));
    const oldId = declaredId(text) ?? basename(file, extname(file));
    let n = 1;
    const nextId = () => `${oldId}-copy${n === 1 ? '' : `-${n}`}`;
    while (ids.has(nextId()) || existsSync(join(this.userDir, dirname(file), `${nextId()}.yaml`))) n++;
    const id = nextId();
    const copy = text
      .replace(/^id\s*:.*$/m, `id: ${id}`)
      .replace(
        /^title\s*:\s*(["']?)(.*?)\1\s*$/m,
        (_m, _q, title: string) => `title: ${JSON.stringify(`${title} (copy)`)}`,
      );
    const target = toSlashes(join(dirname(file), `${id}.yaml`));
    const parsed = parseScenario(text, file, this.catalog.knownCriteria());
    for (const clip of new Set(parsed.scenario?.turns.flatMap((t) => (t.audio ? [t.audio] : [])) ?? [])) {
      const src = join(dirname(from), clip);
      const dest = resolveRealInside(this.userDir, join(dirname(target), clip));
      if (existsSync(src) && !existsSync(dest)) {
        mkdirSync(dirname(dest), { recursive: true });
        copyFileSync(src, dest);
      }
    }
    this.save(target, copy);
    return { source: 'user', file: target };
  }

  /** Runs a text's examples through the scoring engine; problems instead when it does not validate. */
  runExamples(
    source: ScenarioSource,
    file: string,
    text: string,
  ): { problems: ScenarioProblem[]; results: ExampleResult[] } {
    const { scenario, problems } = this.check(source, file, text);
    if (!scenario) return { problems, results: [] };
    return { problems: [], results: runExamples(scenario, text, file, this.catalog.library()) };
  }

  async exportPack(source: ScenarioSource, pack: string): Promise<{ fileName: string; zip: Uint8Array }> {
    const errors: Error[] = [];
    for (const { source: s, dir } of this.roots()) {
      if (s !== source) continue;
      try {
        return { fileName: packZipName(pack), zip: await exportPack(dir, pack, this.catalog.knownCriteria()) };
      } catch (error) {
        errors.push(error as Error);
      }
    }
    throw errors[0] ?? notFound(`Pack "${pack}"`);
  }

  /** Checks the whole zip first (see readPack); only then writes it into the user's folder. */
  async importPack(zip: Uint8Array, zipName: string): Promise<{ pack: string; scenarioIds: string[] }> {
    const installedIds = new Map(
      this.list().flatMap((e) => (e.id && !e.problems.length ? [[e.id, `${e.source} ${e.file}`] as const] : [])),
    );
    const contents = await readPack(zip, zipName, {
      knownCriteria: this.catalog.knownCriteria(),
      installedIds,
      userDir: this.userDir,
    });
    mkdirSync(this.userDir, { recursive: true });
    installPack(this.userDir, contents);
    return { pack: contents.pack, scenarioIds: contents.scenarioIds };
  }
}
