/**
 * Holds the line on the labelled corpus: every detector keeps F1 ≥ 0.95 on the development set
 * and ≥ 0.90 on the held-out set (question type ≥ 0.93), and no detection lacks its words.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src-main/core/scoring/analyze';
import {
  batchesOf,
  EVALUATED_TECHNIQUES,
  evaluate,
  loadSet,
  SETS,
  type LabelledUtterance,
} from '../../support/scoring-eval';

const DETECTORS = ['question', 'open-question', 'closed-question', 'fillers', ...EVALUATED_TECHNIQUES];
const GATES = { development: { f1: 0.95, type: 0.95 }, 'held-out': { f1: 0.9, type: 0.93 } } as const;

for (const set of SETS) {
  const corpus = loadSet(set);
  describe.runIf(corpus.length > 0)(`detectors on the ${set} set (${batchesOf(set).join(', ')})`, () => {
    const report = evaluate(corpus);

    it('has labelled examples of every detector', () => {
      for (const id of DETECTORS) {
        const f = report.detectors[id]!;
        expect(f.tp + f.fn, id).toBeGreaterThan(0);
      }
    });

    for (const id of DETECTORS) {
      it(`${id}: F1 ≥ ${GATES[set].f1}`, () => {
        const misses = report.errors
          .filter((e) => e.detector === id)
          .map((e) => `${e.file}:${e.line}: expected ${e.expected}, got ${e.got}: ${e.text}`);
        expect(report.detectors[id]!.f1, misses.join('\n')).toBeGreaterThanOrEqual(GATES[set].f1);
      });
    }

    it(`question type right ≥ ${GATES[set].type} of the time`, () => {
      expect(report.questionTypeAccuracy).toBeGreaterThanOrEqual(GATES[set].type);
    });
  });
}

const all: LabelledUtterance[] = SETS.flatMap((s) => loadSet(s));

it('the corpus has at least 1,500 labelled utterances, at least 40% of them spoken-style', () => {
  expect(all.length).toBeGreaterThanOrEqual(1500);
  expect(all.filter((u) => u.style === 'spoken').length / all.length).toBeGreaterThanOrEqual(0.4);
});

it('every detection over the whole corpus shows the verbatim words that earned it', () => {
  let detections = 0;
  for (const u of all) {
    const a = analyzeText(u.text);
    for (const [id, t] of Object.entries(a.techniques)) {
      expect(t.detected, `${u.file}:${u.line} ${id}`).toBe(t.evidence.length > 0);
      for (const e of t.evidence) {
        detections++;
        expect(e.text.trim(), `${u.file}:${u.line} ${id}`).not.toBe('');
        expect(u.text.slice(e.start, e.end), `${u.file}:${u.line} ${id}`).toBe(e.text);
      }
    }
    for (const f of a.fillers.items) expect(u.text.slice(f.start, f.end)).toBe(f.text);
  }
  expect(detections).toBeGreaterThan(1000);
});
