/**
 * Reviewing an answer by its audio: the waveform marks its filler, hedge and long pause; the
 * transcript follows the playhead word by word and a click on a word seeks there; J/K step through
 * the marks; dragging over the waveform fills the comment form's range; skipping silences jumps
 * the pause. Seeded through core (audio made with sox, a timed transcript); real bridge and Chromium.
 *
 * The answer (14.5 s): "Um, I hear you on the price." (0.6-3.32 s), a pause to 5.0 s, "Can you help
 * me understand what you are comparing it with?" (5.0-9.32 s), "Maybe we could look at the first
 * quarter together." (9.85-13.37 s).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { makeCore } from '../support/core';
import { TINY_MODEL, tempDir } from '../support/paths';
import { seedSpokenAttempt } from '../support/review-attempt';
import { paintedPixels } from '../support/waveform';

const dataDir = tempDir('sparring-e2e-waveform-');
let browser: Browser;
let bridge: BridgeProcess;
let attemptId = 0;

beforeAll(async () => {
  const core = makeCore(dataDir, { modelPath: null });
  core.people.setUpMe('Riley Rep', ['rep']);
  attemptId = seedSpokenAttempt(core, { answers: 2, seconds: 14.5 });
  core.people.use(core.people.add('Morgan Manager', ['manager']).id);
  core.close();
  browser = await launchChromium();
  // A model, or the first start opens Settings to get one.
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

const audioSel = '[data-testid=turn-details][open] [data-testid=turn-audio]';
const time = (page: Page) =>
  page
    .locator(audioSel)
    .first()
    .evaluate((a: HTMLAudioElement) => a.currentTime);
const seekTo = (page: Page, t: number) =>
  page
    .locator(audioSel)
    .first()
    .evaluate(
      (a: HTMLAudioElement, at) =>
        new Promise((done) => {
          a.pause();
          a.addEventListener('seeked', done, { once: true });
          a.currentTime = at;
        }),
      t,
    );
const spoken = (page: Page) => page.locator('[data-testid=transcript] [aria-current=time]').first().textContent();

/** Non-blank pixels of a waveform's first canvas. */
const painted = (page: Page, n: number) =>
  paintedPixels(page.locator('[data-testid=waveform]').nth(n).locator('canvas').first());

describe('reviewing an answer on its waveform', () => {
  it('marks delivery, follows playback word by word, takes a dragged range, skips silences', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${bridge.url}#/attempts/${attemptId}`);
    const wave = page.getByTestId('waveform').first();
    await wave.locator('canvas').first().waitFor();
    await page
      .locator(audioSel)
      .evaluate(
        (a: HTMLAudioElement) =>
          new Promise((r) => (a.readyState >= 1 ? r(null) : a.addEventListener('loadedmetadata', r))),
      );

    // A region for the filler, the hedge and the pause, and a legend that names them.
    await wave.locator('[part~="mark-filler-0"]').waitFor({ state: 'attached' });
    expect(await wave.locator('[part*="mark-"]').count()).toBe(3);
    expect(await page.getByTestId('waveform-legend').first().textContent()).toMatch(
      /Filler \(1\).*Hedge \(1\).*Pause over 1 s \(1\)/,
    );
    expect(await painted(page, 0)).toBeGreaterThan(200);
    // Clicking the pause's region plays from where it starts (just after "price.").
    await wave.locator('[part~="mark-pause-1"]').click();
    await expect.poll(() => time(page)).toBeGreaterThan(3.2);
    await page.locator(audioSel).evaluate((a: HTMLAudioElement) => a.pause());

    // The word under the playhead is marked; it moves as the answer plays; a click on a word seeks there.
    await seekTo(page, 1.1);
    expect(await spoken(page)).toBe('I');
    await seekTo(page, 5.1);
    expect(await spoken(page)).toBe('Can');
    await page.locator(audioSel).evaluate((a: HTMLAudioElement) => void a.play());
    await expect.poll(() => spoken(page), { timeout: 5000 }).toMatch(/^(help|me|understand|what)$/);
    await page.locator(audioSel).evaluate((a: HTMLAudioElement) => a.pause());
    await page.getByTestId('transcript').first().getByText('understand', { exact: true }).click();
    await expect.poll(() => time(page)).toBeCloseTo(6.6, 1);
    await page.locator(audioSel).evaluate((a: HTMLAudioElement) => a.pause());

    // K and J step through the delivery marks as well: the filler, the pause, then back.
    await seekTo(page, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('k');
    await expect.poll(() => time(page)).toBeCloseTo(0.6, 1);
    await page.keyboard.press('k');
    await expect.poll(() => time(page)).toBeCloseTo(1, 1); // the acknowledgement's evidence, "I hear you"
    await page.keyboard.press('k');
    await expect.poll(() => time(page)).toBeCloseTo(3.32, 1);
    await page.keyboard.press('j');
    await expect.poll(() => time(page)).toBeCloseTo(1, 1);

    // Dragging from 2 s to 4 s over the waveform fills the comment form's range (its "to" field too).
    const box = (await wave.boundingBox())!;
    const x = (t: number) => box.x + (box.width * t) / 14.5;
    await page.mouse.move(x(2), box.y + 10);
    await page.mouse.down();
    await page.mouse.move(x(3), box.y + 12, { steps: 4 });
    await page.mouse.move(x(4), box.y + 12, { steps: 4 });
    await page.mouse.up();
    const form = page.getByTestId('new-comment').first();
    expect(Number(await form.getByTestId('comment-at-input').inputValue())).toBeCloseTo(2, 0);
    expect(Number(await form.getByTestId('comment-end-input').inputValue())).toBeCloseTo(4, 0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-input');
    expect(await wave.locator('[part~="selection"]').count()).toBe(1);
    await form.getByTestId('comment-input').fill('Pause on purpose here, then ask.');
    await form.getByTestId('comment-add').click();
    await page.getByTestId('comment').first().waitFor();
    expect(await page.getByTestId('comment-at').first().textContent()).toBe('0:02–0:04');
    await wave.locator('[part~="selection"]').waitFor({ state: 'detached' });

    // Skip silences: playing into the 1.7 s pause after "price." lands near "Can" at once.
    await page.getByTestId('skip-silences').check();
    await seekTo(page, 2.9);
    const jumped = await page.locator(audioSel).evaluate(
      (a: HTMLAudioElement) =>
        new Promise<number>((done) => {
          const t0 = performance.now();
          const poll = () => (a.currentTime >= 4.75 ? done(performance.now() - t0) : requestAnimationFrame(poll));
          void a.play();
          poll();
        }),
    );
    await page.locator(audioSel).evaluate((a: HTMLAudioElement) => a.pause());
    // Played through, 2.9 s to 4.75 s takes 1.85 s; skipped, the 0.42 s to the pause and a frame.
    expect(jumped).toBeLessThan(1200);
    expect(await page.evaluate(() => localStorage.getItem('sparring.skipSilences'))).toBe('1');

    // Every answer open: the second waveform is drawn when it opens.
    await page.getByTestId('expand-all').click();
    await expect.poll(() => painted(page, 1)).toBeGreaterThan(200);
    await seekTo(page, 1.1);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page
      .getByTestId('turn-details')
      .first()
      .evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: '/tmp/review-waveform.png' });

    // Remembered: after a reload the toggle is still on.
    await page.reload();
    await page.getByTestId('skip-silences').waitFor();
    expect(await page.getByTestId('skip-silences').isChecked()).toBe(true);
  });
});
