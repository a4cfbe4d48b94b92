/**
 * Bad input: paths that are not what they claim. A FIFO or a folder chosen as the speech model,
 * links inside the data folder pointing out of it, a pack export of a folder that is not a pack.
 * Each case: the clear message, and nothing read, written or blocked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSparring } from '../../support/cli';
import { makeCore } from '../../support/core';
import { SCENARIOS, tempDir } from '../../support/paths';

function core() {
  const dataDir = tempDir();
  const c = makeCore(dataDir, { modelPath: null });
  c.people.setUpMe('Dana Designer', ['designer', 'rep']);
  return c;
}

describe('paths that are not what they claim', () => {
  it('a FIFO or a folder chosen as the speech model is refused at once, without opening it', () => {
    const c = core();
    const fifo = join(tempDir(), 'model.bin');
    execFileSync('mkfifo', [fifo]);
    expect(() => c.models.use({ path: fifo })).toThrow(/is not a regular file: choose the model's \.bin file itself/);
    expect(() => c.models.use({ path: tempDir() })).toThrow(/is a folder: choose the model's \.bin file itself/);
    expect(c.models.settings().customPath).toBeNull();
  });

  it('the designer neither reads nor writes through a link that leads out of the scenario folder', () => {
    const c = core();
    const outside = tempDir('sparring-outside-');
    writeFileSync(join(outside, 'secret.yaml'), 'id: secret\ntitle: Not yours\n');
    const mine = join(c.dataDir, 'scenarios', 'mine');
    mkdirSync(mine, { recursive: true });
    symlinkSync(join(outside, 'secret.yaml'), join(mine, 'link.yaml'));
    symlinkSync(outside, join(c.dataDir, 'scenarios', 'away'));
    expect(() => c.designer.open('user', 'mine/link.yaml')).toThrow(/outside the Sparring data directory/);
    expect(() => c.designer.save('away/new.yaml', 'id: new\n')).toThrow(/outside the Sparring data directory/);
    expect(existsSync(join(outside, 'new.yaml'))).toBe(false);
    // Nor are they listed (a link is not followed when the folders are read).
    expect(c.designer.list().map((e) => e.file)).not.toContain('mine/link.yaml');
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toContain('Not yours');
  });

  it('a pack export checks what it zips by the import rules and refuses a folder that is not a pack', () => {
    const parent = tempDir();
    const folder = join(parent, 'not-a-pack');
    mkdirSync(join(folder, 'deep'), { recursive: true });
    writeFileSync(join(folder, 'notes.yaml'), 'shopping: [milk, eggs]\n');
    writeFileSync(join(folder, 'deep', 'config.yaml'), 'password: hunter2\n');
    const out = join(parent, 'out.zip');
    const r = runSparring(['pack', 'export', folder, '--out', out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/notes\.yaml:\d+:\d+: .*/);
    expect(r.stderr + r.stdout).toMatch(/config\.yaml:\d+:\d+: .*/);
    expect(existsSync(out)).toBe(false);
    // A real pack still exports.
    const ok = runSparring(['pack', 'export', join(SCENARIOS, 'drills'), '--out', join(parent, 'drills.zip')]);
    expect(ok.status).toBe(0);
  });
});
