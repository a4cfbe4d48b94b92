/**
 * The whole loop through the real parts: the bridge process (core, SQLite file, whisper.cpp with
 * the generated model), the built UI in Debian's Chromium, a fake microphone playing an espeak
 * answer. The generated model "hears" its fixed sentence whatever the audio, so this proves the
 * loop, not recognition accuracy.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { micWav, TINY_MODEL, tempDir } from '../support/paths';

const dataDir = tempDir('sparring-e2e-');
const env = { SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL };
let browser: Browser;
let bridge: BridgeProcess;

beforeAll(async () => {
  browser = await launchChromium(micWav('open-question'));
  bridge = await startBridgeProcess(env);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

/**
 * Records one answer: waits until the meter moved and at least `seconds` of audio reached disk,
 * then stops with the button; or (autoStop) taps Space to start and lets the silence after the
 * spoken answer stop it; or (hold) holds Space down while speaking and releases it to stop.
 */
async function answer(page: Page, seconds: number, how: 'button' | 'autoStop' | 'hold' = 'button') {
  await page.locator('[data-testid=record]:enabled').waitFor();
  if (how === 'button') await page.getByTestId('record').click();
  else if (how === 'hold') await page.keyboard.down('Space');
  else await page.keyboard.press('Space');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=level-meter]')?.getAttribute('data-level')) > 20,
  );
  if (how !== 'autoStop') {
    await page.waitForFunction(
      (s) => Number(document.querySelector('[data-testid=recorded-seconds]')?.getAttribute('data-seconds')) >= s,
      seconds,
    );
    if (how === 'hold') await page.keyboard.up('Space');
    else await page.getByTestId('stop').click();
  }
  // Transcription is CPU-bound: on a loaded 2-core machine it can take a while. Wait for the
  // outcome, whichever it is, and fail with the app's own message if it is an error.
  await page.locator('[data-testid=scores], [data-testid=turn-error]').first().waitFor({ timeout: 90_000 });
  if (await page.getByTestId('turn-error').isVisible())
    throw new Error(`the app reported: ${await page.getByTestId('turn-error').textContent()}`);
}

/** Waits for the buyer's line to read `text` (after "Continue", the next turn arrives from the core). */
async function buyerSays(page: Page, text: string) {
  await page.waitForFunction((t) => document.querySelector('[data-testid=buyer-line]')?.textContent?.includes(t), text);
}

