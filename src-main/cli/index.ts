/**
 * `sparring`: the command-line front end onto core (like the UI, it only calls core).
 * Every command prints a clear message and exits non-zero on failure.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { inProcessApi } from '../api/in-process';
import {
  analyzeText,
  clipsBeside,
  configFromEnvironment,
  createCore,
  defaultDataDir,
  downloadModel,
  exportPack,
  KNOWN_MODELS,
  type KnownModel,
  loadScenarios,
  locateModel,
  MODEL_CATALOG,
  modelsDir,
  packZipName,
  parseScenario,
  projectRoot,
  runScenarioTests,
  ScenarioCatalog,
  type ScenarioProblem,
} from '../core';
import { progressPrinter } from './progress-bar';

const root = projectRoot();
/** The environment is read here, at the edge, once; core gets it as configuration. */
const dataDir = defaultDataDir(process.env);
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const HELP = `sparring ${version}: offline sales role-play practice

Usage:
  sparring transcribe <file.wav> [--model <path>] [--json]
      Transcribe a WAV file with local whisper.cpp. --json prints
      {"text": ..., "words": [{"word", "start", "end"}]} with times in seconds.
  sparring analyze [--text "..."] [--json]
      Detect questions (open/closed), techniques and fillers in a rep's words.
      Without --text, reads one utterance per line from stdin and prints one
      JSON object per line (JSON Lines), in order.
  sparring score --scenario <id> --turn <id> (--text "..." | --audio <file.wav> [--model <path>]) [--json]
      Score one answer to one turn of a scenario with the rubric library: every
      criterion, its checks, its evidence, delivery metrics and the overall score.
  sparring validate [paths...]
      Check scenario files (default: the built-in scenarios/). Prints every
      problem as file:line:col: message and exits 1 if there is any.
  sparring test-scenarios [paths...]
      Score every example answer in the scenarios against what it expects
      (pass, fail, or criteria that must pass/fail); exits 1 on any failure.
  sparring pack export <pack-folder> [--out <file.zip>]
      Zip a scenario pack (a folder of scenario files and their audio clips)
      to share it. Default output: <pack>.sparring-pack.zip here.
  sparring pack import <file.zip>
      Check a pack zip completely (safe paths, sizes, every scenario valid, no
      id clashes) and only then install it into the data directory's scenarios/.
  sparring model download <${KNOWN_MODELS.join('|')}> [--dir <folder>]
      Download a whisper.cpp model (progress, resumable, checksum-verified)
      into the data directory's models/ folder (or --dir).
  sparring model status
      Which model and whisper.cpp build Sparring would use.
  sparring --help | --version

Environment:
  SPARRING_DATA_DIR   where data lives (default: ${dataDir})
  SPARRING_MODEL      a model file to use instead of the downloaded ones
`;

class UsageError extends Error {}

/**
 * The app's own core on the data folder, reached through the same contract and dispatch as the
 * app (an in-process transport): what the CLI transcribes and scores, it does exactly as the app
 * does. It never recovers the folder (the app may be running on it).
 */
async function withApi<T>(
  modelPath: string | undefined,
  run: (api: ReturnType<typeof inProcessApi>) => Promise<T>,
): Promise<T> {
  const config = configFromEnvironment(process.env, {
    dataDir,
    builtInScenarioDirs: [join(root, 'scenarios')],
    appRoots: [root],
  });
  const core = createCore({ ...config, ...(modelPath ? { modelPath } : {}) });
  try {
    return await run(inProcessApi(core, version));
  } finally {
    core.close();
  }
}

/** The model a command would use: --model, else SPARRING_MODEL, Settings or the best downloaded. */
function requireModel(explicit: string | undefined): string {
  const modelPath = locateModel(dataDir, explicit || process.env.SPARRING_MODEL);
  if (!modelPath) throw new UsageError('No model: pass --model <path> or run "sparring model download base.en".');
  return modelPath;
}

const readWav = (file: string) => {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
  return readFileSync(file);
};

async function transcribe(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { model: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file)
    throw new UsageError('transcribe needs a WAV file: sparring transcribe answer.wav --model ggml-base.en.bin --json');
  const modelPath = requireModel(values.model);
  const transcript = await withApi(modelPath, (api) =>
    api.transcription.transcribe({ wav: readWav(file), name: file }),
  );
  if (values.json) process.stdout.write(JSON.stringify(transcript) + '\n');
  else process.stdout.write(transcript.text + '\n');
}

function analysisJson(text: string) {
  const a = analyzeText(text);
  return {
    text: a.text,
    sentences: a.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, question: s.question })),
    techniques: a.techniques,
    fillers: a.fillers,
  };
}

function describeAnalysis(text: string): string {
  const a = analysisJson(text);
  const lines = a.sentences.map((s) => `  ${s.question ? `[${s.question} question]` : '[statement]'} ${s.text}`);
  const found = Object.entries(a.techniques).filter(([, t]) => t.detected);
  const quoted = found.map(([id, t]) => `${id} ("${t.evidence.map((e) => e.text).join('", "')}")`);
  lines.push(`  techniques: ${found.length ? quoted.join('; ') : 'none'}`);
  lines.push(
    `  fillers: ${a.fillers.count}${a.fillers.count ? ` (${a.fillers.items.map((f) => f.text).join(', ')})` : ''}`,
  );
  return lines.join('\n');
}

