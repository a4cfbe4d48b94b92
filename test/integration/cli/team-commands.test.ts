/**
 * `sparring team ...` as an admin runs it against a real PostgreSQL: init (twice is harmless),
 * add-person prints a URL that logs in as that person, status lists the team, sync pushes this
 * folder's attempts with that URL.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSparring } from '../../support/cli';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';
import { type PostgresCluster, startPostgres } from '../../support/postgres-cluster';
import { seedSpokenAttempt } from '../../support/review-attempt';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

describe('sparring team', () => {
  it('sets up the store, adds people with their own logins, reports the team and syncs a folder', async () => {
    const owner = { ...process.env, SPARRING_TEAM_DATABASE_URL: cluster.ownerUrl };
    const before = runSparring(['team', 'status'], { env: owner });
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/no Sparring team schema yet.*team init/);

    const init = runSparring(['team', 'init'], { env: owner });
    expect(init.stderr).toBe('');
    expect(init.stdout).toMatch(/created at version 2/);
    expect(runSparring(['team', 'init'], { env: owner }).stdout).toMatch(/already at version 2; nothing to do/);

    expect(
      runSparring(['team', 'add-person', '--name', 'Morgan Manager', '--role', 'manager'], { env: owner }).status,
    ).toBe(0);
    const rep = runSparring(
      ['team', 'add-person', '--name', 'Riley Rep', '--role', 'rep', '--manager', 'Morgan Manager'],
      {
        env: owner,
      },
    );
    expect(rep.stdout).toMatch(/Added Riley Rep \(rep\) with the login sp_riley_rep/);
    const url = /(postgres:\/\/\S+)/.exec(rep.stdout)![1]!;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    expect((await c.query('SELECT name FROM sparring.people WHERE uuid = sparring.me()')).rows).toEqual([
      { name: 'Riley Rep' },
    ]);
    await c.end();
    const bad = runSparring(['team', 'add-person', '--name', 'Sam', '--role', 'boss'], { env: owner });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role is one of rep, manager, designer, admin/);
    expect(runSparring(['team', 'add-person', '--name', 'riley rep', '--role', 'rep'], { env: owner }).stderr).toMatch(
      /already a "riley rep"/,
    );

    // Riley's own folder, synced from the command line with Riley's URL.
    const dataDir = tempDir();
    const core = makeCore(dataDir);
    core.people.setUpMe('Riley', ['rep']);
    seedSpokenAttempt(core, { answers: 1, seconds: 2 });
    core.close();
    const sync = runSparring(['team', 'sync'], {
      env: { ...process.env, SPARRING_DATA_DIR: dataDir, SPARRING_TEAM_DATABASE_URL: url },
    });
    expect(sync.stderr).toBe('');
    expect(sync.stdout).toMatch(/Synced as Riley Rep: pushed 1 attempts/);

    const status = runSparring(['team', 'status'], { env: owner });
    expect(status.stdout).toMatch(/rep +Riley Rep \(sp_riley_rep\), managed by Morgan Manager/);
    expect(status.stdout).toMatch(/2 people, 1 attempts, 0\.0 answer-minutes/);
    expect(status.stdout).not.toContain('owner-secret');
  }, 90_000);
});
