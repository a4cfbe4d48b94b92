/** The process boundaries are enforced by lint: these probes must be refused (and a clean import allowed). */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const eslint = new ESLint({ cwd: ROOT });
async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => m.message);
}

describe('lint boundaries', () => {
  it('core/ may not import electron', async () => {
    expect(await messages('src-main/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([expect.stringMatching(/no Electron here/)]);
  });

  it('the renderer may not import Node built-ins, better-sqlite3 or core runtime code', async () => {
    const found = await messages(
      'src-renderer/probe.ts',
      "import { readFileSync } from 'fs';\nimport Database from 'better-sqlite3';\nimport { SparringCore } from '../src-main/core/sparring-core';\nexport const a = [readFileSync, Database, SparringCore];\n",
    );
    expect(found).toHaveLength(3);
  });

  it('the renderer may import types from core', async () => {
    expect(await messages('src-renderer/probe.ts', "import type { Scenario } from '../src-main/core/domain';\nexport type S = Scenario;\n")).toEqual([]);
  });
});