async function analyze(args: string[]) {
  const { values } = parseArgs({ args, options: { text: { type: 'string' }, json: { type: 'boolean' } } });
  const print = (text: string) =>
    process.stdout.write((values.json ? JSON.stringify(analysisJson(text)) : describeAnalysis(text)) + '\n');
  if (values.text !== undefined) return print(values.text);
  if (process.stdin.isTTY) throw new UsageError('analyze needs --text "..." or utterances on stdin, one per line.');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) print(line);
}

async function score(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      turn: { type: 'string' },
      text: { type: 'string' },
      audio: { type: 'string' },
      model: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.scenario || !values.turn) throw new UsageError('score needs --scenario <id> and --turn <id>.');
  if ((values.text === undefined) === (values.audio === undefined))
    throw new UsageError('score needs exactly one of --text "..." or --audio <file.wav>.');
  const where = { scenarioId: values.scenario, turnId: values.turn };
  const modelPath = values.audio !== undefined ? requireModel(values.model) : undefined;
  const result = await withApi(modelPath, (api) =>
    api.answers.try(
      values.audio !== undefined
        ? { ...where, wav: readWav(values.audio), name: values.audio }
        : { ...where, text: values.text! },
    ),
  ).catch((error: Error & { code?: string }) => {
    throw error.code === 'no_such_turn' || error.code === 'not_found' ? new UsageError(error.message) : error;
  });
  const { score: s } = result;
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ scenario: result.scenarioId, turn: result.turnId, transcript: result.transcript, ...s }) + '\n',
    );
    return;
  }
  console.log(
    `${result.scenarioTitle}, turn "${result.turnId}": ${s.overall}/100 ` +
      `(${s.passed ? 'pass' : 'below the pass mark'} of ${s.passMark})`,
  );
  for (const c of s.criteria) {
    console.log(`  ${c.title}: ${c.score === null ? 'not scored' : c.score}. ${c.explanation}`);
    for (const e of c.evidence)
      console.log(`      "${e.text}"${e.audioStart !== undefined ? ` at ${e.audioStart.toFixed(1)} s` : ''}`);
  }
}

/** Scenario folders to check, and the rubric library they use (built-in plus each folder's rubrics/). */
function scenarioTargets(args: string[]) {
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

const shown = (p: string) => relative(process.cwd(), p) || '.';
const printProblem = (p: ScenarioProblem) => console.log(`${shown(p.file)}:${p.line}:${p.col}: ${p.message}`);

function validate(args: string[]) {
  const { targets, library } = scenarioTargets(args);
  const problems: ScenarioProblem[] = library.problems.map((p) => ({ ...p, file: join(root, 'scenarios', p.file) }));
  let valid = 0;
  for (const t of targets) {
    if (statSync(t).isDirectory()) {
      const listing = loadScenarios([t], new Set(library.criteria.keys()));
      valid += listing.valid.length;
      problems.push(...listing.invalid.flatMap((f) => f.problems.map((p) => ({ ...p, file: join(t, p.file) }))));
    } else {
      const { scenario, problems: found } = parseScenario(
        readFileSync(t, 'utf8'),
        t,
        new Set(library.criteria.keys()),
        clipsBeside(dirname(t)),
      );
      if (scenario) valid++;
      problems.push(...found);
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

function testScenarios(args: string[]) {
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

async function model(args: string[]) {
  const [sub, ...rest] = args;
  if (sub === 'status') {
    const status = await withApi(undefined, (api) => api.model.status());
    console.log(`model:       ${status.modelPath ?? 'none (run: sparring model download base.en)'}`);
    console.log(`whisper.cpp: ${status.binaryPath}`);
    if (status.problem) console.log(`problem:     ${status.problem}`);
    return;
  }
  if (sub !== 'download') throw new UsageError('model takes "download <name>" or "status".');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { dir: { type: 'string' } },
  });
  const name = positionals[0] as KnownModel | undefined;
  if (!name || !KNOWN_MODELS.includes(name))
    throw new UsageError(
      `Name a model to download: ${KNOWN_MODELS.map((m) => `${m} (${MODEL_CATALOG[m].note})`).join(', ')}.`,
    );
  const destDir = values.dir ?? modelsDir(dataDir);
  const bar = progressPrinter(`ggml-${name}.bin`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const result = await downloadModel({
    name,
    destDir,
    baseUrl: process.env.SPARRING_MODEL_BASE_URL || undefined,
    signal: controller.signal,
    onProgress: (p) => bar.update(p.receivedBytes, p.totalBytes),
  });
  bar.done();
  console.log(
    `Saved ${result.path} (${(result.bytes / 1e6).toFixed(1)} MB, checksum ` +
      `verified${result.resumedFrom ? `, resumed from ${(result.resumedFrom / 1e6).toFixed(1)} MB` : ''}).`,
  );
}

async function pack(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  const [action, target] = positionals;
  if (action === 'export' && target) {
    const folder = resolve(target);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new UsageError(`${target} is not a folder: name a pack folder such as scenarios/drills.`);
    const name = basename(folder);
    const out = resolve(values.out ?? packZipName(name));
    const zip = exportPack(dirname(folder), name);
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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return command ? 0 : 1;
    }
    if (command === '--version') {
      console.log(version);
      return 0;
    }
    if (command === 'transcribe') await transcribe(rest);
    else if (command === 'analyze') await analyze(rest);
    else if (command === 'score') await score(rest);
    else if (command === 'validate') return validate(rest);
    else if (command === 'test-scenarios') return testScenarios(rest);
    else if (command === 'model') await model(rest);
    else if (command === 'pack') await pack(rest);
    else throw new UsageError(`Unknown command "${command}". Run "sparring --help".`);
    return 0;
  } catch (error) {
    console.error(`sparring: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
