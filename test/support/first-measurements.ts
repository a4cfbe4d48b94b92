/**
 * The first measurement of every corpus batch, kept in test/fixtures/corpus/first-measurements.json.
 * A batch is measured once, with the detectors as they stood, before it prompts any change; that
 * figure is written here the first time `npm run eval` sees the batch and never overwritten, so
 * the README can set it beside the figure after.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from './paths';
import { batchesOf, CORPUS, type EvalReport, evaluateByStyle, loadCorpus, SETS } from './scoring-eval';

export const FIRST_MEASUREMENTS = join(CORPUS, 'first-measurements.json');

interface Summary {
  utterances: number;
  questionTypeAccuracy: number;
  f1: Record<string, number>;
}

export interface FirstMeasurement {
  /** Where the batch was when first measured ("held-out/…" or "development/…"). */
  batch: string;
  measuredAt: string;
  /** The commit the detectors stood at, and whether they had uncommitted changes then. */
  commit: string;
  uncommittedScoringChanges: boolean;
  /** The batch's content hash when measured; a later label correction changes the file, not this. */
  sha256: string;
  all: Summary;
  spoken: Summary;
  written: Summary;
  note?: string;
}

export function readFirstMeasurements(): Record<string, FirstMeasurement> {
  return existsSync(FIRST_MEASUREMENTS)
    ? (JSON.parse(readFileSync(FIRST_MEASUREMENTS, 'utf8')) as Record<string, FirstMeasurement>)
    : {};
}

const summary = (r: EvalReport): Summary => ({
  utterances: r.utterances,
  questionTypeAccuracy: r.questionTypeAccuracy,
  f1: Object.fromEntries(
    Object.entries(r.detectors)
      .filter(([, f]) => f.tp + f.fn + f.fp > 0)
      .map(([id, f]) => [id, f.f1]),
  ),
});

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

/** Measures every batch (of those given) not measured before and records it; returns what it recorded. */
export function recordFirstMeasurements(only?: string[]): FirstMeasurement[] {
  const log = readFirstMeasurements();
  const added: FirstMeasurement[] = [];
  for (const set of SETS) {
    for (const batch of batchesOf(set).filter((b) => !only || only.includes(basename(b)))) {
      // Keyed by file name, so a batch keeps its first figure when it moves from held-out to development.
      const key = basename(batch);
      if (log[key]) continue;
      const report = evaluateByStyle(loadCorpus(batch));
      const entry: FirstMeasurement = {
        batch,
        measuredAt: new Date().toISOString(),
        commit: git('rev-parse', 'HEAD') || 'unknown',
        uncommittedScoringChanges: git('status', '--porcelain', '--', 'src-main/core/scoring') !== '',
        sha256: createHash('sha256')
          .update(readFileSync(join(CORPUS, batch)))
          .digest('hex'),
        all: summary(report),
        spoken: summary(report.byStyle.spoken),
        written: summary(report.byStyle.written),
      };
      log[key] = entry;
      added.push(entry);
    }
  }
  if (added.length) writeFileSync(FIRST_MEASUREMENTS, JSON.stringify(log, null, 2) + '\n');
  return added;
}

/** Batches whose content differs from what was first measured (a label correction, or a rename onto an old name). */
export function changedSinceFirst(only?: string[]): string[] {
  const log = readFirstMeasurements();
  return SETS.flatMap((set) => batchesOf(set))
    .filter((batch) => !only || only.includes(basename(batch)))
    .filter((batch) => {
      const entry = log[basename(batch)];
      const hash = createHash('sha256')
        .update(readFileSync(join(CORPUS, batch)))
        .digest('hex');
      return entry !== undefined && entry.sha256 !== hash;
    });
}
