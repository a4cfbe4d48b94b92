/** One attempt in full: each answer carries the delivery marks its waveform shows (real SQLite). */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

describe('HistoryService.get', () => {
  it('marks the fillers, hedges and long pauses of a timed answer; a typed one has none', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('price-objection');
    const typed = core.practice.submitTyped(attemptId, 0, 'Um, maybe we could talk about it.').turn;
    expect(core.history.get(attemptId).turns[0]!.marks).toEqual([]);

    // The same answer as if spoken: word timings, with a 1.4 s pause after "could".
    const text = 'Um, maybe we could talk about it.';
    const starts = [0.4, 0.9, 1.4, 1.8, 3.5, 3.9, 4.3];
    const words = text.split(' ').map((word, i) => ({ word, start: starts[i]!, end: starts[i]! + 0.3 }));
    const { id: _id, ...rest } = typed;
    core.storage.turns.save(attemptId, { ...rest, transcript: { text, words }, durationSeconds: 5 });
    expect(core.history.get(attemptId).turns[0]!.marks).toEqual([
      { kind: 'filler', start: 0.4, end: 0.7, text: 'Um' },
      { kind: 'hedge', start: 0.9, end: 1.2, text: 'maybe' },
      { kind: 'pause', start: 2.1, end: 3.5, text: '1.4 s pause' },
    ]);
    core.close();
  });
});

describe('HistoryService.list by skill', () => {
  it('keeps only the attempts of scenarios that practise the skill', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const answer = (scenarioId: string) => {
      const { attemptId } = core.practice.start(scenarioId);
      core.practice.submitTyped(attemptId, 0, 'Could we book 30 minutes on Thursday?');
      return core.practice.finish(attemptId).id;
    };
    const closing = answer('drill-next-step');
    answer('drill-open-questions');
    const page = core.history.list({ limit: 50, offset: 0, skill: 'closing' });
    expect(page.items.map((a) => a.id)).toEqual([closing]);
    expect(page.total).toBe(1);
    expect(core.history.list({ limit: 50, offset: 0, skill: 'no-such-skill' }).total).toBe(0);
    core.close();
  });
});
