/**
 * Starts the real Electron app where the Electron binary exists (a developer's machine). Where it
 * does not (this CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1), the test is skipped and says so.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { methodNames, type SparringApi } from '../../src-main/api/contract';
import { ROOT, tempDir } from '../support/paths';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The page's window, as the preload sets it up. */
type AppWindow = { api: SparringApi; require?: unknown };

const binary = electronBinary();
if (!binary)
  console.warn(
    'SKIPPED electron smoke test: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1). It ' +
      'runs wherever `npm start` can launch the app.',
  );

describe.skipIf(!binary)('Electron app (smoke)', () => {
  it('opens the window with window.api and no Node in the page', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, SPARRING_DATA_DIR: tempDir() } as Record<string, string>,
    });
    try {
      const page = await app.firstWindow();
      await page.getByText('Choose a scenario').waitFor();
      // Exactly the contract's domains (plus media URLs and events), and each domain's methods: derived, so they cannot
      // drift.
      const expected = Object.fromEntries(
        [...new Set(methodNames.map((m) => m.split('.')[0]!))].map((d) => [
          d,
          methodNames
            .filter((m) => m.startsWith(`${d}.`))
            .map((m) => m.split('.')[1]!)
            .sort(),
        ]),
      );
      const exposed = await page.evaluate(() => {
        const api = (window as unknown as AppWindow).api as unknown as Record<string, Record<string, unknown>>;
        return Object.fromEntries(Object.entries(api).map(([d, fns]) => [d, Object.keys(fns).sort()]));
      });
      expect(exposed).toEqual({ ...expected, media: ['url'], events: ['subscribe'] });
      expect(await page.evaluate(() => typeof (window as unknown as AppWindow).require)).toBe('undefined');
      expect(
        await page.evaluate(() => (window as unknown as AppWindow).api.app.info({}).then((i) => i.transport)),
      ).toBe('electron');
    } finally {
      await app.close();
    }
  });
});
