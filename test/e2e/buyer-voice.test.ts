/**
 * The buyer's voice and a spoken answer, end to end in Chromium: a scenario that ships an audio
 * clip for its first line (made with espeak-ng at test time), played before the rep may answer;
 * replay; then an answer from the fake microphone with the meter moving, stopped by the silence
 * after it, transcribed by whisper.cpp and scored.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { micWav, SCENARIOS, TINY_MODEL, tempDir } from '../support/paths';
import { makeSpeechWav } from '../support/speech';

const dataDir = tempDir('sparring-e2e-voice-');
let browser: Browser;
let bridge: BridgeProcess;

beforeAll(async () => {
  const pack = join(dataDir, 'scenarios', 'voiced');
  mkdirSync(join(pack, 'clips'), { recursive: true });
  makeSpeechWav('Things are fine, really.', join(pack, 'clips', 'fine.wav'));
  const yaml = readFileSync(join(SCENARIOS, 'drills', 'open-questions.yaml'), 'utf8')
    .replace('id: drill-open-questions', 'id: voiced-drill')
    .replace(/^title: .*$/m, 'title: Voiced drill')
    .replace('buyer: "Things are fine, really."', 'buyer: "Things are fine, really."\n    audio: clips/fine.wav');
  writeFileSync(join(pack, 'voiced-drill.yaml'), yaml);
  browser = await launchChromium(micWav('open-question'));
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

describe("the buyer's voice and a spoken answer", () => {
  it(
    'plays the scenario clip before the rep can answer, replays it, then records, auto-stops, transcribes and ' +
      'scores',
    async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Count the clip's requests: the line is fetched from the bridge's media route.
      const clipRequests: string[] = [];
      page.on('request', (r) => r.url().includes('/media/scenario-clip/') && clipRequests.push(r.url()));
      await page.goto(bridge.url);
      await page.getByTestId('start-voiced-drill').click();

      const line = page.getByTestId('buyer-line');
      await line.waitFor();
      expect(await line.textContent()).toContain('Things are fine, really.'); // the text is always shown
      // While the clip plays the rep cannot start (but may skip); once it ended, they can.
      expect(await line.getAttribute('data-voice')).toBe('speaking');
      expect(await page.getByTestId('record').isDisabled()).toBe(true);
      await page.getByTestId('skip-line').waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=buyer-line]')?.getAttribute('data-voice') === 'clip',
        null,
        { timeout: 20_000 },
      );
      await page.locator('[data-testid=record]:enabled').waitFor();
      expect(clipRequests.length).toBeGreaterThanOrEqual(1);
      expect(clipRequests[0]).toMatch(/\/media\/scenario-clip\/voiced-drill\/fine\?token=/);

      expect(await line.getAttribute('data-plays')).toBe('1');

      // Replay plays the clip to its end again.
      await page.getByTestId('replay-line').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=buyer-line]')?.getAttribute('data-plays') === '2',
        null,
        { timeout: 20_000 },
      );
      expect(await line.getAttribute('data-voice')).toBe('clip');

      // Answer: tap Space, speak (the fake microphone), and let the silence after it stop the recording.
      await page.locator('[data-testid=record]:enabled').waitFor();
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid=level-meter]')?.getAttribute('data-level')) > 20,
      );
      await page.locator('[data-testid=scores], [data-testid=turn-error]').first().waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('turn-error').count()).toBe(0);
      expect(await page.getByTestId('transcript').textContent()).toMatch(/\w+ \w+ \w+/);
      expect(await page.getByTestId('criterion-open-question').getByTestId('criterion-score').textContent()).toMatch(
        /^\d+$/,
      );
      expect(errors).toEqual([]);
    },
  );
});
