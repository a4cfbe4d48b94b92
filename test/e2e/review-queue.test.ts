/**
 * A manager's review queue: finished attempts of the reps, oldest first, with counts per status;
 * the manager marks one reviewed and asks for another attempt on another (with a note the rep
 * reads). Seeded through core with typed answers; real bridge process and Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { makeCore } from '../support/core';
import { TINY_MODEL, tempDir } from '../support/paths';

const dataDir = tempDir('sparring-e2e-queue-');
let browser: Browser;
let bridge: BridgeProcess;
const ids: number[] = [];

beforeAll(async () => {
  const core = makeCore(dataDir, { modelPath: null });
  core.people.setUpMe('Riley Rep', ['rep']);
  for (const text of [
    'Okay.',
    'I hear you. Teams your size cut onboarding time by 40%.',
    'What matters most to you?',
  ]) {
    const { attemptId } = core.practice.start('price-objection');
    core.practice.submitTyped(attemptId, 0, text);
    ids.push(core.practice.finish(attemptId).id);
  }
  core.people.use(core.people.add('Morgan Manager', ['manager']).id);
  core.close();
  browser = await launchChromium();
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

describe('review queue', () => {
  it('opens on the queue for a manager, oldest first; reviewing moves attempts between statuses', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('queue-tab-to-review').waitFor();
    expect(page.url()).toContain('#/review');
    expect(await page.getByTestId('queue-tab-to-review').textContent()).toBe('To review 3');
    expect(
      await page
        .getByTestId('history-row')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-attempt')))),
    ).toEqual(ids);
    expect((await axeViolations(page)).join('\n')).toBe('');

    // The oldest: ask for another attempt, with a note.
    await page.locator(`[data-testid=history-row][data-attempt="${ids[0]}"]`).click();
    await page.getByTestId('review-status').waitFor();
    expect(await page.getByTestId('review-status').textContent()).toContain('Not reviewed yet');
    await page.getByTestId('review-note').fill('Acknowledge the concern first, then try again.');
    await page.getByTestId('mark-needs-another').click();
    await page.locator('[data-testid=review-status][data-status=needs-another]').waitFor();
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.goBack();
    await page.getByTestId('queue-tab-to-review').getByText('2').waitFor();
    expect(await page.getByTestId('queue-tab-needs-another').textContent()).toBe('Needs another attempt 1');

    // The next: reviewed.
    await page.locator(`[data-testid=history-row][data-attempt="${ids[1]}"]`).click();
    await page.getByTestId('mark-reviewed').click();
    await page.locator('[data-testid=review-status][data-status=reviewed]').waitFor();
    await page.getByTestId('nav-review').click();
    await page.getByTestId('queue-tab-reviewed').getByText('1').waitFor();
    await page.getByTestId('queue-tab-reviewed').click();
    await page.locator(`[data-testid=history-row][data-attempt="${ids[1]}"]`).getByTestId('review-badge').waitFor();

    // The rep sees the manager's note on their attempt, and cannot review it themselves.
    await page.getByTestId('me').click();
    await page.locator('[data-testid=person]', { hasText: 'Riley Rep' }).getByRole('button').click();
    await page.getByTestId('me').getByText('Riley Rep').waitFor();
    await page.goto(`${bridge.url.replace(/\?.*$/, '')}#/attempts/${ids[0]}`);
    await page.getByTestId('review-status').waitFor();
    expect(await page.getByTestId('review-status').textContent()).toContain('Morgan Manager asks for another attempt');
    expect(await page.getByTestId('review-status').textContent()).toContain('Acknowledge the concern first');
    expect(await page.getByTestId('mark-reviewed').count()).toBe(0);
    expect(await page.getByTestId('nav-review').count()).toBe(0);
  });
});