describe('practice loop in the browser', () => {
  it('completes a scenario by voice and finds it in the history, also after a restart', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(bridge.url);

    await page.getByTestId('start-discovery-vague-buyer').click();
    await buyerSays(page, 'things are fine on our side');
    await page.getByTestId('no-voice').waitFor(); // headless Chromium has no system voice: text only, said once

    await answer(page, 4);
    // The transcript and per-criterion scores are shown, each with its explanation.
    expect(await page.getByTestId('transcript').textContent()).toMatch(/\w+ \w+ \w+/);
    // Every criterion shows its score and its checks.
    const openQuestion = page.getByTestId('criterion-open-question');
    expect(await openQuestion.getByTestId('criterion-score').textContent()).toMatch(/^\d+$/);
    expect(await openQuestion.getByTestId('check').count()).toBe(2);
    expect(await page.getByTestId('criterion-filler-words').textContent()).toMatch(/fillers per 100 words/);
    expect(await page.getByTestId('delivery').textContent()).toMatch(/Pace\d+ words\/min/);
    await page.getByTestId('next').click();

    // The generated model's answer asks no open question, so the scenario branches: Dana stays guarded.
    await buyerSays(page, "I don't have long");
    // Microphone access was granted, so the picker lists the (fake) microphone beside the default.
    await page.getByTestId('mic-picker').waitFor();
    expect(await page.getByTestId('mic-picker').locator('option').count()).toBeGreaterThanOrEqual(2);
    await answer(page, 4);
    await page.getByTestId('next').click();

    await buyerSays(page, 'onboarding new drivers');
    await page.locator('[data-testid=record]:enabled').waitFor(); // the buyer has had their say
    await answer(page, 4, 'autoStop'); // Space to start; the silence after the answer stops it
    await page.getByTestId('next').click();

    await buyerSays(page, 'lost two new drivers');
    await answer(page, 4);
    await page.getByTestId('next').click();
    await page.getByTestId('session-done').waitFor();
    expect(await page.getByTestId('ending').textContent()).toMatch(/^Dana opened up about losing new drivers/);

    // The WAV files are on disk in the data directory, filed by content hash (two identical
    // answers from the looping fake microphone may share one file).
    const audioDirs = readdirSync(join(dataDir, 'audio'));
    const files = audioDirs.flatMap((d) => readdirSync(join(dataDir, 'audio', d)));
    const wavs = files.filter((f) => f.endsWith('.wav'));
    expect(wavs.length).toBeGreaterThanOrEqual(1);
    expect(wavs.every((w) => /^[0-9a-f]{64}\.wav$/.test(w))).toBe(true);
    // Beside each answer, its waveform peaks (computed once, when it was saved); nothing else.
    expect(files.filter((f) => !f.endsWith('.wav')).sort()).toEqual(
      wavs.map((w) => w.replace(/\.wav$/, '.peaks.json')).sort(),
    );
    expect(readdirSync(join(dataDir, 'recordings'))).toEqual([]); // nothing left half-written

    await page.getByTestId('open-attempt').click();
    await page.getByTestId('attempt-page').waitFor();
    expect(await page.getByTestId('turn').count()).toBe(4);
    expect(await page.getByTestId('turn-audio').count()).toBe(4);
    for (const src of await page
      .getByTestId('turn-audio')
      .evaluateAll((els) => els.map((a) => (a as HTMLAudioElement).getAttribute('src')!))) {
      const rel = decodeURIComponent(new URL(src, 'http://x').pathname.replace('/media/', ''));
      expect(existsSync(join(dataDir, rel))).toBe(true);
    }
    expect(await page.getByTestId('attempt-score').textContent()).toMatch(/^\d+$/);
    // The audio player loads the recording through the bridge's media route.
    const duration = await page
      .getByTestId('turn-audio')
      .first()
      .evaluate(
        (a: HTMLAudioElement) =>
          new Promise<number>((resolve) =>
            a.readyState >= 1 ? resolve(a.duration) : a.addEventListener('loadedmetadata', () => resolve(a.duration)),
          ),
      );
    expect(duration).toBeGreaterThan(3.5);
    expect(await page.getByTestId('roleplay-scorecard').textContent()).toMatch(/Your talk share\d+%/);
    expect(errors).toEqual([]);

    // Restart the bridge on the same data directory: everything is still there.
    await bridge.stop();
    bridge = await startBridgeProcess(env);
    const again = await browser.newPage();
    await again.goto(bridge.url);
    await again.getByTestId('nav-history').click();
    await again.getByTestId('history-row').first().waitFor();
    expect(await again.getByTestId('history-row').count()).toBe(1);
    expect(await again.getByTestId('history-row').first().textContent()).toContain('Discovery with a vague buyer');
    await again.getByTestId('history-row').first().click();
    await again.getByTestId('attempt-page').waitFor();
    expect(await again.getByTestId('turn').count()).toBe(4);
    expect(await again.getByTestId('transcript').first().textContent()).toMatch(/\w+ \w+ \w+/);
    expect(await again.getByTestId('scores').count()).toBe(4);
    expect(existsSync(join(dataDir, 'sparring.db'))).toBe(true);

    // The rep who practised it cannot change its scores; a manager at the same computer can.
    expect(await again.getByTestId('override-open').count()).toBe(0);
    const attemptUrl = again.url();
    await again.getByTestId('me').click();
    await again.getByTestId('person-name').fill('Morgan Manager');
    await again.getByTestId('person-role-rep').uncheck();
    await again.getByTestId('person-role-manager').check();
    await again.getByTestId('person-add').click();
    await again.locator('[data-testid=person]', { hasText: 'Morgan Manager' }).getByRole('button').click();
    await again.getByTestId('me').getByText('Morgan Manager').waitFor();
    await again.goto(attemptUrl);
    await again.getByTestId('attempt-page').waitFor();
    expect(await again.getByTestId('attempt-page').locator('p.muted').first().textContent()).toContain('Riley Rep');

    // The manager overrides one criterion with a reason: the automatic score stays visible beside it.
    const criterion = again.getByTestId('turn').first().getByTestId('criterion-open-question');
    const automatic = await criterion.getByTestId('criterion-score').textContent();
    const wanted = automatic === '100' ? '40' : '100';
    await criterion.getByTestId('override-open').click();
    await criterion.getByTestId('override-score').fill(wanted);
    await criterion.getByTestId('override-reason').fill('Her second sentence invited the buyer to explain');
    await criterion.getByRole('button', { name: 'Save' }).click();
    await criterion.getByTestId('override-note').waitFor();
    expect(await criterion.getByTestId('override-note').textContent()).toContain(`automatic ${automatic}`);
    expect(await criterion.getByTestId('criterion-score').textContent()).toMatch(new RegExp(`^${wanted}`));
    expect(await criterion.getByTestId('override-note').textContent()).toContain('Reviewed by Morgan Manager');
    expect(await criterion.getAttribute('class')).toBe('reviewed');
  });

  it('highlights the evidence in the transcript, and clicking it plays the answer from that moment', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}#/practice`); // the first test left a manager using the app
    await page.getByTestId('start-price-objection').click();
    await answer(page, 4, 'hold'); // push-to-talk: Space held while speaking, released to stop
    // The generated model always "says" a sentence opening with an acknowledgement and a quantified benefit.
    const ack = page.getByTestId('criterion-acknowledge-objection');
    expect(await ack.getByTestId('criterion-score').textContent()).toBe('100');
    expect(await page.locator('[data-testid=transcript] mark').count()).toBeGreaterThan(0);
    const evidence = page.getByTestId('criterion-quantified-value').getByTestId('evidence').first();
    const at = Number(await evidence.getAttribute('data-audio-start'));
    expect(at).toBeGreaterThan(0.5);
    await page
      .getByTestId('turn-audio')
      .evaluate(
        (a: HTMLAudioElement) =>
          new Promise((r) => (a.readyState >= 1 ? r(null) : a.addEventListener('loadedmetadata', r))),
      );
    await evidence.click();
    await page.waitForFunction(
      (t) => Math.abs((document.querySelector('[data-testid=turn-audio]') as HTMLAudioElement).currentTime - t) < 0.3,
      at,
    );
  });

  it('without a speech model, says what to run and lets the rep type answers, scored the same way', async () => {
    const fresh = await startBridgeProcess({
      SPARRING_DATA_DIR: tempDir('sparring-e2e-nomodel-'),
      SPARRING_MODEL: '',
    });
    try {
      const page = await browser.newPage();
      await page.goto(fresh.url);
      expect(await page.getByTestId('model-banner').textContent()).toMatch(/npm run model:download -- base.en/);
      // First run without a model opens Settings; the rep goes back to practise by typing meanwhile.
      await page.getByTestId('settings').waitFor();
      await page.getByRole('button', { name: 'Practice' }).click();
      await page.getByTestId('start-price-objection').click();
      await page.getByTestId('typed-mode').waitFor();
      await page
        .getByTestId('typed-answer')
        .fill('I hear you. Teams your size cut onboarding time by 40%, so let us book 30 minutes on Thursday at 2pm.');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('scores').waitFor();
      expect(
        await page.getByTestId('criterion-acknowledge-objection').getByTestId('criterion-score').textContent(),
      ).toBe('100');
      expect(await page.getByTestId('delivery').textContent()).toContain('not available (typed)');
      // The typed answer is stored with the attempt. Going elsewhere mid-role-play asks first.
      await page.getByTestId('nav-history').click();
      await page.getByTestId('leave-dialog').waitFor();
      expect(await page.getByTestId('leave-dialog').textContent()).toContain('1 answer is saved');
      await page.getByTestId('leave-keep').click();
      await page.getByTestId('history-row').first().click();
      await page.getByTestId('attempt-page').waitFor();
      expect(await page.getByTestId('transcript').textContent()).toMatch(/^I hear you/);
    } finally {
      await fresh.stop();
    }
  });

  it('finds scenarios by search and skill, and says so when nothing matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}#/practice`);
    await page.getByTestId('start-price-objection').waitFor();
    const all = await page.locator('[data-testid^=start-]').count();
    expect(all).toBeGreaterThanOrEqual(15);
    await page.getByTestId('drills-heading').waitFor();
    await page.getByTestId('filter-skill').selectOption('objection-handling');
    await page.getByTestId('start-discovery-vague-buyer').waitFor({ state: 'detached' });
    const filtered = await page.locator('[data-testid^=start-]').count();
    expect(filtered).toBeGreaterThan(1);
    expect(filtered).toBeLessThan(all);
    expect(await page.getByTestId('start-price-objection').isVisible()).toBe(true);
    await page.getByTestId('filter-skill').selectOption('');
    await page.getByTestId('scenario-search').fill('Dana Whitfield');
    await page.getByTestId('start-price-objection').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid^=start-]').count()).toBe(1);
    await page.getByTestId('scenario-search').fill('no such scenario anywhere');
    await page.getByTestId('no-match').waitFor();
    expect(await page.getByTestId('no-match').textContent()).toMatch(/daily drill/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('start-price-objection').waitFor();
    expect(await page.locator('[data-testid^=start-]').count()).toBe(all);
  });

  it('shows an empty history on a fresh data directory', async () => {
    const fresh = await startBridgeProcess({
      SPARRING_DATA_DIR: tempDir('sparring-e2e-empty-'),
      SPARRING_MODEL: TINY_MODEL,
    });
    try {
      const page = await browser.newPage();
      await page.goto(fresh.url);
      await page.getByTestId('nav-history').click();
      await page.getByTestId('history-empty').waitFor();
    } finally {
      await fresh.stop();
    }
  });
});
