import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { zipSync } from 'fflate';
import { type ZipLimits, unzipChecked } from '../archive/safe-zip';
import type { ScenarioProblem } from '../domain';
import { SparringError } from '../errors';
import { resolveInside } from '../paths';
import { isReservedFolder, parseScenario } from './load-scenarios';

/** What a pack may hold, and how big. A pack is shared between people, so it is read as untrusted. */
export const PACK_LIMITS: ZipLimits = {
  /** The zip itself. */
  zipBytes: 25 * 1024 * 1024,
  /** Any one file once unpacked (an audio clip is the largest thing a pack needs). */
  fileBytes: 10 * 1024 * 1024,
  totalBytes: 50 * 1024 * 1024,
  files: 500,
};
const PACK_FILE = /\.(?:ya?ml|wav|mp3|ogg|m4a)$/i;
const PACK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** A pack refused on import, with every reason (nothing has been written). */
export class PackRefusedError extends SparringError {
  constructor(
    zipName: string,
    readonly reasons: string[],
  ) {
    super('pack_refused', `${zipName} was not imported, nothing was written:\n- ${reasons.join('\n- ')}`);
  }
}

/** Files under a folder; links are not followed (one could reach anywhere on the disk). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/**
 * Zips the pack folder `pack` under `root`: its scenario files and audio clips, under one top
 * folder named after the pack. Fixed timestamps, so the same pack always gives the same bytes.
 * The zip is then checked by the import rules (valid scenarios, only YAML and audio, the size
 * limits): what Sparring would refuse to import, it refuses to export, with every reason.
 */
export async function exportPack(root: string, pack: string, knownCriteria: ReadonlySet<string>): Promise<Uint8Array> {
  if (!PACK_NAME.test(pack)) throw new SparringError('bad_pack', `"${pack}" is not a pack folder name.`);
  const dir = resolveInside(root, pack);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new SparringError('not_found', `There is no pack ` + `folder "${pack}".`);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of filesUnder(dir).filter((f) => PACK_FILE.test(f))) {
    entries[`${pack}/${relative(dir, file).split('\\').join('/')}`] = [
      readFileSync(file),
      { mtime: new Date('2000-01-01T00:00:00Z') },
    ];
  }
  if (!Object.keys(entries).length)
    throw new SparringError('empty_pack', `The pack "${pack}" holds no scenario ` + `files to export.`);
  const zip = zipSync(entries, { level: 6 });
  await readPack(zip, packZipName(pack), { knownCriteria, installedIds: new Map(), userDir: root, replacing: true });
  return zip;
}

export interface PackContents {
  pack: string;
  /** Paths inside the pack folder, and their bytes. */
  files: Map<string, Uint8Array>;
  scenarioIds: string[];
}

/**
 * Reads and checks a pack zip completely before anything is written: every path stays inside
 * the pack folder, no file is too large or of an unexpected kind, every scenario is valid (its
 * clips inside the zip), and no id or folder clashes with what is already installed.
 */
export async function readPack(
  zip: Uint8Array,
  zipName: string,
  options: {
    knownCriteria: ReadonlySet<string>;
    installedIds: ReadonlyMap<string, string>;
    userDir: string;
    /** A newer version of a pack already installed (a team pack): its folder is replaced, not refused. */
    replacing?: boolean;
  },
): Promise<PackContents> {
  const reasons: string[] = [];
  const refuse = () => new PackRefusedError(zipName, reasons);
  const unpacked = await unzipChecked(
    zip,
    PACK_LIMITS,
    (name) => (PACK_FILE.test(name) ? null : 'is not a scenario (.yaml) or an audio clip (.wav, .mp3, .ogg, .m4a)'),
    reasons,
    'a file in a pack',
  );
  if (!unpacked) throw refuse();
  const raw = Object.fromEntries(unpacked);

  const tops = new Set(Object.keys(raw).map((n) => n.split('/')[0]!));
  const nested = Object.keys(raw).every((n) => n.includes('/'));
  if (tops.size !== 1 || !nested) {
    reasons.push(
      'a pack zip holds exactly one folder (the pack) with its scenario files inside; export a pack from ' +
        'Sparring to get one',
    );
    throw refuse();
  }
  const pack = [...tops][0]!;
  if (!PACK_NAME.test(pack))
    reasons.push(`"${pack}" is not a usable pack folder name (letters, digits, ".", "_" and ` + `"-")`);
  if (isReservedFolder(pack))
    reasons.push(`"${pack}" is the name of a folder the app keeps for itself; rename the pack`);
  if (!options.replacing && existsSync(join(options.userDir, pack)))
    reasons.push(`a pack named "${pack}" is already installed; delete or ` + `rename that folder first`);

  const files = new Map(Object.entries(raw).map(([name, data]) => [name.slice(pack.length + 1), data] as const));
  const ids = new Map<string, string>();
  for (const [path, data] of files) {
    if (!/\.ya?ml$/i.test(path)) continue;
    const clipExists = (clip: string) => files.has(posix.normalize(posix.join(posix.dirname(path), clip)));
    const { scenario, problems } = parseScenario(
      new TextDecoder().decode(data),
      `${pack}/${path}`,
      options.knownCriteria,
      clipExists,
    );
    for (const p of problems as ScenarioProblem[]) reasons.push(`${p.file}:${p.line}:${p.col}: ${p.message}`);
    if (!scenario) continue;
    if (ids.has(scenario.id))
      reasons.push(
        `${pack}/${path}: scenario id "${scenario.id}" is also used by ` + `${pack}/${ids.get(scenario.id)}`,
      );
    else if (options.installedIds.has(scenario.id))
      reasons.push(
        `${pack}/${path}: scenario id "${scenario.id}" is ` +
          `already installed (${options.installedIds.get(scenario.id)})`,
      );
    ids.set(scenario.id, path);
  }
  if (!ids.size && !reasons.length) reasons.push('it holds no scenario files');
  if (reasons.length) throw refuse();
  return { pack, files, scenarioIds: [...ids.keys()] };
}

/** Writes a checked pack: into a hidden folder first, then renamed into place in one step. */
export function installPack(userDir: string, contents: PackContents): string {
  const target = join(userDir, contents.pack);
  const staging = join(userDir, `.importing-${contents.pack}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, data] of contents.files) {
      const out = resolveInside(staging, path);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, data);
    }
    // A newer version replaces the folder in two renames: the old one is never half-overwritten.
    const previous = join(userDir, `.previous-${contents.pack}-${process.pid}`);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return target;
}

export const packZipName = (pack: string) => `${pack}.sparring-pack.zip`;
