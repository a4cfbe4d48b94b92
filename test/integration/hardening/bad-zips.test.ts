/**
 * Bad input: zips that lie. An entry declaring a few bytes that would inflate to 50 MB is stopped
 * at its declared size and refused at once (it used to inflate whole, ~12 s per MB of zip, on the
 * thread every call waits for); the same name twice; a damaged entry. Nothing is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const SCENARIO = 'id: zipped\ntitle: Zipped\n';

/** Sets an entry's uncompressed size in both its local header and the central directory. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

function userPacks() {
  const core = makeCore(tempDir(), { modelPath: null });
  core.people.setUpMe('Dana Designer', ['designer']);
  const dir = join(core.dataDir, 'scenarios');
  return { core, written: () => (existsSync(dir) ? readdirSync(dir) : []) };
}

describe('zips that lie', () => {
  it('an entry that inflates past its declared size is stopped there and refused', async () => {
    const { core, written } = userPacks();
    const bomb = lieAboutSize(zipSync({ 'pack/a.yaml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 }), 1000);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(core.designer.importPack(bomb, 'bomb.zip')).rejects.toThrow(
      /"pack\/a\.yaml" unpacks to more than the 1000 bytes it declares/,
    );
    expect(written()).toEqual([]);
  });

  it('the same name twice, and a damaged entry, are refused with every reason', async () => {
    const { core, written } = userPacks();
    const twice = zipSync({ 'pack/a.yaml': strToU8(SCENARIO), 'pack/b.yaml': strToU8(SCENARIO) });
    // Rename b.yaml to a.yaml in both headers: one name, two entries.
    const bytes = Buffer.from(twice);
    let at = bytes.indexOf('pack/b.yaml');
    while (at >= 0) {
      bytes.write('pack/a.yaml', at, 'ascii');
      at = bytes.indexOf('pack/b.yaml', at + 1);
    }
    await expect(core.designer.importPack(new Uint8Array(bytes), 'twice.zip')).rejects.toThrow(
      /"pack\/a\.yaml" is in the zip 2 times/,
    );
    const damaged = Buffer.from(zipSync({ 'pack/a.yaml': strToU8(SCENARIO.repeat(50)) }, { level: 0 }));
    damaged[damaged.indexOf('Zipped') + 2] = 0x21;
    await expect(core.designer.importPack(new Uint8Array(damaged), 'damaged.zip')).rejects.toThrow(
      /its checksum does not match/,
    );
    expect(written()).toEqual([]);
  });
});
