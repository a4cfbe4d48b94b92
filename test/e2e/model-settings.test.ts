/**
 * The first run without a speech model, in Chromium against the real bridge: the app opens
 * Settings, the rep downloads a model from a mirror (served here, slowly enough to see the
 * progress bar; checksummed through the mirror's SHA1SUMS), it becomes the model in use, and
 * answering out loud is available. An unreachable host gives the offline message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { micWav, TINY_MODEL, tempDir } from '../support/paths';

const model = readFileSync(TINY_MODEL);
const dataDir = tempDir('sparring-e2e-settings-');
let mirror: Server;
let browser: Browser;
let bridge: BridgeProcess;

beforeAll(async () => {
  mirror = createServer((req, res) => {
    if (req.url === '/SHA1SUMS')
      return res.end(`${createHash('sha1').update(model).digest('hex')}  ggml-tiny.en.bin\n`);
    if (req.url === '/ggml-base.en.bin') return req.socket.destroy(); // as if the network dropped
    if (req.url !== '/ggml-tiny.en.bin') return res.writeHead(404).end();
    res.writeHead(200, { 'content-length': model.length, 'content-type': 'application/octet-stream' });
    // About 2 s in all, in 1 MB pieces: slow enough for the progress bar to show.
    let offset = 0;
    const next = () => {
      if (offset >= model.length) return res.end();
      res.write(model.subarray(offset, offset + 1_000_000));
      offset += 1_000_000;
      setTimeout(next, Math.max(5, 2000 / (model.length / 1_000_000)));
    };
    next();
  });
  await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  browser = await launchChromium(micWav('open-question'));
  bridge = await startBridgeProcess({
    SPARRING_DATA_DIR: dataDir,
    SPARRING_MODEL: '',
    SPARRING_MODEL_BASE_URL: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`,
  });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  mirror?.closeAllConnections();
  mirror?.close();
});

describe('model settings', () => {
  it(
    'leads a first run to Settings, downloads a model with progress, uses it, and says when the host cannot be ' +
      'reached',
    async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(bridge.url);
      await page.getByTestId('settings').waitFor();
      expect(await page.getByTestId('active-model').textContent()).toContain('no model yet');
      expect(await page.getByTestId('model-banner').isVisible()).toBe(true);
      for (const name of ['tiny.en', 'base.en', 'small.en'])
        expect(await page.getByTestId(`model-${name}`).textContent()).toMatch(/\d+ MB/);

      // The network drops: a clear message, and the rep can try again.
      await page.getByTestId('download-base.en').click();
      await page.getByTestId('download-error').waitFor();
      expect(await page.getByTestId('download-error').textContent()).toMatch(
        /Could not reach .* Check your internet connection and run the download again: it resumes where it stopped/,
      );

      await page.getByTestId('download-tiny.en').click();
      await page.getByTestId('download-progress').waitFor();
      await page.waitForFunction(() =>
        /\(\d+%\)/.test(document.querySelector('[data-testid=download-percent]')?.textContent ?? ''),
      );
      await page
        .getByTestId('settings-notice')
        .getByText('tiny.en is downloaded and its checksum verified.')
        .waitFor({ timeout: 60_000 });
      await page.getByTestId('model-tiny.en').getByText('in use').waitFor();
      expect(await page.getByTestId('active-model').textContent()).toContain(
        join(dataDir, 'models', 'ggml-tiny.en.bin'),
      );
      const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');
      // Compared by hash: a 75 MB diff would not be readable.
      expect(sha1(readFileSync(join(dataDir, 'models', 'ggml-tiny.en.bin')))).toBe(sha1(model));
      expect(existsSync(join(dataDir, 'models', 'ggml-tiny.en.bin.partial'))).toBe(false);
      expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).modelPath).toBe(
        join(dataDir, 'models', 'ggml-tiny.en.bin'),
      );
      await page.getByTestId('model-banner').waitFor({ state: 'detached' });

      // A file that is not a model is refused, and the model in use stays.
      writeFileSync(join(dataDir, 'notes.bin'), 'not a model');
      await page.getByTestId('custom-model-path').fill(join(dataDir, 'notes.bin'));
      await page.getByTestId('use-custom-model').click();
      expect(await page.getByTestId('settings-error').textContent()).toMatch(
        /cannot be used as a speech model: it is not a whisper.cpp \(ggml\) model file/,
      );
      expect(await page.getByTestId('active-model').textContent()).toContain('ggml-tiny.en.bin');

      // Answers can now be spoken: the practice screen offers the microphone, not typing.
      await page.getByRole('button', { name: 'Practice' }).click();
      await page.getByTestId('start-price-objection').click();
      await page.getByTestId('record').waitFor();
      expect(await page.getByTestId('typed-mode').count()).toBe(0);
      expect(errors).toEqual([]);
    },
  );
});
