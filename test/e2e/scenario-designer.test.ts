/**
 * The designer's flow in the browser against the real bridge: duplicate a built-in scenario,
 * break it and see the problem inline at its line, fix it, run its examples, practise it.
 * The data directory is seeded with the broken fixture files, which the app must list as
 * invalid (practice library and designer) without crashing.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { micWav, ROOT, SCENARIOS, TINY_MODEL, tempDir } from '../support/paths';

const BROKEN = join(ROOT, 'test/fixtures/broken-scenarios');
const dataDir = tempDir('sparring-e2e-designer-');
let browser: Browser;
let bridge: BridgeProcess;

beforeAll(async () => {
  cpSync(BROKEN, join(dataDir, 'scenarios', 'broken'), { recursive: true });
  browser = await launchChromium(micWav('open-question'));
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

async function openApp(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(bridge.url);
  return { page, errors };
}

/** Puts the caret at the end of the editor line that contains `text`. */
async function caretAtEndOf(page: Page, text: string) {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

describe('scenario designer', () => {
  it('lists every broken fixture file as invalid, with its problems, in the library and the designer', async () => {
    const { page, errors } = await openApp();
    // One file of each pair of duplicate ids is valid; every other fixture is invalid.
    const brokenFiles = readdirSync(BROKEN).filter((f) => f !== 'duplicate-id-a.yaml');
    await page.getByTestId('invalid-scenario').first().waitFor();
    const listed = await page.getByTestId('invalid-scenario').allTextContents();
    expect(listed).toHaveLength(brokenFiles.length);
    for (const f of brokenFiles)
      expect(
        listed.some((l) => l.includes(f) && /line \d+, column \d+: /.test(l)),
        f,
      ).toBe(true);

    await page.getByTestId('nav-designer').click();
    await page.getByTestId('designer-file').first().waitFor();
    for (const f of brokenFiles)
      expect(
        await page.locator(`[data-testid=designer-file][data-file="broken/${f}"] .badge`).textContent(),
        f,
      ).toMatch(/invalid · \d+/);
    // Opening one shows its problem at its line, in the list and inline in the editor.
    await page.locator('[data-testid=designer-file][data-file="broken/unknown-criterion.yaml"]').click();
    await page.getByTestId('problem').first().waitFor();
    expect(await page.getByTestId('problem').first().getAttribute('data-line')).toBe('7');
    expect(errors).toEqual([]);
    await page.close();
  });

  it(
    'duplicates a built-in, shows an introduced error inline at its line, and once fixed runs the examples and ' +
      'practises it',
    async () => {
      const { page, errors } = await openApp();
      await page.getByTestId('nav-designer').click();
      await page.locator('[data-testid=designer-file][data-file="drills/open-questions.yaml"]').click();
      await page.getByTestId('preview').waitFor();
      // Built-ins are read-only: the editor does not accept typing and there is no Save.
      expect(await page.locator('.cm-content').getAttribute('contenteditable')).toBe('false');
      expect(await page.getByTestId('save').count()).toBe(0);
      expect(await page.getByTestId('graph-turn').count()).toBe(3);

      await page.getByTestId('duplicate').click();
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid=open-file]')
          ?.textContent?.includes('drills/drill-open-questions-copy.yaml'),
      );
      expect(await page.locator('.cm-content').getAttribute('contenteditable')).toBe('true');
      await page.getByText('No problems: this scenario is valid.').waitFor();

      // Break it: minutes must be a number.
      const minutesLine =
        readFileSync(join(SCENARIOS, 'drills/open-questions.yaml'), 'utf8')
          .split('\n')
          .findIndex((l) => l.startsWith('minutes:')) + 1;
      await caretAtEndOf(page, 'minutes: 3');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('soon');
      const problem = page.getByTestId('problem');
      await problem.first().waitFor();
      expect(await problem.count()).toBe(1);
      expect(await problem.getAttribute('data-line')).toBe(String(minutesLine));
      expect(await problem.textContent()).toMatch(new RegExp(`line ${minutesLine}, column \\d+: minutes: .*number`));
      // Inline: the editor underlines that very line.
      await page.locator('.cm-lintRange-error').first().waitFor();
      expect(await page.locator('.cm-line:has(.cm-lintRange-error)').allTextContents()).toEqual(['minutes: soon']);
      expect(await page.getByTestId('try-it').isDisabled()).toBe(true);

      // Saved with the problem, it is listed as invalid (work in progress is kept).
      await page.keyboard.press('Control+s');
      await page
        .getByTestId('toast')
        .getByText(/Saved with 1 problem/)
        .waitFor();
      expect(
        await page
          .locator('[data-testid=designer-file][data-file="drills/drill-open-questions-copy.yaml"] .badge')
          .textContent(),
      ).toMatch(/invalid/);

      // Fix it.
      await caretAtEndOf(page, 'minutes: soon');
      for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('4');
      await page.getByText('No problems: this scenario is valid.').waitFor();
      expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
      await page.getByTestId('save').click();
      await page
        .getByTestId('toast')
        .getByText(/^Saved\.$/)
        .waitFor();

      await page.getByTestId('run-examples').click();
      await page.getByTestId('example-results').waitFor();
      expect(await page.getByTestId('example-result').count()).toBe(6);
      expect(await page.locator('[data-testid=example-result][data-ok=true]').count()).toBe(6);

      // Try it: straight into a practice session of the copy, answered by typing.
      await page.getByTestId('try-it').click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=buyer-line]')?.textContent?.includes('Things are fine, really.'),
      );
      await page.getByTestId('type-instead').click();
      await page.getByTestId('typed-answer').fill('Glad to hear it. What would make them even better?');
      await page.getByTestId('submit-typed').click();
      await page.getByTestId('scores').waitFor();
      expect(await page.getByTestId('criterion-open-question').getByTestId('criterion-score').textContent()).toBe(
        '100',
      );
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
