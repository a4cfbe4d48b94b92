/**
 * The history reaches every stored attempt: pages, filters, sorting, and an address per attempt
 * (links, reloads and the back button work). 500 attempts are stored through core first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { makeCore } from '../support/core';
import { TINY_MODEL, tempDir } from '../support/paths';

const dataDir = tempDir('sparring-e2e-history-');
let browser: Browser;
let bridge: BridgeProcess;

beforeAll(async () => {
  // 500 typed attempts; every fifth one is the open-questions drill, every tenth left unfinished.
  const core = makeCore(dataDir, { modelPath: null });
  for (let i = 1; i <= 500; i++) {
    const { attemptId } = core.practice.start(i % 5 === 0 ? 'drill-open-questions' : 'price-objection');
    core.practice.submitTyped(
      attemptId,
      0,
      i % 2 ? 'I hear you. Teams your size cut onboarding time by 40%.' : 'Okay.',
    );
    if (i % 10 === 0) core.practice.leave(attemptId);
    else core.practice.finish(attemptId);
  }
  core.close();
  browser = await launchChromium();
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

describe('history', () => {
  it('pages through 500 attempts to the very first one, which has its own address', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-count').textContent()).toContain('1–50 of 500 attempts');
    expect(await page.getByTestId('history-row').count()).toBe(50);
    expect(await page.getByTestId('page-of').textContent()).toBe('Page 1 of 10');
    expect((await axeViolations(page)).join('\n')).toBe('');

    await page.getByTestId('page-next').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=page-of]')?.textContent === 'Page 2 of 10');
    expect(page.url()).toContain('#/history?page=2');
    await page.getByTestId('page-last').click();
    const first = page.locator('[data-testid=history-row][data-attempt="1"]');
    await first.waitFor();
    expect(await page.getByTestId('history-count').textContent()).toContain('451–500 of 500');
    await first.click();
    await page.getByTestId('attempt-page').waitFor();
    expect(page.url()).toMatch(/#\/attempts\/1$/);

    // Back returns to the same page; a reload of an attempt's address opens that attempt.
    await page.goBack();
    await first.waitFor();
    expect(await page.getByTestId('page-of').textContent()).toBe('Page 10 of 10');
    // An address past the last page shows the last page (corrected in place).
    await page.goto(page.url().replace(/#.*$/, '#/history?page=99'));
    await page.waitForFunction(() => location.hash === '#/history?page=10');
    await page.waitForFunction(() => document.querySelector('[data-testid=page-of]')?.textContent === 'Page 10 of 10');
    await page.goto(page.url().replace(/#.*$/, '#/attempts/37'));
    await page.getByTestId('attempt-page').waitFor();
    expect(await page.locator('h2').first().textContent()).toBe("Objection: it's too expensive");
  });

  it('filters by scenario and status, sorts by score, and says when nothing matches', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-row').first().waitFor();

    await page.getByTestId('history-scenario').selectOption('drill-open-questions');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=history-count]')?.textContent?.includes('of 100 attempts'),
    );
    await page.getByTestId('history-status').selectOption('incomplete');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=history-count]')?.textContent?.includes('of 50 attempts'),
    );
    const statuses = await page.getByTestId('history-row').locator('td:nth-child(4)').allTextContents();
    expect(statuses.every((s) => s.startsWith('Incomplete'))).toBe(true);
    // An unfinished attempt shows no overall score.
    expect(new Set(await page.getByTestId('history-row').locator('td:last-child').allTextContents())).toEqual(
      new Set(['–']),
    );
    expect(page.url()).toContain('scenario=drill-open-questions');
    expect(page.url()).toContain('status=incomplete');

    await page.getByTestId('history-status').selectOption('complete');
    await page.getByTestId('history-sort').selectOption('best');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=history-count]')?.textContent?.includes('of 100') === false,
    );
    const scores = (await page.getByTestId('history-row').locator('td:last-child').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // Typed digit by digit, a date filters only once it is whole (no "year 2" on the way).
    await page.getByTestId('history-from').click();
    await page.keyboard.type('01012001');
    await page.waitForFunction(() => location.hash.includes('from=2001-01-01'));
    expect(page.url()).not.toMatch(/from=000/);
    await page.getByTestId('history-to').fill('2001-01-31');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=history-count]')?.textContent?.includes('No attempt matches'),
    );
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=history-count]')?.textContent?.includes('of 500 attempts'),
    );
  });
});
