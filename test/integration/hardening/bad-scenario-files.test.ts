/**
 * Bad input: scenario files that used to take the whole scenario side down. Each case: the file,
 * the clear message expected at its position, and the rest of the library still working (list,
 * designer, practice, the CLI's validate).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSparring } from '../../support/cli';
import { makeCore } from '../../support/core';
import { SCENARIOS, tempDir } from '../../support/paths';

const good = readFileSync(join(SCENARIOS, 'drills/next-step.yaml'), 'utf8').replace(
  'id: drill-next-step',
  'id: my-next-step',
);

/** A user's scenario folder with one good file and these bad ones. */
function library(files: Record<string, string | Buffer>) {
  const dataDir = tempDir();
  const dir = join(dataDir, 'scenarios', 'mine');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'good.yaml'), good);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const core = makeCore(dataDir, { modelPath: null });
  core.people.setUpMe('Dana Designer', ['designer', 'rep']);
  return { core, dir };
}

const problemsOf = (core: ReturnType<typeof library>['core'], file: string) =>
  core.catalog
    .list()
    .invalid.filter((f) => f.file.endsWith(file))
    .flatMap((f) => f.problems);

describe('scenario files that cannot be read', () => {
  it('an alias with no anchor is a problem at its line; the rest of the library works', () => {
    const { core } = library({ 'nope.yaml': 'id: nope\ntitle: *nope\n' });
    expect(problemsOf(core, 'nope.yaml')).toEqual([
      expect.objectContaining({ line: 2, col: 8, message: expect.stringMatching(/alias \*nope has no anchor/) }),
    ]);
    expect(core.catalog.list().valid.some((s) => s.id === 'my-next-step')).toBe(true);
    expect(core.designer.list().find((e) => e.file === 'mine/nope.yaml')!.problems[0]!.line).toBe(2);
    expect(core.designer.check('user', 'mine/nope.yaml', 'title: *nope\n').problems[0]!.message).toMatch(/no anchor/);
    const { attemptId } = core.practice.start('my-next-step');
    expect(attemptId).toBeGreaterThan(0);
  });

  it('an alias bomb is refused without expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      'title: *i',
    ].join('\n');
    const { core } = library({ 'bomb.yaml': bomb });
    expect(problemsOf(core, 'bomb.yaml')[0]!.message).toMatch(/aliases .* expand to too much/);
    expect(core.catalog.list().valid.some((s) => s.id === 'my-next-step')).toBe(true);
  });

  it('a UTF-16 file and one in another encoding say to save as UTF-8; old Mac line endings read', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good.replace('my-next', 'u16'), 'utf16le')]);
    const latin1 = Buffer.from(good.replace('my-next', 'latin').replace('Chris Dunn', 'Ren\xe9e'), 'latin1');
    const cr = good.replace('my-next', 'classic-mac').replaceAll('\n', '\r');
    const { core } = library({ 'utf16.yaml': utf16, 'latin1.yaml': latin1, 'cr.yaml': cr });
    expect(problemsOf(core, 'utf16.yaml')[0]!.message).toMatch(/not UTF-8 text \(UTF-16\?\): save it as UTF-8/);
    expect(problemsOf(core, 'latin1.yaml')[0]!.message).toMatch(/not UTF-8 .*save it as UTF-8/);
    expect(core.catalog.list().valid.map((s) => s.id)).toContain('classic-mac-step');
  });

  it('a file with thousands of mistakes gives the first 50 and a count; a huge file is refused by its size', () => {
    const turns = Array.from({ length: 12_000 }, (_, i) => `  - {id: 7, buyer: ${i}, criteria: 3}`).join('\n');
    const { core } = library({
      'mistakes.yaml': `id: huge\ntitle: Huge\nturns:\n${turns}\n`,
      'huge.yaml': `id: huge\ntitle: Huge\nnotes: "${'x'.repeat(600_000)}"\n`,
    });
    const problems = problemsOf(core, 'mistakes.yaml');
    expect(problems).toHaveLength(51);
    expect(problems[50]!.message).toMatch(/^…and \d{3,} more problems \(fix these first\)$/);
    expect(problemsOf(core, 'huge.yaml')).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringMatching(/0\.6 MB; a scenario file may be at most 500 kB/),
      }),
    ]);
    expect(() => core.designer.open('user', 'mine/huge.yaml')).toThrow(/at most 500 kB/);
    expect(
      JSON.stringify(
        core.designer.check(
          'user',
          'mine/huge.yaml',
          readFileSync(join(core.dataDir, 'scenarios/mine/huge.yaml'), 'utf8'),
        ),
      ).length,
    ).toBeLessThan(50_000);
  });

  it("keeps rubrics to the app's library: none saved, imported or read from the user's folder", async () => {
    const { core, dir } = library({});
    const rubric = readFileSync(join(SCENARIOS, 'rubrics/core.yaml'), 'utf8');
    expect(() => core.designer.save('rubrics/x.yaml', rubric)).toThrow(/holds the app's rubric library/);
    // Put there by hand: ignored, every score still from the built-in library.
    mkdirSync(join(dir, '..', 'rubrics'), { recursive: true });
    writeFileSync(join(dir, '..', 'rubrics', 'evil.yaml'), rubric.replace(/id: core/, 'id: evil'));
    expect(core.catalog.library().problems).toEqual([]);
    expect(core.catalog.list().valid.some((s) => s.id === 'my-next-step')).toBe(true);
    // A pack named like that folder would import and never be seen: refused, nothing written.
    const zip = zipSync({ 'rubrics/pack.yaml': strToU8(good.replace('my-next-step', 'in-rubrics')) });
    await expect(core.designer.importPack(zip, 'rubrics.zip')).rejects.toThrow(/folder the app keeps for itself/);
    expect(existsSync(join(dir, '..', 'rubrics', 'pack.yaml'))).toBe(false);
  });

  it('sparring validate lists the bad files with positions and still checks the good one', () => {
    const { dir } = library({ 'nope.yaml': 'id: nope\ntitle: *nope\n' });
    const r = runSparring(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/nope\.yaml:2:8: YAML: the alias \*nope has no anchor/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
