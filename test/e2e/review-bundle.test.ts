/**
 * Attempts travel without a server, end to end: the rep exports a spoken role-play from their
 * History; the manager, on another data folder, imports it, finds it in the queue, sees the
 * waveform with a region at each evidence span, clicks one (the playhead moves there), comments at
 * 00:07 and over a range, changes a score, writes a coaching plan, marks it reviewed and sends the
 * review back; the rep imports it and sees the comments at those moments. Two real bridge processes.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { makeCore } from '../support/core';
import { TINY_MODEL, tempDir } from '../support/paths';
import { seedSpokenAttempt } from '../support/review-attempt';
import { paintedPixels } from '../support/waveform';

const repDir = tempDir('sparring-e2e-rep-');
const managerDir = tempDir('sparring-e2e-manager-');
const files = tempDir('sparring-e2e-files-');
let browser: Browser;
let rep: BridgeProcess;
let manager: BridgeProcess;
let repAttempt = 0;

beforeAll(async () => {
  const core = makeCore(repDir, { modelPath: null });
  core.people.setUpMe('Riley Rep', ['rep']);
  repAttempt = seedSpokenAttempt(core, { answers: 2, seconds: 12 });
  core.close();
  browser = await launchChromium();
  [rep, manager] = await Promise.all([
    startBridgeProcess({ SPARRING_DATA_DIR: repDir, SPARRING_MODEL: TINY_MODEL }),
    startBridgeProcess(
      { SPARRING_DATA_DIR: managerDir, SPARRING_MODEL: TINY_MODEL },
      { person: { name: 'Morgan Manager', roles: ['manager'] } },
    ),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([rep?.stop(), manager?.stop()]);
});

/** Clicks what starts a download and saves the file; returns where. */
async function downloaded(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

const playhead = (page: Page) =>
  page
    .locator('audio[data-turn-id]')
    .first()
    .evaluate((a: HTMLAudioElement) => a.currentTime);

describe('attempts and reviews as files', () => {
  it('a manager reviews an imported attempt; the rep imports the review and sees it at its moments', async () => {
    // The rep exports their attempts from History.
    const repPage = await browser.newPage();
    await repPage.goto(`${rep.url}#/history`);
    await repPage.getByTestId('export-listed').waitFor();
    expect(await repPage.getByTestId('export-listed').textContent()).toBe('Export the 1 finished attempt shown');
    const bundle = await downloaded(repPage, 'export-listed');
    expect(bundle).toMatch(/Riley Rep attempt \d+ \d{4}-\d\d-\d\d\.sparring-attempts$/);

    // The manager's queue is empty until the file is imported.
    const page = await browser.newPage();
    await page.goto(manager.url);
    await page.getByTestId('queue-empty').waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.getByTestId('import-file').setInputFiles(bundle);
    await page.getByTestId('history-row').waitFor();
    expect(await page.getByTestId('toast').textContent()).toContain('Imported 1 attempt by Riley Rep.');
    expect(await page.getByTestId('history-row').textContent()).toContain('Riley Rep');
    // Importing the same file again adds nothing.
    await page.getByTestId('import-file').setInputFiles(bundle);
    await page.getByTestId('toast').getByText('(1 already here)').waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(1);

    await page.getByTestId('history-row').click();
    await page.getByTestId('attempt-page').waitFor();
    // The waveform: painted pixels, and a region at each evidence span; clicking one moves the playhead to it.
    const canvas = page.locator('[data-testid=waveform] canvas').first();
    await canvas.waitFor();
    await expect.poll(() => paintedPixels(canvas)).toBeGreaterThan(200);
    const firstTurn = page.getByTestId('turn').first();
    const evidence = firstTurn.locator('[data-testid=evidence][data-audio-start]').first();
    const criterion = await evidence.evaluate((e) =>
      e.closest('[data-testid^=criterion-]')!.getAttribute('data-testid')!.slice('criterion-'.length),
    );
    const evidenceAt = Number(await evidence.getAttribute('data-audio-start'));
    const regions = firstTurn.locator(`[data-testid=waveform] [part*="evidence-${criterion}-"]`);
    expect(await regions.count()).toBeGreaterThan(0);
    await page
      .locator('audio[data-turn-id]')
      .first()
      .evaluate((a: HTMLAudioElement) => (a.currentTime = 10));
    await regions.first().click();
    await expect.poll(() => playhead(page)).toBeCloseTo(evidenceAt, 0);

    // A comment at 00:07, and one over a range.
    const form = firstTurn.getByTestId('new-comment');
    await form.getByTestId('comment-at-input').fill('7');
    await form.getByTestId('comment-input').fill('Here: slow down before the number.');
    await form.getByTestId('comment-add').click();
    await firstTurn.locator('[data-testid=comment][data-at="7"]').waitFor();
    await form.getByTestId('comment-at-input').fill('2');
    await form.getByTestId('comment-end-input').fill('4.5');
    await form.getByTestId('comment-input').fill('This whole stretch is strong.');
    await form.getByTestId('comment-add').click();
    await firstTurn.locator('[data-testid=comment][data-at="2"]').waitFor();

    // A changed score, with its reason.
    const card = firstTurn.getByTestId(`criterion-${criterion}`);
    await card.getByTestId('override-open').click();
    await card.getByTestId('override-score').fill('95');
    await card.getByTestId('override-reason').fill('Clear and early: counts in full.');
    await card.getByTestId('override-form').getByRole('button', { name: /save/i }).click();
    await card.locator('.override-badge').waitFor();

    // A coaching plan, and the verdict.
    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-skill').first().check();
    await page.getByTestId('plan-note-input').fill('Quantify value before the price comes up.');
    await page.getByTestId('plan-scenario').selectOption({ index: 1 });
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-skills').waitFor();
    await page.getByTestId('review-note').fill('Good call overall.');
    await page.getByTestId('mark-reviewed').click();
    await page.locator('[data-testid=review-status][data-status=reviewed]').waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/review-bundle-manager.png', fullPage: false });
    const review = await downloaded(page, 'export-review');
    expect(review).toMatch(/\.sparring-review$/);

    // The rep imports the review: it opens the attempt, with the comments at their moments.
    await repPage.getByTestId('import-file').setInputFiles(review);
    await repPage.getByTestId('attempt-page').waitFor();
    expect(repPage.url()).toContain(`#/attempts/${repAttempt}`);
    const turn = repPage.getByTestId('turn').first();
    await turn.locator('[data-testid=comment][data-at="7"]').waitFor();
    expect(await turn.getByTestId('comment-at').allTextContents()).toEqual(['0:02–0:04', '0:07']);
    expect(await turn.locator('[data-testid=comment][data-at="7"]').textContent()).toContain('Morgan Manager');
    expect(await turn.getByTestId(`criterion-${criterion}`).locator('.override-badge').count()).toBe(1);
    expect(await repPage.getByTestId('review-status').textContent()).toContain('Reviewed by Morgan Manager');
    expect(await repPage.getByTestId('plan-note').textContent()).toBe('Quantify value before the price comes up.');
    // Clicking the comment's time plays from 00:07.
    await turn.locator('[data-testid=comment][data-at="7"]').getByTestId('comment-at').click();
    await expect.poll(() => playhead(repPage)).toBeCloseTo(7, 0);
    expect((await axeViolations(repPage)).join('\n')).toBe('');
    await repPage.screenshot({ path: '/tmp/review-bundle-rep.png', fullPage: false });

    // The printable page for people without Sparring.
    const html = await downloaded(repPage, 'export-html');
    const text = (await import('node:fs')).readFileSync(html, 'utf8');
    expect(text).toContain('Changed to 95 by Morgan Manager: Clear and early: counts in full.');
    expect(text).toContain('00:07');
  });

  it('a refused file says every reason and changes nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${manager.url}#/review`);
    await page.getByTestId('import-button').waitFor();
    const before = await page.getByTestId('queue-tab-reviewed').textContent();
    await page.getByTestId('import-file').setInputFiles({
      name: 'broken.sparring-attempts',
      mimeType: 'application/zip',
      buffer: Buffer.from('this is not a zip'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.sparring-attempts was not imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('it is not a readable zip file');
    expect(await page.getByTestId('queue-tab-reviewed').textContent()).toBe(before);
  });
});
