/** The designer's workspace on real folders: read-only built-ins, duplicates, live checks, packs as zips. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ScenarioCatalog } from '../../../src-main/core/scenarios/scenario-catalog';
import { PACK_LIMITS } from '../../../src-main/core/scenarios/scenario-packs';
import { ScenarioWorkspace } from '../../../src-main/core/scenarios/scenario-workspace';
import { SCENARIOS, speechWav, tempDir } from '../../support/paths';

function workspaceOn(dataDir = tempDir()) {
  const catalog = ScenarioCatalog.forDataDir([SCENARIOS], dataDir);
  return { catalog, workspace: new ScenarioWorkspace(catalog, [SCENARIOS], catalog.userDir), dataDir };
}

/** Every file under a folder with its bytes, to prove that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name)] = readFileSync(join(e.parentPath, e.name), 'base64');
  }
  return out;
}

const DRILL = 'drills/open-questions.yaml';

describe('scenario workspace', () => {
  it('lists built-in files as read-only and valid, and refuses to write outside the user folder', () => {
    const { workspace } = workspaceOn();
    const files = workspace.list();
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.every((f) => f.source === 'built-in' && !f.editable && f.problems.length === 0)).toBe(true);
    expect(files.find((f) => f.file === DRILL)).toMatchObject({
      id: 'drill-open-questions',
      pack: 'drills',
      kind: 'drill',
    });
    expect(() => workspace.save('../escape.yaml', 'id: x')).toThrow(/outside/);
    expect(() => workspace.open('built-in', '../package.json')).toThrow();
  });

  it(
    'duplicates a built-in into an editable copy with a new id and title, which then validates and runs its ' +
      'examples',
    () => {
      const { workspace, catalog } = workspaceOn();
      const copy = workspace.duplicate('built-in', DRILL);
      expect(copy).toEqual({ source: 'user', file: 'drills/drill-open-questions-copy.yaml' });
      const opened = workspace.open('user', copy.file);
      expect(opened.editable).toBe(true);
      expect(opened.text).toMatch(/^id: drill-open-questions-copy$/m);
      expect(opened.text).toMatch(/^title: "Drill: turn a vague answer into an open question \(copy\)"$/m);
      expect(catalog.list().valid.map((s) => s.id)).toContain('drill-open-questions-copy');
      // A second duplicate gets its own id.
      expect(workspace.duplicate('built-in', DRILL).file).toBe('drills/drill-open-questions-copy-2.yaml');

      const run = workspace.runExamples('user', copy.file, opened.text);
      expect(run.problems).toEqual([]);
      expect(run.results.length).toBe(6);
      expect(run.results.every((r) => r.ok)).toBe(true);
    },
  );

  it('checks unsaved text at the line of each problem, including an id another file already uses', () => {
    const { workspace } = workspaceOn();
    const { file } = workspace.duplicate('built-in', DRILL);
    const text = workspace.open('user', file).text;
    const lines = text.split('\n');
    const criteriaLine = lines.findIndex((l) => l.includes('criteria: [open-question, filler-words]'));
    lines[criteriaLine] = lines[criteriaLine]!.replace('open-question', 'open-questionz');
    const broken = workspace.check('user', file, lines.join('\n'));
    expect(broken.scenario).toBeNull();
    expect(broken.problems).toEqual([
      expect.objectContaining({
        line: criteriaLine + 1,
        message: expect.stringMatching(/unknown criterion "open-questionz"/),
      }),
    ]);

    const clash = workspace.check('user', file, text.replace(/^id: .*$/m, 'id: drill-open-questions'));
    expect(clash.problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(
          /duplicate scenario id "drill-open-questions" \(also in built-in drills\/open-questions.yaml\)/,
        ),
      }),
    ]);

    // A failing example is reported at its own line.
    const wrong = text.replace('expect: fail }', 'expect: pass }');
    const failing = workspace.runExamples('user', file, wrong);
    const bad = failing.results.filter((r) => !r.ok);
    expect(bad.length).toBe(1);
    expect(bad[0]!.problem!.line).toBe(
      wrong.split('\n').findIndex((l) => l.includes('expect: pass }') && l.includes('no problems')) + 1,
    );
  });

  it('saves work in progress even when invalid, lists it with its problems, and a delete can be undone', () => {
    const { workspace, catalog } = workspaceOn();
    workspace.save('mine/half.yaml', 'id: half\ntitle: [unfinished\n');
    const entry = workspace.list().find((f) => f.file === 'mine/half.yaml')!;
    expect(entry).toMatchObject({ source: 'user', editable: true, pack: 'mine' });
    expect(entry.problems[0]).toMatchObject({ file: 'mine/half.yaml', line: expect.any(Number) });
    expect(catalog.list().invalid.map((f) => f.file)).toContain(join('mine', 'half.yaml'));
    const removed = workspace.remove('mine/half.yaml');
    expect(workspace.list().some((f) => f.file === 'mine/half.yaml')).toBe(false);
    workspace.save(removed.file, removed.text);
    expect(workspace.open('user', 'mine/half.yaml').text).toBe('id: half\ntitle: [unfinished\n');
  });
});

describe('scenario packs as zips', () => {
  it('a pack exported and imported on a fresh data directory gives identical scenarios, clips included', async () => {
    const { workspace, catalog } = workspaceOn();
    workspace.duplicate('built-in', DRILL);
    const clipDir = join(catalog.userDir, 'drills', 'clips');
    mkdirSync(clipDir, { recursive: true });
    writeFileSync(join(clipDir, 'fine.wav'), readFileSync(speechWav('short-answer')));
    const file = 'drills/drill-open-questions-copy.yaml';
    workspace.save(
      file,
      workspace
        .open('user', file)
        .text.replace(
          `buyer: "Things are fine, ` + `really."`,
          `buyer: "Things are fine, ` + `really."\n    audio: clips/fine.wav`,
        ),
    );
    expect(workspace.check('user', file, workspace.open('user', file).text).problems).toEqual([]);

    const { fileName, zip } = await workspace.exportPack('user', 'drills');
    expect(fileName).toBe('drills.sparring-pack.zip');
    const again = await workspace.exportPack('user', 'drills');
    expect(Buffer.from(again.zip)).toEqual(Buffer.from(zip)); // same pack, same bytes

    const fresh = workspaceOn();
    expect(await fresh.workspace.importPack(zip, fileName)).toEqual({
      pack: 'drills',
      scenarioIds: ['drill-open-questions-copy'],
    });
    const original = catalog.list().valid.find((s) => s.id === 'drill-open-questions-copy')!;
    const imported = fresh.catalog.list().valid.find((s) => s.id === 'drill-open-questions-copy')!;
    expect(imported).toEqual(original);
    expect(readFileSync(join(fresh.catalog.userDir, 'drills', 'clips', 'fine.wav'))).toEqual(
      readFileSync(join(clipDir, 'fine.wav')),
    );
    // Importing it again is refused: the pack is already there.
    await expect(fresh.workspace.importPack(zip, fileName)).rejects.toThrow(
      /a pack named "drills" is already installed/,
    );
  });

  const refusals: [string, () => Uint8Array, RegExp][] = [
    [
      'a path that climbs out with ' + '../',
      () => zipSync({ 'pack/../../evil.yaml': strToU8('id: evil') }),
      /"pack\/..\/..\/evil.yaml" climbs out of its folder/,
    ],
    ['an absolute path', () => zipSync({ '/etc/cron.d/evil.yaml': strToU8('id: evil') }), /is an absolute path/],
    [
      'an oversize file',
      () => zipSync({ 'pack/huge.wav': new Uint8Array(PACK_LIMITS.fileBytes + 1) }),
      /"pack\/huge.wav" is 10.0 MB unpacked; a file in a pack may be at most 10 MB/,
    ],
    ['a program', () => zipSync({ 'pack/run.sh': strToU8('rm -rf ~') }), /"pack\/run.sh" is not a scenario/],
    ['an invalid scenario', () => zipSync({ 'pack/a.yaml': strToU8('id: a\ntitle: A\n') }), /pack\/a.yaml:\d+:\d+: /],
    [
      'an id already installed',
      () => zipSync({ 'pack/a.yaml': readFileSync(join(SCENARIOS, DRILL)) }),
      /scenario id "drill-open-questions" is already installed/,
    ],
    ['files outside one pack folder', () => zipSync({ 'a.yaml': strToU8('id: a') }), /exactly one folder/],
    ['bytes that are not a zip', () => strToU8('PK not really'), /not a readable zip file/],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const { workspace, catalog } = workspaceOn();
      mkdirSync(catalog.userDir, { recursive: true });
      const before = snapshot(join(catalog.userDir, '..'));
      await expect(workspace.importPack(make(), 'shared.zip')).rejects.toThrow(message);
      await expect(workspace.importPack(make(), 'shared.zip')).rejects.toThrow(
        /^shared.zip was not imported, nothing was written/,
      );
      expect(snapshot(join(catalog.userDir, '..'))).toEqual(before);
    });
  }
});
