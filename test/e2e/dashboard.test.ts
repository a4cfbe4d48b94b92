/**
 * The team dashboard in Chromium over a seeded team: a heatmap with values, a cell opening the
 * attempts behind it, the rep filter, the leaderboard switched on, CSV downloads that parse with
 * one row per rep, and a rep's scorecard. Real bridge, real SQLite, axe on each page.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { makeCore } from '../support/core';
import { tempDir } from '../support/paths';
import { practisedAt } from '../support/practised';

const dataDir = tempDir('sparring-e2e-dashboard-');
let browser: Browser;
let bridge: BridgeProcess;
const GOOD = 'Could we book thirty minutes on Thursday at 2pm to agree the rollout?';
const WEAK = 'Let us keep in touch.';
const OPEN = 'What would have to be true for this to be worth it to your team?';
let rileyClosing: number[] = [];

beforeAll(async () => {
  const core = makeCore(dataDir, { modelPath: null });
  const morgan = core.people.setUpMe('Morgan Manager', ['manager']);
  const day = (n: number) => new Date(Date.now() - n * 86_400_000);
  const reps = ['Riley Rep', 'Sam Rep', 'Alex Rep'].map((name) => core.people.add(name, ['rep']));
  core.people.use(reps[0]!.id);
  rileyClosing = [9, 6, 3, 1].map((n, i) => practisedAt(core, 'drill-next-step', i < 2 ? GOOD : WEAK, day(n), 8));
  practisedAt(core, 'drill-open-questions', OPEN, day(2), 6);
  core.people.use(reps[1]!.id);
  for (const n of [5, 4, 2]) practisedAt(core, 'drill-next-step', GOOD, day(n), 12);
  core.people.use(morgan.id);
  core.close();
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir }, { person: null });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

async function openDashboard(hash = '#/team'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, acceptDownloads: true });
  await page.addInitScript(() => localStorage.setItem('sparring.modelSetupOffered', '1'));
  await page.goto(`${bridge.url}${hash}`);
  await page.getByTestId('dashboard').waitFor();
  return page;
}

describe('team dashboard', () => {
  it('shows a heatmap with values; a cell opens the attempts behind it', async () => {
    const page = await openDashboard();
    const cells = page.getByTestId('heat-cell');
    // Riley: closing, questioning and delivery; Sam: closing and delivery; Alex has not practised.
    expect(await cells.count()).toBe(5);
    expect(await page.locator('[data-testid=heat-cell][data-rep="Alex Rep"]').count()).toBe(0);
    for (const text of await cells.allTextContents()) expect(Number(text)).toBeGreaterThanOrEqual(0);
    const heatmap = await page.getByTestId('heatmap').textContent();
    expect(heatmap).toContain('Alex Rep');
    await page.getByTestId('skill-chart').waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    await page.locator('[data-testid=heat-cell][data-rep="Riley Rep"][data-skill=closing]').click();
    const list = page.getByTestId('cell-attempts');
    await list.waitFor();
    expect(await list.getByTestId('cell-attempt').count()).toBe(rileyClosing.length);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await list.getByTestId('cell-attempt').first().click();
    await page.getByTestId('attempt-page').waitFor();
    expect(page.url()).toContain(`#/attempts/${rileyClosing.at(-1)}`);
    expect(await page.getByTestId('attempt-page').textContent()).toContain('Riley Rep');
    // Engagement figures open the attempts behind them too: Riley's five in History.
    await page.goBack();
    await page.locator('[data-testid=engagement-row][data-rep="Riley Rep"] td').nth(1).locator('a').click();
    await page.getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(5);
    await page.close();
  }, 60_000);

  it('downloads the dashboard as CSV with one row per rep shown, also when filtered', async () => {
    const page = await openDashboard();
    const csvRows = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^sparring-team-.*\.csv$/);
      const lines = readFileSync((await download.path())!, 'utf8')
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toMatch(/^Rep,/);
      return lines.slice(1).map((l) => l.split(',')[0]);
    };
    expect(await csvRows()).toEqual(['Alex Rep', 'Riley Rep', 'Sam Rep']);

    await page.getByTestId('rep-filter').locator('summary').click();
    await page.getByTestId('rep-filter').getByLabel('Alex Rep').click();
    await page.waitForURL(/reps=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=engagement-row]').length === 2);
    expect(await page.getByTestId('engagement-row').allTextContents()).not.toContain(
      expect.stringContaining('Alex Rep'),
    );
    expect(await csvRows()).toEqual(['Riley Rep', 'Sam Rep']);
    await page.close();
  }, 60_000);

  it('turns the leaderboard on: minutes and improvement, most practice first', async () => {
    const page = await openDashboard();
    const board = page.getByTestId('leaderboard');
    expect(await board.getByTestId('leaderboard-row').count()).toBe(0);
    await board.getByRole('checkbox').click();
    await board.getByTestId('leaderboard-row').first().waitFor();
    const rows = await board.getByTestId('leaderboard-row').allTextContents();
    expect(rows[0]).toMatch(/^1Sam Rep36/);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await board.getByRole('checkbox').click();
    await board.getByTestId('leaderboard-row').first().waitFor({ state: 'detached' });
    await page.close();
  }, 60_000);

  it("prints as a report: the browser's print dialog, with the app's chrome left out", async () => {
    const page = await openDashboard();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.getByTestId('print-report').click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('export-csv').isVisible()).toBe(false);
    expect(await page.getByTestId('heatmap').isVisible()).toBe(true);
    // Chromium's own PDF of the page, as Electron's printToPDF makes it.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);

  it("opens a rep's scorecard, with its CSV", async () => {
    const page = await openDashboard();
    await page.getByTestId('scorecard-link').filter({ hasText: 'Riley Rep' }).click();
    const card = page.getByTestId('scorecard');
    await card.waitFor();
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Scorecard: Riley Rep');
    expect(await card.getByTestId('scorecard-skills').locator('tbody tr').count()).toBe(3);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/scorecard.png', fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scorecard-csv').click()]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    await page.close();
  }, 60_000);
});
