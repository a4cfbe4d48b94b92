/**
 * Leaving a role-play is explicit and safe: the microphone stops at once (the answer's file stops
 * growing), what was said is kept, and the rep chooses to keep the attempt (resumable from the
 * step it stopped at) or discard it (with undo). Real bridge process, real Chromium, fake microphone.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { micWav, TINY_MODEL, tempDir } from '../support/paths';

const dataDir = tempDir('sparring-e2e-leave-');
let browser: Browser;
let bridge: BridgeProcess;

beforeAll(async () => {
  browser = await launchChromium(micWav('open-question'));
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

/** Bytes of every WAV in the data folder: the one being recorded, and finished answers. */
function wavBytes(): number {
  let total = 0;
  for (const dir of ['recordings', 'audio']) {
    const root = join(dataDir, dir);
    let entries: string[] = [];
    try {
      entries = readdirSync(root, { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const e of entries) if (e.endsWith('.wav')) total += statSync(join(root, e)).size;
  }
  return total;
}

async function startRecording(page: Page, seconds: number) {
  await page.locator('[data-testid=record]:enabled').waitFor();
  await page.getByTestId('record').click();
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid=recorded-seconds]')?.getAttribute('data-seconds')) >= s,
    seconds,
  );
}

describe('leaving, resuming and discarding a role-play', () => {
  it('Leave mid-answer stops recording at once, keeps what was said, and resumes at the next step', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('start-discovery-vague-buyer').click();
    await startRecording(page, 2);
    expect(wavBytes()).toBeGreaterThan(2 * 32000);

    await page.getByTestId('leave').click();
    const dialog = page.getByTestId('leave-dialog');
    await dialog.waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    // Within half a second of Leave the file stops growing, and stays that size.
    await page.waitForTimeout(500);
    const afterHalfSecond = wavBytes();
    await page.waitForTimeout(1500);
    expect(wavBytes()).toBe(afterHalfSecond);
    await page.getByTestId('leave-keep').click();

    // The picker offers to pick it up; the history lists it as incomplete with no overall score.
    await page.getByTestId('resume-list').waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.getByTestId('nav-history').click();
    const row = page.getByTestId('history-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Incomplete');
    expect(await row.locator('td').last().textContent()).toBe('–');

    // The answer given before leaving was kept and scored: resuming starts at step 2.
    await row.getByTestId('history-resume').click();
    await page.getByTestId('session').waitFor();
    await page.waitForFunction(() => document.querySelector('.session-head')?.textContent?.includes('Turn 2'));
    // The resume address becomes the plain practice screen, so Back never reopens it.
    expect(page.url()).toMatch(/#\/practice$/);
    await startRecording(page, 3);
    await page.getByTestId('stop').click();
    await page.locator('[data-testid=scores], [data-testid=turn-error]').first().waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('turn-error').count()).toBe(0);
    expect((await axeViolations(page)).join('\n')).toBe('');
  });

  it('a role-play cut short by a restart is resumed from where it stopped, or discarded with undo', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('start-price-objection').click();
    await startRecording(page, 2);
    // The app goes away mid-answer (the bridge is killed): the answer is recovered on the next start.
    await bridge.stop('SIGKILL');
    bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
    await page.goto(bridge.url);
    await page.getByTestId('nav-history').click();
    const row = page.locator('[data-testid=history-row]', { hasText: 'too expensive' }).first();
    await row.waitFor();
    const id = Number(await row.getAttribute('data-attempt'));
    expect(await row.textContent()).toContain('Incomplete');

    // Its page says it is unfinished, with no overall score, and offers Resume and Discard.
    await row.click();
    await page.getByTestId('unfinished').waitFor();
    expect(await page.getByTestId('attempt-score').textContent()).toBe('–');
    expect(page.url()).toContain(`#/attempts/${id}`);
    expect((await axeViolations(page)).join('\n')).toBe('');

    // Discard, then undo: it is back.
    await page.getByTestId('discard').click();
    await page.getByTestId('toast').waitFor();
    await page.waitForFunction(
      (n) =>
        !document.querySelector(`[data-testid=history-row][data-attempt="${n}"]`) &&
        !!document.querySelector('[data-testid=history-count]'),
      id,
    );
    await page.getByTestId('toast-undo').click();
    await page.getByTestId('attempt-page').waitFor();
    await page.getByTestId('unfinished').waitFor();

    // Resume: the recovered answer is transcribed first, then the role-play goes on from there.
    await page.getByTestId('resume').click();
    await page.locator('[data-testid=scores], [data-testid=turn-error]').first().waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('turn-error').count()).toBe(0);
    expect(await page.locator('.session-head').textContent()).toContain('Turn 1');
    await page.getByTestId('next').click();
    await page.waitForFunction(() => document.querySelector('.session-head')?.textContent?.includes('Turn 2'));

    // Leaving by the back button asks too; discarding from the dialog removes it from the history.
    await page.goBack();
    await page.getByTestId('leave-dialog').waitFor();
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('toast').getByText(`Attempt #${id} discarded.`).waitFor();
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-count').waitFor();
    expect(await page.locator(`[data-testid=history-row][data-attempt="${id}"]`).count()).toBe(0);
  });
});
