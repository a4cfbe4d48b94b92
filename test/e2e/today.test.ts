/**
 * The rep coming back tomorrow: the practice screen opens on Today, with a drill due first (it
 * went badly three days ago) and why; the rep does it, the plan ticks it off, the streak counts
 * today; the next day (a pinned clock, SPARRING_NOW) the streak is still there. Typed answers;
 * seeded history; real bridge and Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { type Core, makeCore } from '../support/core';
import { tempDir } from '../support/paths';
import { practisedAt } from '../support/practised';
import { paintedPixels } from '../support/waveform';

const dataDir = tempDir('sparring-e2e-today-');
const NOW = new Date();
let browser: Browser;
let bridge: BridgeProcess | undefined;

const practised = (core: Core, scenarioId: string, answer: string, days: number) =>
  practisedAt(core, scenarioId, answer, new Date(NOW.getTime() - days * 86_400_000), 3);

beforeAll(async () => {
  const core = makeCore(dataDir, { modelPath: null });
  core.people.setUpMe('Riley Rep', ['rep']);
  practised(core, 'drill-next-step', 'Let us keep in touch.', 3);
  practised(core, 'drill-open-questions', 'What would make onboarding easier for your team?', 2);
  practised(core, 'drill-open-questions', 'How do you onboard new drivers today?', 1);
  core.close();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

/** The app on the data folder at a given time (no speech model: answers are typed). */
async function openAt(now: Date): Promise<Page> {
  await bridge?.stop();
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_NOW: now.toISOString() });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.addInitScript(() => {
    localStorage.setItem('sparring.modelSetupOffered', '1');
    // The browser's Notification, recording what the page shows (headless Chromium has no tray to look at).
    const notes: string[][] = [];
    (window as unknown as { notes: string[][] }).notes = notes;
    (window as unknown as { Notification: unknown }).Notification = class {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: { body?: string }) {
        notes.push([title, options?.body ?? '']);
      }
    };
  });
  await page.goto(bridge.url);
  await page.getByTestId('today').waitFor();
  return page;
}

