/** `validate`, `test-scenarios` and `pack`: a designer's commands on scenario files and folders. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  clipsBeside,
  exportPack,
  loadScenarios,
  packZipName,
  parseScenario,
  readScenarioFile,
  runScenarioTests,
  ScenarioCatalog,
  type ScenarioProblem,
} from '../core';
import { root, dataDir, UsageError, withApi } from './cli-context';

/** Scenario folders to check, and the rubric library they use (built-in plus each folder's rubrics/). */
export function scenarioTargets(args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const targets = (positionals.length ? positionals : [join(root, 'scenarios')]).map((p) => resolve(p));
  for (const t of targets) if (!existsSync(t)) throw new UsageError(`${t} does not exist.`);
  const dirs = targets.map((t) => (statSync(t).isDirectory() ? t : dirname(t)));
  const library = new ScenarioCatalog([
    join(root, 'scenarios'),
    ...dirs.filter((d) => d !== join(root, 'scenarios')),
  ]).library();
  return { targets, dirs, library };
}

export const shown = (p: string) => relative(process.cwd(), p) || '.';
export const printProblem = (p: ScenarioProblem) => console.log(`${shown(p.file)}:${p.line}:${p.col}: ${p.message}`);

export function validate(args: string[]) {
  const { targets, library } = scenarioTargets(args);
  const problems: ScenarioProblem[] = library.problems.map((p) => ({ ...p, file: join(root, 'scenarios', p.file) }));
  let valid = 0;
  for (const t of targets) {
    if (statSync(t).isDirectory()) {
      const listing = loadScenarios([t], new Set(library.criteria.keys()));
      valid += listing.valid.length;
      // One by one: thousands of files' problems would overflow a spread's arguments.
      for (const f of listing.invalid) for (const p of f.problems) problems.push({ ...p, file: join(t, p.file) });
    } else {
      const read = readScenarioFile(t, t);
      const { scenario, problems: found } = read.problem
        ? { scenario: null, problems: [read.problem] }
        : parseScenario(read.text, t, new Set(library.criteria.keys()), clipsBeside(dirname(t)));
      if (scenario) valid++;
      for (const p of found) problems.push(p);
    }
  }
  problems.forEach(printProblem);
  if (problems.length) {
    console.error(
      `sparring: ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix them and run validate again.`,
    );
    return 1;
  }
  console.log(`OK: ${valid} scenario${valid === 1 ? '' : 's'} valid (rubric library ${library.version}).`);
  return 0;
}

export function testScenarios(args: string[]) {
  const { dirs, library } = scenarioTargets(args);
  const report = runScenarioTests([...new Set(dirs)], library);
  [...report.invalid, ...report.failures].forEach(printProblem);
  if (report.invalid.length || report.failures.length) {
    console.error(
      `sparring: ${report.failures.length} of ${report.examples} examples did not score as ` +
        `expected${report.invalid.length ? `, ${report.invalid.length} validation problems` : ''}.`,
    );
    return 1;
  }
  console.log(`OK: ${report.examples} examples in ${report.scenarios} scenarios scored as expected.`);
  return 0;
}

export async function pack(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  const [action, target] = positionals;
  if (action === 'export' && target) {
    const folder = resolve(target);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new UsageError(`${target} is not a folder: name a pack folder such as scenarios/drills.`);
    const name = basename(folder);
    const out = resolve(values.out ?? packZipName(name));
    const known = new ScenarioCatalog([join(root, 'scenarios'), dirname(folder)]).knownCriteria();
    const zip = await exportPack(dirname(folder), name, known);
    writeFileSync(out, zip);
    console.log(`Exported pack "${name}" to ${shown(out)} (${(zip.length / 1024).toFixed(1)} kB).`);
    return;
  }
  if (action === 'import' && target) {
    if (!existsSync(target)) throw new UsageError(`${target} does not exist.`);
    const result = await withApi(undefined, (api) =>
      api.designer.importPack({ fileName: basename(target), zip: readFileSync(target) }),
    );
    console.log(
      `Imported pack "${result.pack}" (${result.scenarioIds.join(', ')}) into ` +
        `${join(dataDir, 'scenarios', result.pack)}.`,
    );
    return;
  }
  throw new UsageError(
    'Usage: sparring pack export <pack-folder> [--out <file.zip>] | sparring pack import <file.zip>',
  );
}
