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
import { feedAnswer } from '../support/answer-audio';
import { speechWav, TINY_MODEL, tempDir } from '../support/paths';
import { paintedPixels } from '../support/waveform';

const dataDir = tempDir('sparring-e2e-queue-');
let browser: Browser;
let bridge: BridgeProcess;
const ids: number[] = [];
let spokenId = 0;
let spokenSeconds = 0;

beforeAll(async () => {
  const core = makeCore(dataDir);
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
  // One spoken answer (real whisper.cpp with the generated model), to pin comments to its moments.
  const { attemptId } = core.practice.start('price-objection');
  const { recordingId } = core.recording.start(attemptId, 0);
  spokenSeconds = feedAnswer(core, recordingId, speechWav('open-question'));
  await core.recording.finish(recordingId);
  spokenId = core.practice.finish(attemptId).id;
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
    expect(await page.getByTestId('queue-tab-to-review').textContent()).toBe('To review 4');
    expect(
      await page
        .getByTestId('history-row')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-attempt')))),
    ).toEqual([...ids, spokenId]);
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
    await page.getByTestId('queue-tab-to-review').getByText('3').waitFor();
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

  it('a manager pins comments to moments of a spoken answer; the rep reads them there and replies', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}#/settings`); // a new tab: the token comes with the address
    await page.getByTestId('people').waitFor();
    // The first test left the rep using the app: the manager takes over.
    await page.locator('[data-testid=person]', { hasText: 'Morgan Manager' }).getByRole('button').click();
    await page.getByTestId('me').getByText('Morgan Manager').waitFor();
    await page.goto(`${bridge.url.replace(/\?.*$/, '')}#/attempts/${spokenId}`);
    const form = page.getByTestId('new-comment');
    await form.waitFor();
    expect(spokenSeconds).toBeGreaterThan(3);
    // A point comment at 3 s, and a range from 1 s to 2.5 s tagged with a criterion.
    await form.getByTestId('comment-at-input').fill('3');
    await form.getByTestId('comment-input').fill('Pause here before you answer.');
    await form.getByTestId('comment-add').click();
    await page.locator('[data-testid=comment][data-at="3"]').waitFor();
    await form.getByTestId('comment-at-input').fill('1');
    await form.getByTestId('comment-end-input').fill('2.5');
    await form.getByRole('combobox').selectOption('acknowledge-objection');
    await form.getByTestId('comment-input').fill('Good acknowledgement.');
    await form.getByTestId('comment-add').click();
    await page.locator('[data-testid=comment][data-at="1"]').waitFor();
    expect(await page.getByTestId('comment-at').allTextContents()).toEqual(['0:01–0:02', '0:03']);
    // Outside the answer: a clear refusal.
    await form.getByTestId('comment-at-input').fill(String(Math.ceil(spokenSeconds) + 5));
    await form.getByTestId('comment-input').fill('Too late');
    await form.getByTestId('comment-add').click();
    expect(await page.getByTestId('comments').getByRole('alert').textContent()).toMatch(/within the answer/);
    expect(await form.getByTestId('comment-input').inputValue()).toBe('Too late'); // kept, to correct
    // Clicking a comment's time moves the answer's playhead there.
    await page
      .getByTestId('turn-audio')
      .evaluate(
        (a: HTMLAudioElement) =>
          new Promise((r) => (a.readyState >= 1 ? r(null) : a.addEventListener('loadedmetadata', r))),
      );
    await page.locator('[data-testid=comment][data-at="3"]').getByTestId('comment-at').click();
    await page.waitForFunction(
      () => Math.abs((document.querySelector('[data-testid=turn-audio]') as HTMLAudioElement).currentTime - 3) < 0.3,
    );
    // The waveform, drawn from the stored peaks: painted pixels, and a region at each evidence span;
    // clicking the acknowledgement's region moves the playhead to its first word.
    const canvas = page.locator('[data-testid=waveform] canvas').first();
    await canvas.waitFor();
    expect(await paintedPixels(canvas)).toBeGreaterThan(200);
    const evidenceAt = Number(
      await page
        .getByTestId('criterion-acknowledge-objection')
        .getByTestId('evidence')
        .first()
        .getAttribute('data-audio-start'),
    );
    await page.getByTestId('turn-audio').evaluate((a: HTMLAudioElement) => (a.currentTime = 4));
    await page.locator('[data-testid=waveform] [part~="evidence-acknowledge-objection-0"]').click();
    await page.waitForFunction(
      (t) => Math.abs((document.querySelector('[data-testid=turn-audio]') as HTMLAudioElement).currentTime - t) < 0.3,
      evidenceAt,
    );
    expect(await page.locator('[data-testid=waveform] [part~="marker"]').count()).toBe(1); // the point comment at 3 s

    // Keys: → jumps 5 s, J back to the previous mark (the comment at 3 s), C opens a comment at the playhead.
    const time = () => page.getByTestId('turn-audio').evaluate((a: HTMLAudioElement) => a.currentTime);
    await page.getByTestId('turn-audio').evaluate((a: HTMLAudioElement) => (a.pause(), (a.currentTime = 0)));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect.poll(time).toBeCloseTo(Math.min(5, spokenSeconds), 1);
    await page.keyboard.press('j');
    await expect.poll(time).toBeCloseTo(3, 1);
    await page.keyboard.press('c');
    expect(await page.getByTestId('comment-at-input').inputValue()).toBe('3.0');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-input');
    await page.getByTestId('speed').selectOption('1.5');
    expect(await page.getByTestId('turn-audio').evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
    expect((await axeViolations(page)).join('\n')).toBe('');

    // The rep sees both comments at their moments, and replies; they cannot add comments of their own.
    await page.getByTestId('me').click();
    await page.locator('[data-testid=person]', { hasText: 'Riley Rep' }).getByRole('button').click();
    await page.getByTestId('me').getByText('Riley Rep').waitFor();
    await page.goto(`${bridge.url.replace(/\?.*$/, '')}#/attempts/${spokenId}`);
    await page.locator('[data-testid=comment][data-at="3"]').waitFor();
    expect(await page.getByTestId('new-comment').count()).toBe(0);
    const at3 = page.locator('[data-testid=comment][data-at="3"]');
    await at3.getByTestId('reply-input').fill('Will do, thanks.');
    await at3.getByRole('button', { name: 'Reply' }).click();
    await at3.getByTestId('reply').getByText('Will do, thanks.').waitFor();
  });
});