describe('today', () => {
  it('opens on a plan with the due drill first, ticks it off once done, keeps the streak next day', async () => {
    const page = await openAt(NOW);
    const first = page.getByTestId('plan-item').first();
    expect(await first.getAttribute('data-scenario')).toBe('drill-next-step');
    expect(await first.getByTestId('plan-reason').textContent()).toMatch(/: last \d+, due (today|since \w+day)$/);
    expect(await page.getByTestId('streak').getAttribute('data-days')).toBe('3');
    expect(await page.getByTestId('streak').textContent()).toContain('practise today to keep it');
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/today.png' });

    // Progress, before: this week's point of the closing skill.
    await page.getByTestId('progress-toggle').click();
    const closingRow = page.locator('[data-testid=trend-row][data-skill=closing]');
    await closingRow.waitFor({ state: 'attached' });
    const closingBefore = Number(await closingRow.getAttribute('data-last'));

    // One button starts the plan: the due drill, answered well this time.
    await page.getByTestId('today-start').click();
    for (let turn = 0; turn < 3; turn++) {
      await page
        .getByTestId('turn-of')
        .getByText(`Turn ${turn + 1} of 3`)
        .waitFor(); // the drill has three turns
      await page
        .getByTestId('typed-answer')
        .fill('Could we book thirty minutes on Thursday at 2pm to agree the rollout?');
      await page.getByTestId('submit-typed').click();
      if (turn === 0) {
        // Learn from the good answer: the scenario's passing examples, their scoring words highlighted.
        await page.getByTestId('examples-toggle').click();
        const example = page.getByTestId('example-answer').first();
        await example.waitFor();
        expect(await example.locator('mark').count()).toBeGreaterThan(0);
        expect(await example.textContent()).toMatch(/Scores \d+/);
        expect((await axeViolations(page)).join('\n')).toBe('');
        // Retry the turn with a weaker answer: both kept, the better (first) one counts.
        const counted = await page.getByTestId('turn').first().getByTestId('transcript').textContent();
        await page.getByTestId('retry-turn').click();
        await page.getByTestId('typed-answer').fill('Let us keep in touch.');
        await page.getByTestId('submit-typed').click();
        const tries = page.getByTestId('turn-tries');
        await tries.waitFor();
        expect(await tries.getAttribute('data-count')).toBe('1');
        expect(await tries.textContent()).toMatch(/^Answered 2 times: this answer counts/);
        expect(await page.getByTestId('turn').first().getByTestId('transcript').textContent()).toBe(counted);
        expect((await axeViolations(page)).join('\n')).toBe('');
      }
      await page.getByTestId('next').click();
    }
    await page.getByTestId('session-done').waitFor();
    await page.getByRole('button', { name: 'Practise another' }).click();
    const done = page.locator('[data-testid=plan-item][data-scenario=drill-next-step]');
    await done.getByText('done today').waitFor();
    expect(await done.getAttribute('class')).toBe('done');
    expect(await page.getByTestId('streak').getAttribute('data-days')).toBe('4');

    // The skill chart draws this week's point with today's drill in it; a new personal best.
    await page.getByTestId('progress-toggle').click();
    const chart = page.getByTestId('skill-chart');
    await chart.waitFor();
    await expect.poll(() => paintedPixels(chart.locator('canvas').first())).toBeGreaterThan(100);
    expect(Number(await closingRow.getAttribute('data-last'))).toBeGreaterThan(closingBefore);
    const best = page.locator('[data-testid=best][data-scenario=drill-next-step]');
    expect(await best.getAttribute('data-new')).toBe('true');
    expect((await axeViolations(page)).join('\n')).toBe('');
    await chart.screenshot({ path: '/tmp/today-progress.png' });

    // Each skill's mastery is one click from the attempts that made it: the history filtered by skill.
    await page.getByText('How your skills are holding').click();
    await page.locator('[data-testid=skill][data-skill=closing] a').click();
    await page.getByTestId('history-row').first().waitFor();
    expect(page.url()).toContain('skill=closing');
    expect(await page.getByTestId('history-row').count()).toBe(2); // the drill three days ago, and today's
    expect(await page.getByTestId('history-skill').inputValue()).toBe('closing');
    expect((await axeViolations(page)).join('\n')).toBe('');

    // Tomorrow: the streak stands until the day is over.
    const tomorrow = await openAt(new Date(NOW.getTime() + 86_400_000));
    expect(await tomorrow.getByTestId('streak').getAttribute('data-days')).toBe('4');
    expect(await tomorrow.getByTestId('streak').textContent()).toContain('practise today to keep it');
  });

  it('keeps the weekly goal the rep sets, and reminds once a day when turned on', async () => {
    const page = await openAt(new Date(NOW.getTime() + 2 * 86_400_000));
    await page.getByTestId('week-goal-link').click();
    await page.getByTestId('practice-settings').waitFor();
    // The current goal, loaded first.
    await expect.poll(() => page.getByTestId('week-goal').inputValue(), { timeout: 15_000 }).toBe('30');
    await page.getByTestId('week-goal').fill('45');
    await page.getByTestId('save-week-goal').click();
    await page.getByTestId('toast').getByText('Your weekly goal is 45 minutes.').waitFor();
    // On at midnight: due at once (the plan is not done), shown by the page under the bridge.
    await page.getByTestId('reminder-time').fill('00:00');
    // Checked once the choice is saved (a click, then the answer).
    await page.getByTestId('reminder-on').click();
    await page.getByTestId('toast').getByText('A reminder each day at 00:00.').waitFor();
    expect(await page.getByTestId('reminder-on').isChecked()).toBe(true);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/settings-practice.png', fullPage: true });
    // The page asks when it opens (and each minute after).
    await page.goto(page.url().replace(/#.*$/, '#/practice'));
    await page.reload();
    await page.getByTestId('today').waitFor();
    expect(await page.getByTestId('week-minutes').getAttribute('data-goal')).toBe('45');
    await expect.poll(() => page.evaluate(() => (window as unknown as { notes: string[][] }).notes)).toHaveLength(1);
    const [title, body] = await page.evaluate(() => (window as unknown as { notes: string[][] }).notes[0]!);
    expect(title).toBe('Today’s practice is ready');
    expect(body).toMatch(/min: .+ first\./);
    // Never twice in a day.
    await page.reload();
    await page.getByTestId('today').waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.reminderChecked === 'yes');
    expect(await page.evaluate(() => (window as unknown as { notes: string[][] }).notes)).toEqual([]);
  });
});
