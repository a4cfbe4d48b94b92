/** Holds the line: every detector keeps F1 ≥ 0.95 on both labelled sets, so a regression fails. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/paths';
import { EVALUATED_TECHNIQUES, evaluate, loadCorpus } from '../../support/scoring-eval';

for (const file of ['utterances.txt', 'held-out.txt']) {
  describe(`detectors on ${file}`, () => {
    const corpus = loadCorpus(join(ROOT, 'test/fixtures/corpus', file));
    const report = evaluate(corpus);

    it('has labelled examples of every detector', () => {
      for (const id of ['question', 'open-question', 'closed-question', 'fillers', ...EVALUATED_TECHNIQUES]) {
        const f = report.detectors[id]!;
        expect(f.tp + f.fn, id).toBeGreaterThan(0);
      }
    });

    for (const id of ['question', 'open-question', 'closed-question', 'fillers', ...EVALUATED_TECHNIQUES]) {
      it(`${id}: F1 ≥ 0.95`, () => {
        const misses = report.errors
          .filter((e) => e.detector === id)
          .map((e) => `line ${e.line}: expected ${e.expected}, got ${e.got}: ${e.text}`);
        expect(report.detectors[id]!.f1, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
      });
    }
  });
}

it('the development corpus has at least 200 utterances', () => {
  expect(loadCorpus().length).toBeGreaterThanOrEqual(200);
});
