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
    expect(
      await messages('src-main/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual([expect.stringMatching(/no Electron here/)]);
  });

  it('the renderer may not import Node built-ins, better-sqlite3 or core runtime code', async () => {
    const found = await messages(
      'src-renderer/probe.ts',
      "import { readFileSync } from 'fs';\nimport Database from 'better-sqlite3';\nimport { createCore } from " +
        "'../src-main/core/create-core';\nexport const a = [readFileSync, Database, createCore];\n",
    );
    expect(found).toHaveLength(3);
  });

  it('the renderer may import types from core', async () => {
    expect(
      await messages(
        'src-renderer/probe.ts',
        "import type { Scenario } from '../src-main/core/domain';\nexport type S = Scenario;\n",
      ),
    ).toEqual([]);
  });

  it(
    'the renderer may not use Node globals (Node types are loaded only because its API types come from ' + 'core)',
    async () => {
      const found = await messages(
        'src-renderer/probe.ts',
        "export const a = process.platform + Buffer.from('x').length;\n",
      );
      expect(found).toEqual([expect.stringMatching(/no Node globals/), expect.stringMatching(/no Node globals/)]);
    },
  );

  it('core reads no environment; storage does not score', async () => {
    expect(await messages('src-main/core/probe.ts', 'export const a = process.env.SPARRING_MODEL;\n')).toEqual([
      expect.stringMatching(/reads no environment/),
    ]);
    expect(
      await messages(
        'src-main/core/storage/probe.ts',
        "import { overallOf } from '../scoring/score-answer';\nexport const a = overallOf;\n",
      ),
    ).toEqual([expect.stringMatching(/does not score/)]);
  });

  it('front ends reach core only through core/index.ts; the preload only the contract and the client', async () => {
    for (const front of ['api', 'web', 'cli', 'electron']) {
      const deep = await messages(
        `src-main/${front}/probe.ts`,
        "import { createCore } from '../core/create-core';\nexport const a = createCore;\n",
      );
      expect(deep).toEqual([expect.stringMatching(/one door/)]);
      expect(
        await messages(
          `src-main/${front}/probe.ts`,
          "import { createCore } from '../core';\nexport const a = createCore;\n",
        ),
      ).toEqual([]);
    }
    const preload = await messages(
      'src-main/preload/probe.ts',
      "import { createHandlers } from '../api/handlers';\nimport { readFileSync } from 'node:fs';\nexport const a = " +
        '[createHandlers, readFileSync];\n',
    );
    expect(preload).toEqual([expect.stringMatching(/contract over IPC/), expect.stringMatching(/no Node/)]);
  });

  it('an import cycle is refused', async () => {
    // errors.ts is re-exported by core/index.ts: importing the index from it closes a cycle.
    expect(
      await messages(
        'src-main/core/errors.ts',
        "import { createCore } from './index';\nexport const a = createCore;\n",
      ),
    ).toEqual([expect.stringMatching(/Dependency cycle/)]);
  });
});
