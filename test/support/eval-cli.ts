/**
 * `npm run eval`: per-detector precision, recall and F1 on the labelled corpus (the development
 * set the detectors were written against) and on the held-out set, with every disagreement.
 */
import { join } from 'node:path';
import { ROOT } from './paths';
import { evaluate, loadCorpus } from './scoring-eval';

let ok = true;
for (const [name, file] of [
  ['development set', 'utterances.txt'],
  ['held-out set', 'held-out.txt'],
] as const) {
  const report = evaluate(loadCorpus(join(ROOT, 'test/fixtures/corpus', file)));
  console.log(`\n${name}: ${report.utterances} labelled utterances (test/fixtures/corpus/${file})`);
  console.log('detector                     precision  recall    F1     (tp/fp/fn)');
  for (const [detector, f] of Object.entries(report.detectors)) {
    if (f.f1 < 0.95) ok = false;
    console.log(
      `${detector.padEnd(28)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ` +
        `${f.f1.toFixed(3).padStart(6)}   (${f.tp}/${f.fp}/${f.fn})${f.f1 < 0.95 ? '   < 0.95' : ''}`,
    );
  }
  if (report.errors.length) {
    console.log(`${report.errors.length} disagreement(s) (line: detector expected → got):`);
    for (const e of report.errors)
      console.log(`  ${String(e.line).padStart(3)}: ${e.detector} ${e.expected} → ${e.got}   "${e.text}"`);
  }
}
process.exitCode = ok ? 0 : 1;
