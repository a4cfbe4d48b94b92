/** Zips as other zippers write them: empty files, names in an old code page. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipChecked } from '../../../src-main/core/archive/safe-zip';

const LIMITS = { zipBytes: 1e6, fileBytes: 1e6, totalBytes: 1e6, files: 10 };

describe('unzipChecked', () => {
  it('reads an empty file and a plain one', async () => {
    const reasons: string[] = [];
    const files = await unzipChecked(
      zipSync({ 'p/empty.yaml': new Uint8Array(0), 'p/a.yaml': strToU8('id: a') }),
      LIMITS,
      () => null,
      reasons,
    );
    expect(reasons).toEqual([]);
    expect(files!.get('p/empty.yaml')!.length).toBe(0);
    expect(new TextDecoder().decode(files!.get('p/a.yaml'))).toBe('id: a');
  });

  it('reads a name written without the UTF-8 flag byte for byte, so two names stay two', async () => {
    const zip = Buffer.from(zipSync({ 'p/cafe1.yaml': strToU8('a'), 'p/cafe2.yaml': strToU8('b') }));
    // As an old zipper writes "café1" and "café2" in its own code page: é as one byte, no UTF-8 flag.
    for (const n of ['1', '2']) {
      let at = zip.indexOf(`p/cafe${n}.yaml`);
      while (at >= 0) {
        zip[at + 5] = 0xe9;
        at = zip.indexOf(`p/cafe${n}.yaml`, at + 1);
      }
    }
    const reasons: string[] = [];
    const files = await unzipChecked(new Uint8Array(zip), LIMITS, () => null, reasons);
    expect(reasons).toEqual([]);
    expect([...files!.keys()].sort()).toEqual(['p/caf\u00e91.yaml', 'p/caf\u00e92.yaml']);
  });
});
