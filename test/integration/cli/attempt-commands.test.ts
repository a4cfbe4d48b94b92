/** `sparring attempts`: list, export, import (twice), send a review back, and HTML, as a user types them. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSparring } from '../../support/cli';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const on = (dataDir: string) => ({ env: { ...process.env, SPARRING_DATA_DIR: dataDir } });

describe('sparring attempts', () => {
  it("carries a rep's attempts to a manager and the review back", () => {
    const repDir = tempDir();
    const rep = makeCore(repDir, { modelPath: null });
    rep.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = rep.practice.start('drill-open-questions');
    rep.practice.submitTyped(attemptId, 0, 'What would make onboarding easier for your team?');
    rep.practice.finish(attemptId);
    rep.close();

    const list = runSparring(['attempts', 'list'], on(repDir));
    expect(list.stdout).toMatch(new RegExp(`^${attemptId}\\t.*\\tRiley Rep\\t.*\\tto review$`, 'm'));

    const out = join(tempDir(), 'riley.sparring-attempts');
    const exported = runSparring(['attempts', 'export', '--rep', 'riley rep', '--out', out], on(repDir));
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^Wrote 1 attempt\(s\) to .*riley\.sparring-attempts/);

    const managerDir = tempDir();
    const manager = makeCore(managerDir, { modelPath: null });
    manager.people.setUpMe('Morgan Manager', ['manager']);
    manager.close();
    expect(runSparring(['attempts', 'import', out], on(managerDir)).stdout).toBe(
      'Imported 1 attempt(s) by Riley Rep; 0 already here.\n',
    );
    expect(runSparring(['attempts', 'import', out], on(managerDir)).stdout).toBe(
      'Imported 0 attempt(s) by Riley Rep; 1 already here.\n',
    );

    const reviewing = makeCore(managerDir, { modelPath: null });
    const [queued] = reviewing.review.queue({ limit: 50, offset: 0 }).items;
    reviewing.review.setStatus(queued!.id, 'needs-another', 'Ask two open questions.');
    reviewing.close();
    const reviewFile = join(tempDir(), 'back.sparring-review');
    runSparring(['attempts', 'send-review', String(queued!.id), '--out', reviewFile], on(managerDir));
    expect(runSparring(['attempts', 'import', reviewFile], on(repDir)).stdout).toMatch(
      /^Imported the review of Riley Rep: 0 new comment\(s\), 0 updated, 0 score change\(s\), 1 review\(s\)/,
    );
    expect(runSparring(['attempts', 'list'], on(repDir)).stdout).toMatch(/\tneeds-another$/m);

    const html = join(tempDir(), 'a.html');
    runSparring(['attempts', 'html', String(attemptId), '--out', html], on(repDir));
    expect(readFileSync(html, 'utf8')).toContain('Needs another attempt</strong> by Morgan Manager');
  });

  it('says what is wrong with a file it refuses, and exits 1', () => {
    const dir = tempDir();
    const bogus = join(dir, 'x.sparring-attempts');
    writeFileSync(bogus, 'hello');
    const result = runSparring(['attempts', 'import', bogus], on(dir));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /x\.sparring-attempts was not imported, nothing was written:\n- it is not a readable zip/,
    );
    expect(existsSync(join(dir, 'audio'))).toBe(false);
    expect(runSparring(['attempts', 'frobnicate'], on(dir)).status).toBe(2);
  });
});
