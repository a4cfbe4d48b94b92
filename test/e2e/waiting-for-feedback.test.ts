/**
 * The wait between the stop and the feedback, in the browser against the real bridge, whisper.cpp
 * worker and a generated model: the progress shows while a part of the answer is still being
 * transcribed, and "Cancel and type instead" scores the typed text and keeps the recording.
 *
 * To have a wait worth watching on any machine, the answer ends in 20 s of speech without a pause
 * (the segmenter cannot cut it, so it is all left when the rep stops), the model is base.en-shaped
 * and the worker runs on one thread. The model "hears" its fixed sentence whatever the audio.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavHeader } from '../../src-main/core/audio/wav';
import { pcmOf } from '../support/answer-audio';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { GENERATED, tempDir } from '../support/paths';
import { makeSpeechWav } from '../support/speech';
import { writeWhisperTestModel } from '../support/whisper-test-model';

const BASE_MODEL = join(GENERATED, 'ggml-base.en-test.bin');
const RUN_ON =
  'we looked at the numbers from the last two quarters and the onboarding time for new drivers went down ' +
  'every single month after the pilot started and the team leads told us the first week felt calmer and ' +
  'the support tickets about routes dropped as well which is why we would like to walk your managers ' +
  'through the same rollout plan with the same checkpoints';

/** A short sentence, a pause, then 20 s of speech with no pause, then silence (Chromium loops the file). */
function micFile(): string {
  const out = join(GENERATED, 'mic-long-tail.wav');
  if (existsSync(out)) return out;
  const first = pcmOf(makeSpeechWav('I hear you on the price.', join(GENERATED, 'long-tail-first.wav')));
  const runOn = pcmOf(makeSpeechWav(RUN_ON, join(GENERATED, 'long-tail-run-on.wav'), { rate: 150 }));
  const pcm = Buffer.concat([first, Buffer.alloc(0.9 * 32000), runOn, Buffer.alloc(6 * 32000)]);
  writeFileSync(out, Buffer.concat([wavHeader(pcm.length, { sampleRate: 16000, channels: 1 }), pcm]));
  return out;
}

let browser: Browser;
let bridge: BridgeProcess;
let speechSeconds = 0;

beforeAll(async () => {
  if (!existsSync(BASE_MODEL)) writeWhisperTestModel(BASE_MODEL, 'base.en');
  const mic = micFile();
  speechSeconds = pcmOf(mic).length / 32000 - 6;
  browser = await launchChromium(mic);
  bridge = await startBridgeProcess({
    SPARRING_DATA_DIR: tempDir('sparring-e2e-wait-'),
    SPARRING_MODEL: BASE_MODEL,
    SPARRING_WHISPER_THREADS: '1',
  });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

/** Records until the whole spoken part reached disk, then stops with the button (before the silence). */
async function speakAndStop(page: Page) {
  await page.locator('[data-testid=record]:enabled').waitFor();
  await page.getByTestId('record').click();
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid=recorded-seconds]')?.getAttribute('data-seconds')) >= s,
    speechSeconds - 0.3,
    { timeout: 60_000 },
  );
  await page.getByTestId('stop').click();
}

describe('waiting for feedback', () => {
  it('shows how far the transcription is while a part of the answer is still being transcribed', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(bridge.url);
    await page.getByTestId('start-drill-open-questions').click();
    await speakAndStop(page);

    // While the last part is transcribed: the parts done of all, a progress bar, the time taken.
    const progress = page.getByTestId('segments-done');
    await progress.waitFor({ timeout: 30_000 });
    const [, done, total] = /^(\d+) of (\d+) parts? transcribed$/.exec((await progress.textContent()) ?? '') ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(2);
    expect(Number(done)).toBeLessThan(Number(total));
    expect(await page.getByTestId('transcription-progress').getAttribute('max')).toBe(total);
    expect(await page.getByTestId('elapsed').textContent()).toMatch(/^\d+\.\d s$/);
    await page.screenshot({ path: join(GENERATED, 'screen-waiting-for-feedback.png') });
    expect(await axeViolations(page)).toEqual([]);

    // Then the feedback, with the transcript of every part.
    await page.getByTestId('scores').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('transcript').textContent()).toMatch(/\w+ \w+ \w+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Cancel and type instead" during transcription scores the typed text and keeps the recording', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('start-drill-open-questions').click();
    await speakAndStop(page);

    await page.getByTestId('type-instead').click({ timeout: 30_000 });
    const typed = 'What would a calmer first week be worth to your team leads?';
    await page.getByTestId('typed-answer').fill(typed);
    await page.screenshot({ path: join(GENERATED, 'screen-type-instead.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Still transcribing when the typed answer goes in: it is what gets scored.
    expect(await page.getByTestId('session').getAttribute('data-phase')).toBe('processing');
    await page.getByTestId('submit-typed').click();

    await page.getByTestId('scores').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('transcript').textContent()).toContain('calmer first week');
    // The recording stays with the typed answer: its player is on the result, and it is stored.
    expect(await page.getByTestId('turn-audio').count()).toBe(1);
    expect(await page.getByTestId('turn-error').count()).toBe(0);
    const stored = (await page.evaluate(`(async () => {
      const [latest] = (await window.api.attempts.list({ limit: 1, offset: 0 })).items;
      const turn = (await window.api.attempts.get({ id: latest.id })).turns[0];
      return { text: turn.transcript.text, audio: turn.audioPath, typed: turn.score.delivery.typed };
    })()`)) as { text: string; audio: string | null; typed: boolean };
    expect(stored).toMatchObject({ text: typed, typed: true });
    expect(stored.audio).toMatch(/\.wav$/);
    await page.close();
  });

  it('"Next line" goes on while the answer is scored; its feedback appears above the next line', async () => {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.getByTestId('start-drill-open-questions').click();
    await speakAndStop(page);

    await page.getByTestId('move-on-early').click({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=turn-of]')?.textContent === 'Turn 2 of 3');
    const earlier = page.getByTestId('earlier-answer');
    expect(await earlier.getAttribute('data-step')).toBe('0');
    // The next answer can start at once; the earlier one's score arrives meanwhile.
    await page.locator('[data-testid=record]:enabled').waitFor();
    await page.locator('[data-testid=earlier-answer][data-ready=true]').waitFor({ timeout: 90_000 });
    expect(await earlier.textContent()).toMatch(/^Turn 1: scored \d+\/100/);
    await page.getByTestId('show-earlier').click();
    await earlier.getByTestId('transcript').waitFor();
    await page.screenshot({ path: join(GENERATED, 'screen-earlier-answer.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
