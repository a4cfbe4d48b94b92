/**
 * `npm run eval`: per-detector precision, recall and F1, and question-type accuracy, on the
 * development set and the held-out set (test/fixtures/corpus/), spoken-style and written-style
 * apart, with every disagreement.
 *
 * The first time it sees a batch it records that batch's figures in first-measurements.json (with
 * the commit the detectors stood at): the "measured once, before any change" figure the README
 * quotes. Later runs never overwrite it, so the first figure cannot drift toward the tuned one.
 *
 *   npm run eval                      both sets; exit 1 if a gate fails
 *   npm run eval -- --set held-out    one set
 *   npm run eval -- --batch x.txt     only the named batch file(s) (repeatable)
 *   npm run eval -- --quiet           figures only, no disagreements
 *   npm run eval -- --json            the figures as JSON
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  batchesOf,
  loadCorpus,
  type EvalReport,
  evaluateByStyle,
  SETS,
  type SetName,
  type StyledReport,
} from './scoring-eval';
import { changedSinceFirst, recordFirstMeasurements } from './first-measurements';

/** The gates: development ≥ 0.95 on every detector; held-out ≥ 0.90, question type ≥ 0.93. */
export const GATES: Record<SetName, { f1: number; questionTypeAccuracy: number }> = {
  development: { f1: 0.95, questionTypeAccuracy: 0.95 },
  'held-out': { f1: 0.9, questionTypeAccuracy: 0.93 },
};

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    batch: { type: 'string', multiple: true },
    quiet: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const sets = SETS.filter((s) => !values.set || s === values.set);
if (!sets.length) {
  console.error(`Unknown set "${values.set}": use ${SETS.join(' or ')}.`);
  process.exit(2);
}

const only = values.batch?.map((b) => basename(b));
const recorded = process.env.CI ? [] : recordFirstMeasurements(only);
const reports: Partial<Record<SetName, StyledReport>> = {};
let ok = true;
for (const set of sets) {
  const files = batchesOf(set).filter((f) => !only || only.includes(basename(f)));
  const corpus = files.flatMap((f) => loadCorpus(f));
  if (!corpus.length) {
    if (!values.json) console.log(`\n${set} set: no batches yet (test/fixtures/corpus/${set}/)`);
    continue;
  }
  const report = evaluateByStyle(corpus);
  reports[set] = report;
  const gate = GATES[set];
  // A detector that only fires wrongly (no positives labelled) fails too.
  const failing = Object.entries(report.detectors).filter(([, f]) => f.tp + f.fn + f.fp > 0 && f.f1 < gate.f1);
  if (failing.length || report.questionTypeAccuracy < gate.questionTypeAccuracy) ok = false;
  if (values.json) continue;

  const { spoken, written } = report.byStyle;
  console.log(
    `\n${set} set: ${report.utterances} utterances in ${files.length} batch(es), ` +
      `${spoken.utterances} spoken-style, ${written.utterances} written-style (gate: F1 ≥ ${gate.f1}, ` +
      `question type ≥ ${gate.questionTypeAccuracy})`,
  );
  for (const f of files) console.log(`  test/fixtures/corpus/${f}`);
  console.log(table(report, spoken, written, gate.f1));
  const accuracy = (r: EvalReport) => (r.utterances ? r.questionTypeAccuracy.toFixed(3) : '-');
  console.log(
    `question type accuracy: ${accuracy(report)} (spoken ${accuracy(spoken)}, written ${accuracy(written)})` +
      (report.questionTypeAccuracy < gate.questionTypeAccuracy ? `   < ${gate.questionTypeAccuracy}` : ''),
  );
  if (!values.quiet && report.errors.length) {
    console.log(`${report.errors.length} disagreement(s) (file:line detector expected → got):`);
    for (const e of report.errors)
      console.log(`  ${e.file}:${e.line} ${e.detector} ${e.expected} → ${e.got}   "${e.text}"`);
  }
}
if (values.json) console.log(JSON.stringify(reports, null, 2));
else {
  for (const r of recorded)
    console.log(`\nFirst measurement of ${r.batch} recorded in test/fixtures/corpus/first-measurements.json.`);
  for (const c of changedSinceFirst(only))
    console.log(`Note: ${c} changed since its first measurement (label corrections belong in its header).`);
}
process.exitCode = ok ? 0 : 1;

function table(all: EvalReport, spoken: EvalReport, written: EvalReport, gate: number): string {
  const f1 = (r: EvalReport, id: string) => {
    const f = r.detectors[id];
    return f && f.tp + f.fn + f.fp > 0 ? f.f1.toFixed(3) : '  -  ';
  };
  const rows = ['detector                     precision  recall    F1   (tp/fp/fn)     spoken F1  written F1'];
  for (const [id, f] of Object.entries(all.detectors)) {
    rows.push(
      `${id.padEnd(28)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ` +
        `${f.f1.toFixed(3).padStart(6)}   ${`(${f.tp}/${f.fp}/${f.fn})`.padEnd(14)} ${f1(spoken, id).padStart(9)}` +
        `  ${f1(written, id).padStart(10)}${f.tp + f.fn + f.fp > 0 && f.f1 < gate ? `   < ${gate}` : ''}`,
    );
  }
  return rows.join('\n');
}
