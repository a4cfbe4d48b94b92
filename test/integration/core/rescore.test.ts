/** Editing a scenario never changes past scores; re-scoring is an explicit action that keeps the old result. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { SCENARIOS, tempDir } from '../../support/paths';

function userScenario(dataDir: string): string {
  const file = join(dataDir, 'scenarios', 'mine', 'questions.yaml');
  mkdirSync(join(dataDir, 'scenarios', 'mine'), { recursive: true });
  writeFileSync(
    file,
    readFileSync(join(SCENARIOS, 'drills', 'open-questions.yaml'), 'utf8').replace(
      'id: drill-open-questions',
      'id: my-questions',
    ),
  );
  return file;
}

describe('re-scoring an attempt with a newer scenario version', () => {
  it('leaves the old attempt as it was and adds a new one scored with the current version', () => {
    const dataDir = tempDir();
    const file = userScenario(dataDir);
    const core = makeCore(dataDir, { modelPath: null });
    const { attemptId } = core.practice.start('my-questions');
    core.practice.submitTyped(attemptId, 0, 'Glad to hear it. What would make them even better?');
    core.practice.finish(attemptId);
    const before = core.history.get(attemptId);
    expect(before.turns[0]!.score!.criteria.map((c) => c.id)).toEqual(['open-question', 'filler-words']);
    expect(before.currentScenarioHash).toBe(before.scenarioHash);

    // The designer now also wants the rep to acknowledge first on the opening turn.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'criteria: [open-question, filler-words]',
        'criteria: [acknowledge-objection, open-question, filler-words]',
      ),
    );
    const edited = core.history.get(attemptId);
    expect(edited.turns).toEqual(before.turns); // editing the file changed no past score
    expect(edited.currentScenarioHash).not.toBe(before.scenarioHash);

    const rescored = core.history.rescore(attemptId);
    expect(rescored.id).not.toBe(attemptId);
    expect(rescored.rescoredFrom).toBe(attemptId);
    expect(rescored.status).toBe('complete');
    expect(rescored.scenarioHash).toBe(edited.currentScenarioHash);
    expect(rescored.turns[0]!.transcript!.text).toBe(before.turns[0]!.transcript!.text);
    expect(rescored.turns[0]!.score!.criteria.map((c) => c.id)).toEqual([
      'acknowledge-objection',
      'open-question',
      'filler-words',
    ]);
    expect(rescored.turns[0]!.score!.delivery.typed).toBe(true);

    const old = core.history.get(attemptId);
    expect(old.turns).toEqual(before.turns);
    expect(old.overallScore).toBe(before.overallScore);
    expect(old.rescoredBy).toEqual([rescored.id]);
    expect(core.history.list({ limit: 50, offset: 0 }).items.map((a) => a.id)).toEqual([rescored.id, attemptId]);
    core.close();
  });

  it('refuses an attempt still in progress, and one whose answered turns are all gone, with a message', () => {
    const dataDir = tempDir();
    const file = userScenario(dataDir);
    const core = makeCore(dataDir, { modelPath: null });
    const { attemptId } = core.practice.start('my-questions');
    core.practice.submitTyped(attemptId, 0, 'What would make them better?');
    expect(() => core.history.rescore(attemptId)).toThrow(/not finished: resume and finish it/);
    core.practice.finish(attemptId);
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: fine', '- id: okay'));
    expect(() => core.history.rescore(attemptId)).toThrow(/nothing to re-score/);
    expect(core.history.list({ limit: 50, offset: 0 }).total).toBe(1);
    core.close();
  });
});
