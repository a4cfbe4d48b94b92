/**
 * Opening a review: an 8-turn role-play of 90 s answers, on the attempt page in headless Chromium
 * against the browser bridge (the UI the app runs, served by the same core). Each run is a fresh
 * browser context (nothing cached). Every answer is expanded as soon as the page offers it, and the
 * time runs to the first frame in which all 8 waveforms have painted pixels on their canvas, from:
 *  - opening the attempt from within the app (the manager clicks it in the queue: the address
 *    changes, the app is already running), the figure the target is about;
 *  - loading the app on the attempt's address (a reload, a link opened cold): the app's own start
 *    (its code fetched, parsed and run, who is using it) comes first.
 * The attempt is seeded through core: audio made with sox and filed like a recorded answer (peaks
 * written beside it), timed transcripts, scores.
 */
import { chromium, type Page } from 'playwright-core';
import { createCore } from '../src-main/core';
import { startBridgeProcess } from '../test/support/bridge-process';
import buildRenderer from '../test/support/build-renderer';
import { CHROMIUM } from '../test/support/chromium';
import { ROOT, SCENARIOS, tempDir } from '../test/support/paths';
import { seedSpokenAttempt } from '../test/support/review-attempt';

const ANSWERS = 8;
const SECONDS = 90;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Runs in the page before its own scripts. window.__reviewPainted(from) resolves with the time from
 * `from` (a performance.now() instant; 0 is the navigation's start) to the frame after the one in
 * which all 8 waveforms (canvases in wavesurfer's shadow roots) have pixels: that frame's paint.
 * It clicks "Expand all answers" as soon as the page shows it.
 */
const WATCH = `(() => {
  window.__reviewPainted = (from) => new Promise((resolve) => {
    let expanded = false;
    const painted = new Set();
    const frame = () => {
      const expand = document.querySelector('[data-testid=expand-all]');
      if (!expanded && expand && expand.textContent.startsWith('Expand')) {
        expand.click();
        expanded = true;
      }
      const open = document.querySelectorAll('[data-testid=turn-details][open] [data-testid=waveform]');
      open.forEach((w, i) => {
        if (painted.has(i)) return;
        const canvas = w.firstElementChild && w.firstElementChild.shadowRoot
          && w.firstElementChild.shadowRoot.querySelector('canvas');
        if (!canvas || !canvas.width || !canvas.height) return;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let k = 3; k < data.length; k += 4) if (data[k] > 0) { painted.add(i); return; }
      });
      if (painted.size >= ${ANSWERS}) requestAnimationFrame((t) => resolve(t - from));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
})();`;

/**
 * Between runs: a closed context's renderer takes a moment to exit, and on a 2-core machine it would
 * share the cores with the next run's page. Not a readiness signal to wait for: nothing is waiting.
 */
const SETTLE_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Until the page's main thread has had nothing to do for a moment. */
const settled = (page: Page) =>
  page.evaluate('new Promise((done) => requestIdleCallback(() => requestIdleCallback(done), { timeout: 2000 }))');

const summary = (times: number[]) => ({
  median: round(percentile(times, 50)),
  p95: round(percentile(times, 95)),
  min: round(Math.min(...times)),
  max: round(Math.max(...times)),
});

export async function reviewFigures(modelPath: string, runs = Number(process.env.BENCH_REVIEW_RUNS ?? 15)) {
  const dataDir = tempDir('sparring-bench-review-');
  const core = createCore({ dataDir, builtInScenarioDirs: [SCENARIOS], appRoots: [ROOT], modelPath });
  core.people.setUpMe('Riley Rep', ['rep']);
  const attemptId = seedSpokenAttempt(core, { answers: ANSWERS, seconds: SECONDS });
  // A manager reviews: the page as they see it, with the comment forms and review controls.
  core.people.use(core.people.add('Morgan Manager', ['manager']).id);
  core.close();
  buildRenderer();
  const bridge = await startBridgeProcess({ SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: modelPath });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const inApp: number[] = [];
  const cold: number[] = [];
  try {
    for (let i = 0; i < runs + 2; i++) {
      // The first two runs warm the bridge (its first requests compile its code) and are not counted.
      const keep = i >= 2;
      let context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      let page = await context.newPage();
      await page.addInitScript(WATCH);
      // From within the app: the queue is on screen, then the attempt's address is opened.
      await page.goto(`${bridge.url}#/review`);
      await page.getByTestId('queue-tab-to-review').waitFor();
      await settled(page); // a manager reads the queue before opening an attempt
      const opened = (await page.evaluate(
        `(() => { const from = performance.now(); const done = window.__reviewPainted(from);
           location.hash = '#/attempts/${attemptId}'; return done; })()`,
      )) as number;
      if (keep) inApp.push(opened);
      await context.close();
      await sleep(SETTLE_MS);
      // Cold: the app loaded on the attempt's address.
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      await page.addInitScript(WATCH);
      await page.addInitScript('window.__cold = window.__reviewPainted(0)');
      await page.goto(`${bridge.url}#/attempts/${attemptId}`, { waitUntil: 'commit' });
      const loaded = (await page.evaluate('window.__cold')) as number;
      if (keep) cold.push(loaded);
      await context.close();
      await sleep(SETTLE_MS);
    }
  } finally {
    await browser.close();
    await bridge.stop();
  }
  return {
    answers: ANSWERS,
    answer_seconds: SECONDS,
    runs: inApp.length,
    open_from_the_app_to_all_waveforms_painted_ms: summary(inApp),
    cold_load_to_all_waveforms_painted_ms: summary(cold),
    target_ms: 300,
  };
}
