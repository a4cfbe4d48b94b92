/**
 * People and roles: the first run asks who is practising; the app opens on what the role needs;
 * another person can take over the same computer. Real bridge process, real Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { TINY_MODEL, tempDir } from '../support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('people', () => {
  it('the first run asks who you are; a rep lands on practice, attempts are theirs', async () => {
    const bridge = await startBridgeProcess(
      { SPARRING_DATA_DIR: tempDir('sparring-e2e-welcome-'), SPARRING_MODEL: TINY_MODEL },
      { person: null },
    );
    try {
      const page = await browser.newPage();
      await page.goto(bridge.url);
      await page.getByTestId('welcome').waitFor();
      expect((await axeViolations(page)).join('\n')).toBe('');
      expect(await page.getByTestId('welcome-start').isDisabled()).toBe(true);
      await page.getByTestId('welcome-name').fill('Ana Rep');
      await page.getByTestId('welcome-start').click();
      await page.getByTestId('start-price-objection').waitFor();
      expect(await page.getByTestId('me').textContent()).toBe('Ana Rep');
      // A reload opens where the role needs, without asking again.
      await page.goto(bridge.url.replace(/\?.*$/, ''));
      await page.getByTestId('start-price-objection').waitFor();
      expect(await page.getByTestId('welcome').count()).toBe(0);
    } finally {
      await bridge.stop();
    }
  });

  it('a manager lands on the review queue, and can hand the computer to someone else', async () => {
    const bridge = await startBridgeProcess(
      { SPARRING_DATA_DIR: tempDir('sparring-e2e-manager-'), SPARRING_MODEL: TINY_MODEL },
      { person: null },
    );
    try {
      const page = await browser.newPage();
      await page.goto(bridge.url);
      await page.getByTestId('welcome-name').fill('Morgan Manager');
      await page.getByTestId('welcome-role-rep').uncheck();
      await page.getByTestId('welcome-role-manager').check();
      await page.getByTestId('welcome-start').click();
      await page.getByTestId('queue-empty').waitFor();
      expect(page.url()).toContain('#/review');

      await page.getByTestId('me').click();
      await page.getByTestId('people').waitFor();
      expect((await axeViolations(page)).join('\n')).toBe('');
      await page.getByTestId('person-name').fill('Sam Rep');
      await page.getByTestId('person-add').click();
      await page.locator('[data-testid=person]', { hasText: 'Sam Rep' }).getByRole('button').click();
      await page.getByTestId('me').getByText('Sam Rep').waitFor();
      // The name is taken: a clear message, nothing changed.
      await page.getByTestId('person-name').fill('morgan manager');
      await page.getByTestId('person-add').click();
      expect(await page.getByRole('alert').textContent()).toMatch(/already a person called "morgan manager"/);
    } finally {
      await bridge.stop();
    }
  });
});
