/**
 * Settings → Team in Chromium against a real PostgreSQL: a wrong password is reported plainly and
 * nothing is kept; the right URL connects, the header says where the sync stands, a finished
 * attempt waits, "Sync now" sends it and the store has it. Real bridge, real server.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTeamPerson, type AddedPerson } from '../../src-main/core/team/team-admin';
import { connectTeam } from '../../src-main/core/team/team-connection';
import { initTeamSchema } from '../../src-main/core/team/team-schema';
import { memoryCredentials } from '../../src-main/core/team/team-sync';
import { axeViolations } from '../support/axe';
import { type BridgeProcess, startBridgeProcess } from '../support/bridge-process';
import { launchChromium } from '../support/chromium';
import { makeCore } from '../support/core';
import { SCENARIOS, tempDir } from '../support/paths';
import { type PostgresCluster, startPostgres } from '../support/postgres-cluster';
import { seedSpokenAttempt } from '../support/review-attempt';
import { paintedPixels } from '../support/waveform';

let cluster: PostgresCluster;
let riley: AddedPerson;
let morgan: AddedPerson;
let browser: Browser;
let bridge: BridgeProcess;
let page: Page;

beforeAll(async () => {
  cluster = await startPostgres();
  const owner = await connectTeam(cluster.ownerUrl, { checkSchema: false });
  await initTeamSchema(owner);
  morgan = await addTeamPerson(owner, cluster.ownerUrl, { name: 'Morgan Manager', role: 'manager' });
  riley = await addTeamPerson(owner, cluster.ownerUrl, { name: 'Riley Rep', role: 'rep', manager: 'Morgan Manager' });
  await owner.end();
  bridge = await startBridgeProcess({ SPARRING_DATA_DIR: tempDir('sparring-e2e-team-') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('sparring.modelSetupOffered', '1'));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  cluster?.stop();
});

async function storedAttempts(): Promise<number> {
  const c = new pg.Client({ connectionString: cluster.ownerUrl });
  await c.connect();
  const n = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM sparring.attempts')).rows[0]!.n);
  await c.end();
  return n;
}

describe('Settings → Team', () => {
  it('reports a wrong password, connects with the right URL, shows and runs the sync', async () => {
    await page.goto(`${bridge.url}#/settings`);
    const team = page.getByTestId('team-settings');
    await team.waitFor();
    await team.getByText(/nothing leaves this computer/).waitFor();
    expect(await page.getByTestId('sync-badge').count()).toBe(0);

    const wrong = new URL(riley.url);
    wrong.password = 'not-the-password';
    await page.getByTestId('team-url').fill(wrong.toString());
    await page.getByTestId('team-connect').click();
    const error = page.getByTestId('team-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/refused the password for this login/);
    expect(await page.getByTestId('team-connect').isVisible()).toBe(true);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/team-wrong-password.png', fullPage: true });

    await page.getByTestId('team-url').fill(riley.url);
    await page.getByTestId('team-connect').click();
    await page.getByTestId('team-person').waitFor();
    expect(await page.getByTestId('team-person').textContent()).toBe('Riley Rep (rep)');
    expect(await page.getByTestId('team-store-url').textContent()).not.toContain(riley.password);
    await page
      .getByTestId('sync-badge')
      .getByText(/synced just now/)
      .waitFor();
    expect(await page.getByTestId('me').textContent()).toBe('Riley Rep');

    // A typed role-play finished: it waits, then "Sync now" sends it.
    await page.evaluate(async () => {
      const api = (window as unknown as { api: import('../../src-main/api/contract').SparringApi }).api;
      const { attemptId } = await api.attempts.start({ scenarioId: 'drill-next-step' });
      await api.turns.submitTyped({ attemptId, step: 0, text: 'Could we book Thursday at 2pm to agree the rollout?' });
      await api.attempts.finish({ attemptId });
    });
    await page.reload();
    await page.getByTestId('sync-badge').getByText('1 waiting').waitFor();
    await page.getByTestId('team-sync-now').click();
    await page
      .getByTestId('sync-badge')
      .getByText(/synced just now/)
      .waitFor();
    expect(await storedAttempts()).toBe(1);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.screenshot({ path: '/tmp/team-connected.png', fullPage: true });

    // The store goes away: the header says offline, practice is untouched.
    cluster.pause();
    try {
      await page.getByTestId('team-sync-now').click();
      await page.getByTestId('sync-badge').getByText('offline').waitFor();
      expect(await page.getByTestId('team-sync-message').textContent()).toMatch(/cannot be reached|did not answer/);
      await page.screenshot({ path: '/tmp/team-offline.png', fullPage: true });
    } finally {
      cluster.start();
    }
  }, 90_000);

  it("the manager's queue shows a rep's pulled attempt; its waveform plays from the fetched copy", async () => {
    // Riley's laptop: a spoken attempt, pushed (audio as Opus).
    const laptop = makeCore(tempDir('sparring-e2e-team-laptop-'), { teamCredentials: memoryCredentials() });
    laptop.people.setUpMe('Riley Rep', ['rep']);
    seedSpokenAttempt(laptop, { answers: 2, seconds: 6 });
    await laptop.team.connect(riley.url);
    laptop.close();

    // Morgan's desk: the bridge with Morgan's URL in the environment syncs on start.
    const manager = await startBridgeProcess(
      { SPARRING_DATA_DIR: tempDir('sparring-e2e-team-manager-'), SPARRING_TEAM_DATABASE_URL: morgan.url },
      { person: { name: 'Morgan Manager', roles: ['manager'] } },
    );
    try {
      const desk = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await desk.addInitScript(() => localStorage.setItem('sparring.modelSetupOffered', '1'));
      await desk.goto(`${manager.url}#/review`);
      await desk
        .getByTestId('sync-badge')
        .getByText(/synced/)
        .waitFor();
      await desk.reload();
      const rows = desk.getByTestId('history-row');
      await rows.first().waitFor();
      expect(await rows.first().textContent()).toContain('Riley Rep');
      await rows.filter({ hasText: 'too expensive' }).first().click();
      await desk.getByTestId('attempt-page').waitFor();
      const canvas = desk.locator('[data-testid=waveform] canvas').first();
      await canvas.waitFor();
      await expect.poll(() => paintedPixels(canvas)).toBeGreaterThan(200);
      expect((await axeViolations(desk)).join('\n')).toBe('');
      await desk.screenshot({ path: '/tmp/team-manager-review.png' });
    } finally {
      await manager.stop();
    }
  }, 90_000);

  it('a designer publishes a pack from the designer; a rep gets it on their next sync', async () => {
    const owner = await connectTeam(cluster.ownerUrl);
    const dana = await addTeamPerson(owner, cluster.ownerUrl, { name: 'Dana Designer', role: 'designer' });
    await owner.end();
    const dataDir = tempDir('sparring-e2e-team-designer-');
    const pack = join(dataDir, 'scenarios', 'team-drills');
    mkdirSync(pack, { recursive: true });
    const source = readFileSync(join(SCENARIOS, 'starter/price-objection.yaml'), 'utf8');
    writeFileSync(
      join(pack, 'drill.yaml'),
      source.replace(/^id: .*$/m, 'id: team-price-drill').replace(/^title: .*$/m, 'title: Team price drill'),
    );
    const designer = await startBridgeProcess(
      { SPARRING_DATA_DIR: dataDir, SPARRING_TEAM_DATABASE_URL: dana.url },
      { person: { name: 'Dana Designer', roles: ['designer'] } },
    );
    try {
      const desk = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await desk.addInitScript(() => localStorage.setItem('sparring.modelSetupOffered', '1'));
      await desk.goto(`${designer.url}#/scenarios`);
      await desk.getByTestId('designer').waitFor();
      await desk.screenshot({ path: '/tmp/team-designer.png' });
      await desk.getByTestId('publish-team-drills').click();
      await desk.getByTestId('toast').getByText('Published team-drills as version 1').waitFor();
      expect((await axeViolations(desk)).join('\n')).toBe('');
    } finally {
      await designer.stop();
    }
    // Riley (connected in the first test, same bridge) syncs and can practise it.
    await page.goto(`${bridge.url}#/settings`);
    await page.getByTestId('team-sync-now').click();
    await page
      .getByTestId('toast')
      .getByText(/1 pack\./)
      .waitFor();
    await page.goto(`${bridge.url}#/practice`);
    await page.getByText('Team price drill').first().waitFor();
  }, 90_000);
});
