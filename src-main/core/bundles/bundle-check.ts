import { type ZipLimits, unzipChecked } from '../archive/safe-zip';
import { readWavInfo } from '../audio/wav';
import { SparringError } from '../errors';
import { AUDIO_FILE, BUNDLE_VERSION, type Manifest, manifestSchema, sha256Hex } from './bundle-manifest';
import { type Local, checkIdentities, checkReviews } from './review-check';
import { type CertificationRule, checkScores } from './score-check';

/**
 * What a bundle may hold. An answer is at most 3 minutes of 16 kHz mono (5.8 MB); a bundle is
 * handed over in one piece, so it stays below what the browser bridge accepts in one call.
 */
export const BUNDLE_LIMITS: ZipLimits = {
  zipBytes: 100 * 1024 * 1024,
  fileBytes: 32 * 1024 * 1024,
  totalBytes: 400 * 1024 * 1024,
  files: 2000,
};

/** A bundle refused on import, with every reason (nothing has been written). */
export class BundleRefusedError extends SparringError {
  constructor(
    fileName: string,
    readonly reasons: string[],
  ) {
    super('bundle_refused', `${fileName} was not imported, nothing was written:\n- ${reasons.join('\n- ')}`);
  }
}

export interface CheckedBundle {
  manifest: Manifest;
  /** Audio by its zip path, each verified against its SHA-256. */
  audio: Map<string, Uint8Array>;
  /** Each attempt's certification rule, from its scenario version (never from the file's say-so). */
  certifications: Map<string, CertificationRule>;
}

/**
 * Reads and checks a bundle completely before anything is written: the zip is safe (paths, sizes,
 * kinds), the manifest is the one exported (its SHA-256) and well formed, every audio file is the
 * one it names (SHA-256) and a WAV, every scenario version is the text its hash says, every person
 * named is listed, and every review part lands on a known answer and is by a manager, never by the
 * attempt's own rep. Any problem refuses the whole file, with every reason found.
 */
export async function checkBundle(zip: Uint8Array, fileName: string, local: Local): Promise<CheckedBundle> {
  const reasons: string[] = [];
  const refuse = () => new BundleRefusedError(fileName, reasons);
  const files = await unzipChecked(
    zip,
    BUNDLE_LIMITS,
    (n) =>
      n === 'manifest.json' || n === 'manifest.sha256' || AUDIO_FILE.test(n)
        ? null
        : 'is not part of a Sparring bundle (manifest.json, manifest.sha256, audio/<sha256>.wav)',
    reasons,
  );
  if (!files) throw refuse();
  const json = files.get('manifest.json');
  const digest = files.get('manifest.sha256');
  if (!json || !digest) {
    reasons.push('it has no manifest.json and manifest.sha256: export attempts or a review from Sparring to get one');
    throw refuse();
  }
  if (new TextDecoder().decode(digest).trim() !== sha256Hex(json)) {
    reasons.push('manifest.json does not match manifest.sha256: the file was changed after it was exported');
    throw refuse();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(json));
  } catch (e) {
    reasons.push(`manifest.json is not valid JSON (${(e as Error).message})`);
    throw refuse();
  }
  return checkManifest(raw, files, local, fileName);
}

/**
 * The checks of a manifest that has been read (from a bundle's zip, or assembled from the team
 * store's rows): well formed, every scenario version the text its hash says, every score following
 * from its words, every person listed, every review part by someone allowed to write it. `files`
 * holds the audio the manifest names; null when the audio is fetched later (the team store), and
 * checked then.
 */
export function checkManifest(
  raw: unknown,
  files: Map<string, Uint8Array> | null,
  local: Local,
  fileName: string,
): CheckedBundle {
  const reasons: string[] = [];
  const refuse = () => new BundleRefusedError(fileName, reasons);
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > BUNDLE_VERSION) {
    reasons.push(
      `it was made by a newer version of Sparring (bundle version ${version}); update Sparring to import it`,
    );
    throw refuse();
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    for (const issue of issues.slice(0, 50))
      reasons.push(`manifest.json: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    if (issues.length > 50) reasons.push(`and ${issues.length - 50} more problems in manifest.json`);
    throw refuse();
  }
  const manifest = parsed.data;
  if (manifest.format === 'sparring-review' && manifest.attempts.length)
    reasons.push('it is a review file, yet it holds attempts: export attempts as a .sparring-attempts file');
  const audio = files ? checkAudio(manifest, files, reasons) : new Map<string, Uint8Array>();
  checkScenarios(manifest, local, reasons);
  const certifications = checkScores(
    manifest,
    {
      scenarioContent: (id, hash) => local.attempts.scenarioContent(id, hash),
      rubricSnapshot: (v) => local.turns.rubricSnapshot(v),
      library: () => local.catalog.library(),
    },
    reasons,
  );
  const roles = checkIdentities(manifest, local, reasons);
  checkReviews(manifest, local, roles, reasons);
  if (reasons.length) throw refuse();
  return { manifest, audio, certifications };
}

function checkAudio(manifest: Manifest, files: Map<string, Uint8Array>, reasons: string[]) {
  const audio = new Map<string, Uint8Array>();
  for (const [path, sha] of Object.entries(manifest.files)) {
    const bytes = files.get(path);
    if (!bytes) reasons.push(`${path} is listed in the manifest but missing from the zip`);
    else if (sha256Hex(bytes) !== sha || AUDIO_FILE.exec(path)![1] !== sha)
      reasons.push(`${path} does not match its SHA-256: the audio was changed after it was exported`);
    else {
      try {
        wavSeconds(bytes, path);
        audio.set(path, bytes);
      } catch (e) {
        reasons.push((e as Error).message);
      }
    }
  }
  for (const path of files.keys())
    if (AUDIO_FILE.test(path) && !(path in manifest.files)) reasons.push(`${path} is not listed in the manifest`);
  for (const a of manifest.attempts)
    for (const t of a.turns) {
      if (!t.audio) continue;
      const bytes = audio.get(t.audio.file);
      if (!(t.audio.file in manifest.files))
        reasons.push(`attempt ${a.uuid}, answer ${t.index + 1}: its audio ${t.audio.file} is not in the bundle`);
      else if (bytes && Math.abs(wavSeconds(bytes) - t.audio.durationSeconds) > 0.05)
        reasons.push(`attempt ${a.uuid}, answer ${t.index + 1}: its length does not match its audio`);
    }
  return audio;
}

function checkScenarios(manifest: Manifest, local: Local, reasons: string[]) {
  const carried = new Set<string>();
  for (const s of manifest.scenarios) {
    if (sha256Hex(s.content) !== s.hash) reasons.push(`scenario "${s.id}": its text does not match its hash ${s.hash}`);
    carried.add(`${s.id}@${s.hash}`);
  }
  const people = new Set(manifest.people.map((p) => p.uuid));
  for (const a of manifest.attempts) {
    if (
      !carried.has(`${a.scenarioId}@${a.scenarioHash}`) &&
      !local.bundles.hasScenarioVersion(a.scenarioId, a.scenarioHash)
    )
      reasons.push(`attempt ${a.uuid}: the scenario version it was taken on ("${a.scenarioId}") is not in the bundle`);
    if (!people.has(a.repUuid)) reasons.push(`attempt ${a.uuid}: its rep is not listed among the people`);
    const steps = new Set(a.turns.map((t) => t.index));
    if (steps.size !== a.turns.length) reasons.push(`attempt ${a.uuid}: two answers have the same step`);
  }
}

const wavSeconds = (bytes: Uint8Array, name?: string) =>
  readWavInfo(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name).durationSeconds;
