/**
 * The team store against a real PostgreSQL (a throwaway cluster): two reps and a manager on three
 * data folders, a designer publishing a pack. What each login may read is PostgreSQL's policies,
 * checked with hand-written SQL; a push cut by a stopped server or a killed backend leaves nothing
 * half-written there and loses nothing here; pushing twice adds nothing.
 */
import { dayOf } from '../../../src-main/core/practice-plan/calendar';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentials } from '../../../src-main/core/team/team-sync';
import { addTeamPerson, type AddedPerson, setManager } from '../../../src-main/core/team/team-admin';
import { connectTeam } from '../../../src-main/core/team/team-connection';
import { initTeamSchema } from '../../../src-main/core/team/team-schema';
import { type Core, makeCore } from '../../support/core';
import { SCENARIOS, tempDir } from '../../support/paths';
import { type PostgresCluster, startPostgres } from '../../support/postgres-cluster';
import { seedSpokenAttempt } from '../../support/review-attempt';

let cluster: PostgresCluster;
const people: Record<string, AddedPerson> = {};

beforeAll(async () => {
  cluster = await startPostgres();
  const owner = await connectTeam(cluster.ownerUrl, { checkSchema: false });
  await initTeamSchema(owner);
  const add = async (name: string, role: AddedPerson['role'], manager?: string) =>
    (people[name] = await addTeamPerson(owner, cluster.ownerUrl, { name, role, manager }));
  await add('Morgan Manager', 'manager');
  await add('Alex Manager', 'manager');
  await add('Riley Rep', 'rep', 'Morgan Manager');
  await add('Sam Rep', 'rep', 'Morgan Manager');
  await add('Dana Designer', 'designer');
  await owner.end();
}, 60_000);
afterAll(() => cluster?.stop());

const open: Core[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** A person's own computer: a fresh data folder, the URL their admin gave them kept in memory. */
function computer(name: string, options: { connected?: boolean } = {}) {
  const dataDir = tempDir();
  const core = makeCore(dataDir, { teamCredentials: memoryCredentials() });
  open.push(core);
  core.people.setUpMe(name, [people[name]!.role === 'manager' ? 'manager' : 'rep']);
  return { core, dataDir, connect: () => core.team.connect(people[name]!.url), ...options };
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query<T>(text, values);
  } finally {
    await c.end();
  }
}
const INSERT_PART = 'INSERT INTO sparring.review_parts (attempt_uuid, author_uuid, rep_uuid, body, fingerprint)';
const count = async (url: string, table: string) =>
  Number((await sql<{ n: string }>(url, `SELECT count(*) AS n FROM sparring.${table}`)).rows[0]!.n);

describe('team store', () => {
  it('a rep practises offline and pushes later; the manager pulls and reviews; the rep pulls the review', async () => {
    const riley = computer('Riley Rep');
    await riley.connect();
    expect(riley.core.team.status()).toMatchObject({ configured: true, state: 'synced', waiting: 0 });
    expect(riley.core.team.status().person).toEqual({ name: 'Riley Rep', role: 'rep' });

    cluster.pause();
    try {
      const attemptId = seedSpokenAttempt(riley.core, { answers: 2, seconds: 4 });
      await expect(riley.core.team.syncNow()).rejects.toThrow(/cannot be reached|did not answer/);
      expect(riley.core.team.status()).toMatchObject({ state: 'offline', waiting: 1 });
      // Practice never waited on the store: the attempt is whole here.
      expect(riley.core.history.get(attemptId).status).toBe('complete');
    } finally {
      cluster.start();
    }
    const pushed = await riley.core.team.syncNow();
    expect(pushed.pushedAttempts).toBe(1);
    expect(riley.core.team.status()).toMatchObject({ state: 'synced', waiting: 0 });
    expect(await count(cluster.ownerUrl, 'attempts')).toBe(1);

    const morgan = computer('Morgan Manager');
    await morgan.connect();
    const queue = morgan.core.history.list({ review: 'to-review', limit: 20, offset: 0 });
    expect(queue.items.map((a) => a.rep)).toEqual(['Riley Rep']);
    const id = queue.items[0]!.id;
    // The audio comes when someone listens: Opus from the store, decoded, with its waveform.
    const attempt = morgan.core.history.get(id);
    expect(existsSync(join(morgan.dataDir, attempt.turns[0]!.audioPath!))).toBe(false);
    expect(await morgan.core.team.ensureAudio(id)).toBe(2);
    expect(existsSync(join(morgan.dataDir, attempt.turns[0]!.audioPath!))).toBe(true);
    const peaks = morgan.core.history.attemptPeaks(id);
    expect(Object.keys(peaks)).toHaveLength(2);
    expect(await morgan.core.team.ensureAudio(id)).toBe(0);

    const turn = attempt.turns[0]!;
    const criterion = turn.score!.criteria[0]!;
    morgan.core.comments.add({ attemptId: id, turnId: turn.id, atSeconds: 1.5, body: 'Slow down here.' });
    morgan.core.review.overrideScore(turn.id, criterion.id, 90, 'She named the cost clearly.');
    morgan.core.review.setStatus(id, 'reviewed', 'Good work');
    const reviewed = await morgan.core.team.syncNow();
    expect(reviewed.pushedReviews).toBe(1);
    expect((await morgan.core.team.syncNow()).pushedReviews).toBe(0);

    const back = await riley.core.team.syncNow();
    expect(back.pulledReviews).toBe(1);
    const mine = riley.core.history.list({ limit: 10, offset: 0 }).items[0]!;
    const detail = riley.core.history.get(mine.id);
    expect(detail.review).toMatchObject({ status: 'reviewed', reviewer: 'Morgan Manager' });
    expect(detail.turns[0]!.score!.criteria.find((c) => c.id === criterion.id)!.override).toMatchObject({
      score: 90,
      author: 'Morgan Manager',
    });
    expect(riley.core.comments.list(mine.id).map((c) => [c.author, c.body])).toEqual([
      ['Morgan Manager', 'Slow down here.'],
    ]);

    // Morgan takes it all back: removals travel too.
    morgan.core.review.removeOverride(turn.id, criterion.id);
    morgan.core.comments.remove(morgan.core.comments.list(id)[0]!.id);
    morgan.core.review.setStatus(id, 'to-review');
    expect((await morgan.core.team.syncNow()).pushedReviews).toBe(1);
    await riley.core.team.syncNow();
    const after = riley.core.history.get(mine.id);
    expect(after.review).toBeNull();
    expect(after.turns[0]!.score!.criteria.find((c) => c.id === criterion.id)!.override).toBeFalsy();
    expect(riley.core.comments.list(mine.id)).toEqual([]);
  }, 60_000);

  it('an assignment made by the manager reaches the rep, is done, and the manager sees it done', async () => {
    const morgan = computer('Morgan Manager');
    await morgan.connect();
    const riley = computer('Riley Rep');
    await riley.connect();
    await morgan.core.team.syncNow(); // Riley is known on Morgan's computer from the store
    const rileyHere = morgan.core.people.list().find((p) => p.name === 'Riley Rep')!;
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    morgan.core.assignments.assign({
      scenarioId: 'drill-next-step',
      repIds: [rileyHere.id],
      dueOn: due,
      note: 'Before Friday',
    });
    expect((await morgan.core.team.syncNow()).pushedAssignments).toBe(1);
    expect((await morgan.core.team.syncNow()).pushedAssignments).toBe(0);
    // Another rep's login cannot see it, nor write one.
    expect(await count(people['Sam Rep']!.url, 'assignments')).toBe(0);
    await expect(
      sql(
        people['Sam Rep']!.url,
        'INSERT INTO sparring.assignments (uuid, manager_uuid, rep_uuid, body) ' +
          "VALUES (gen_random_uuid(), $1, $2, '{}')",
        [people['Sam Rep']!.uuid, people['Riley Rep']!.uuid],
      ),
    ).rejects.toThrow(/permission denied/);

    expect((await riley.core.team.syncNow()).pulledAssignments).toBe(1);
    const mine = riley.core.assignments.mine();
    expect(mine.map((a) => [a.scenarioId, a.status, a.manager, a.note])).toEqual([
      ['drill-next-step', 'open', 'Morgan Manager', 'Before Friday'],
    ]);
    const { attemptId } = riley.core.practice.start('drill-next-step');
    riley.core.practice.submitTyped(attemptId, 0, 'Could we book thirty minutes on Thursday at 2pm?');
    riley.core.practice.finish(attemptId);
    expect(riley.core.assignments.mine()[0]!.status).toBe('done');
    await riley.core.team.syncNow();
    await morgan.core.team.syncNow();
    const given = morgan.core.assignments.given();
    expect(given.map((a) => [a.rep, a.status])).toEqual([['Riley Rep', 'done']]);
    // The dashboard counts it, with the attempt that did it.
    const rileyRow = morgan.core.dashboard.team().reps.find((r) => r.name === 'Riley Rep')!;
    expect(rileyRow.assignments).toEqual({ done: 1, overdue: 0, open: 0 });
    expect(rileyRow.attempts).toBeGreaterThanOrEqual(1);
    expect(rileyRow.lastPractised).toBe(dayOf(new Date()));
    // Cancelled by the manager: gone from the rep's list after the next sync.
    morgan.core.assignments.assign({ scenarioId: 'drill-open-questions', repIds: [rileyHere.id], dueOn: due });
    await morgan.core.team.syncNow();
    await riley.core.team.syncNow();
    expect(riley.core.assignments.mine().filter((a) => a.status === 'open')).toHaveLength(1);
    morgan.core.assignments.cancel(morgan.core.assignments.given().find((a) => a.status === 'open')!.id);
    await morgan.core.team.syncNow();
    await riley.core.team.syncNow();
    expect(riley.core.assignments.mine().filter((a) => a.status === 'open')).toEqual([]);
  }, 60_000);

  it('what each login reads and writes is decided by PostgreSQL, whatever SQL it runs', async () => {
    const riley = computer('Riley Rep');
    await riley.connect();
    seedSpokenAttempt(riley.core, { answers: 1, seconds: 2 });
    await riley.core.team.syncNow();
    const rileyUuid = people['Riley Rep']!.uuid;
    const ownerSees = await count(cluster.ownerUrl, 'attempts');
    expect(ownerSees).toBeGreaterThan(0);

    // Another rep sees no one else's attempts, audio or reviews, even asking by hand.
    for (const table of ['attempts', 'audio', 'review_parts'])
      expect(await count(people['Sam Rep']!.url, table), table).toBe(0);
    // A manager reads their own reps' attempts only.
    expect(await count(people['Morgan Manager']!.url, 'attempts')).toBe(ownerSees);
    expect(await count(people['Alex Manager']!.url, 'attempts')).toBe(0);
    // Nobody writes as someone else, or rewrites a finished attempt.
    await expect(
      sql(
        people['Sam Rep']!.url,
        "INSERT INTO sparring.attempts (uuid, rep_uuid, body) VALUES (gen_random_uuid(), $1, '{}')",
        [rileyUuid],
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(sql(people['Riley Rep']!.url, "UPDATE sparring.attempts SET body = '{}'")).rejects.toThrow(
      /permission denied/,
    );
    // A rep cannot review (or certify) their own attempt, even writing the row by hand.
    const uuid = (await sql<{ uuid: string }>(people['Riley Rep']!.url, 'SELECT uuid FROM sparring.attempts LIMIT 1'))
      .rows[0]!.uuid;
    const verdict = { review: { status: 'reviewed' }, overrides: [], plan: null, comments: [] };
    await expect(
      sql(people['Riley Rep']!.url, `${INSERT_PART} VALUES ($1, $2, $2, $3, 'x')`, [
        uuid,
        rileyUuid,
        JSON.stringify(verdict),
      ]),
    ).rejects.toThrow(/row-level security/);
    // Nor move a review part they wrote onto another rep's attempt (only its body may change).
    await expect(
      sql(people['Riley Rep']!.url, 'UPDATE sparring.review_parts SET rep_uuid = $1', [people['Sam Rep']!.uuid]),
    ).rejects.toThrow(/permission denied/);
    // A login of another team's database on the same server cannot even connect to this one.
    const other = new URL(cluster.ownerUrl);
    other.pathname = '/other_team';
    await sql(cluster.ownerUrl, 'CREATE DATABASE other_team');
    const otherOwner = await connectTeam(other.toString(), { checkSchema: false });
    await initTeamSchema(otherOwner);
    const stranger = await addTeamPerson(otherOwner, other.toString(), { name: 'Stranger Rep', role: 'rep' });
    await otherOwner.end();
    const intoOurs = new URL(stranger.url);
    intoOurs.pathname = new URL(cluster.ownerUrl).pathname;
    await expect(sql(intoOurs.toString(), 'SELECT count(*) FROM sparring.people')).rejects.toThrow(
      /permission denied for database/,
    );
    // Alex, not Riley's manager, cannot review Riley either.
    await expect(
      sql(people['Alex Manager']!.url, `${INSERT_PART} VALUES ($1, $2, $3, $4, 'x')`, [
        uuid,
        people['Alex Manager']!.uuid,
        rileyUuid,
        JSON.stringify(verdict),
      ]),
    ).rejects.toThrow(/row-level security/);
  }, 60_000);

  it("a rep's forged rows are set aside with their reasons; the manager's sync goes on", async () => {
    const riley = computer('Riley Rep');
    await riley.connect();
    seedSpokenAttempt(riley.core, { answers: 1, seconds: 2.5 });
    await riley.core.team.syncNow();
    const rileyUrl = people['Riley Rep']!.url;
    const body = (await sql<{ body: Record<string, unknown> }>(rileyUrl, 'SELECT body FROM sparring.attempts LIMIT 1'))
      .rows[0]!.body;
    const forge = (uuid: string, json: unknown) =>
      sql(rileyUrl, 'INSERT INTO sparring.attempts (uuid, rep_uuid, body) VALUES ($1, $2, $3)', [
        uuid,
        people['Riley Rep']!.uuid,
        JSON.stringify(json),
      ]);
    // An attempt "by Sam" inside Riley's own row, a body that is not an attempt, an attempt whose
    // score does not follow from its words; and then one honest attempt.
    await forge('00000000-0000-4000-8000-000000000001', {
      ...body,
      uuid: '00000000-0000-4000-8000-000000000001',
      repUuid: people['Sam Rep']!.uuid,
    });
    // The store itself refuses what is not an object (a row no pull could read back).
    await expect(forge('00000000-0000-4000-8000-000000000009', 'not an attempt')).rejects.toThrow(/check constraint/);
    await forge('00000000-0000-4000-8000-000000000002', { turns: 'none' });
    const turns = (body.turns as { score: { criteria: { checks: { passed: boolean | null }[] }[] } }[]).map((t) => ({
      ...t,
      score: {
        ...t.score,
        criteria: t.score.criteria.map((c) => ({ ...c, checks: c.checks.map((k) => ({ ...k, passed: true })) })),
      },
    }));
    await forge('00000000-0000-4000-8000-000000000003', {
      ...body,
      uuid: '00000000-0000-4000-8000-000000000003',
      turns,
    });
    seedSpokenAttempt(riley.core, { answers: 1, seconds: 2.7 });
    await riley.core.team.syncNow();

    const morgan = computer('Morgan Manager');
    await morgan.connect();
    const status = morgan.core.team.status();
    expect(status).toMatchObject({ state: 'synced', refused: 3 });
    const reasons = (
      morgan.core.storage.db.prepare('SELECT uuid, reasons FROM team_refused ORDER BY uuid').all() as {
        uuid: string;
        reasons: string;
      }[]
    ).map((r) => `${r.uuid.slice(-1)} ${r.reasons}`);
    expect(reasons[0]).toMatch(/^1 it names another rep/);
    expect(reasons[1]).toMatch(/^2 (uuid|turns|repUuid)/);
    expect(reasons[2]).toMatch(/^3 .*does not follow from the transcript/);
    // Everything honest landed, and nothing is Sam's.
    const reps = morgan.core.history.list({ limit: 50, offset: 0 }).items.map((a) => a.rep);
    expect(reps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(reps)).toEqual(new Set(['Riley Rep']));
  }, 60_000);

  for (const fault of ['server stopped', 'backend terminated'] as const) {
    it(`a push cut mid-upload (${fault}) leaves no partial attempt there and loses nothing here`, async () => {
      const sam = computer('Sam Rep');
      await sam.connect();
      // Different lengths: the same recording twice would be stored once (audio is named by its hash).
      const attemptId = seedSpokenAttempt(sam.core, { answers: 3, seconds: fault === 'server stopped' ? 3 : 3.5 });
      const before = {
        attempts: await count(cluster.ownerUrl, 'attempts'),
        audio: await count(cluster.ownerUrl, 'audio'),
      };
      // Hold the lock the attempt row's change number is taken under: the push uploads the audio,
      // then waits at the attempt row, inside its transaction, until the fault strikes.
      const holder = new pg.Client({ connectionString: cluster.ownerUrl });
      await holder.connect();
      holder.on('error', () => undefined);
      await holder.query("SELECT pg_advisory_lock(hashtext('sparring.change_seq'))");
      const push = sam.core.team.syncNow().then(
        () => null,
        (e: Error) => e,
      );
      await waitFor(async () => {
        const r = await sql<{ n: string }>(
          cluster.ownerUrl,
          "SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'",
          [people['Sam Rep']!.login],
        );
        return Number(r.rows[0]!.n) > 0;
      });
      if (fault === 'server stopped') {
        cluster.pause();
        cluster.start();
      } else {
        await cluster.terminate(people['Sam Rep']!.login);
        await holder.end();
      }
      expect(await push).toBeInstanceOf(Error);
      await holder.end().catch(() => undefined);
      expect(await count(cluster.ownerUrl, 'attempts')).toBe(before.attempts);
      expect(await count(cluster.ownerUrl, 'audio')).toBe(before.audio);
      expect(sam.core.team.status().waiting).toBe(1);
      const detail = sam.core.history.get(attemptId);
      for (const t of detail.turns) expect(existsSync(join(sam.dataDir, t.audioPath!))).toBe(true);

      const again = await sam.core.team.syncNow();
      expect(again.pushedAttempts).toBe(1);
      expect(await count(cluster.ownerUrl, 'attempts')).toBe(before.attempts + 1);
      expect(await count(cluster.ownerUrl, 'audio')).toBe(before.audio + 3);
    }, 60_000);
  }

  it("a manager's own practice stays on their computer and never stops their sync", async () => {
    const alex = computer('Alex Manager');
    seedSpokenAttempt(alex.core, { answers: 1, seconds: 2 });
    await alex.connect();
    expect(alex.core.team.status()).toMatchObject({ state: 'synced', waiting: 0 });
    expect((await alex.core.team.syncNow()).pushedAttempts).toBe(0);
  }, 60_000);

  it('connected to another store, the cursors start over and what was pushed is pushed there', async () => {
    const sam = computer('Sam Rep');
    await sam.connect();
    seedSpokenAttempt(sam.core, { answers: 1, seconds: 1.7 });
    await sam.core.team.syncNow();
    const state = (key: string) =>
      (sam.core.storage.db.prepare('SELECT value FROM team_state WHERE key = ?').get(key) as { value: string }).value;
    const cursor = Number(state('cursor_attempts'));
    expect(cursor).toBeGreaterThan(0);
    // The same URL now names another store (a trial database replaced by the real one).
    await sql(cluster.ownerUrl, 'UPDATE sparring.schema_version SET store_id = gen_random_uuid()');
    const pushedBefore = (sam.core.storage.db.prepare('SELECT count(*) AS n FROM team_pushed').get() as { n: number })
      .n;
    expect(pushedBefore).toBeGreaterThan(0);
    const report = await sam.core.team.syncNow();
    // Everything of Sam's was offered again (the store already had it: nothing added) and pulled again from 0.
    expect(report.pushedAttempts).toBe(0);
    expect(Number(state('cursor_attempts'))).toBe(cursor);
    expect(state('store_id')).toBe(
      (await sql<{ id: string }>(cluster.ownerUrl, 'SELECT store_id::text AS id FROM sparring.schema_version')).rows[0]!
        .id,
    );
  }, 60_000);

  it('pushing the same attempt twice adds nothing', async () => {
    const sam = computer('Sam Rep');
    await sam.connect();
    seedSpokenAttempt(sam.core, { answers: 1, seconds: 2 });
    expect((await sam.core.team.syncNow()).pushedAttempts).toBe(1);
    const seqBefore = await sql<{ m: string }>(cluster.ownerUrl, 'SELECT max(seq) AS m FROM sparring.attempts');
    const counts = [await count(cluster.ownerUrl, 'attempts'), await count(cluster.ownerUrl, 'audio')];
    // The acknowledgement lost (a crash right after the commit): the attempt is pushed again.
    sam.core.storage.db.prepare("DELETE FROM team_pushed WHERE kind = 'attempt'").run();
    expect(sam.core.team.status().waiting).toBeGreaterThan(0);
    expect((await sam.core.team.syncNow()).pushedAttempts).toBe(0);
    expect([await count(cluster.ownerUrl, 'attempts'), await count(cluster.ownerUrl, 'audio')]).toEqual(counts);
    expect((await sql<{ m: string }>(cluster.ownerUrl, 'SELECT max(seq) AS m FROM sparring.attempts')).rows).toEqual(
      seqBefore.rows,
    );
    expect(sam.core.team.status().waiting).toBe(0);
  }, 60_000);

  it('a pack published by a designer reaches both reps, and its next version replaces it', async () => {
    const dana = computer('Dana Designer');
    await dana.connect();
    const pack = join(dana.dataDir, 'scenarios', 'team-drills');
    mkdirSync(pack, { recursive: true });
    const source = readFileSync(join(SCENARIOS, 'starter/price-objection.yaml'), 'utf8');
    const drill = (title: string) =>
      source.replace(/^id: .*$/m, 'id: team-price-drill').replace(/^title: .*$/m, `title: ${title}`);
    writeFileSync(join(pack, 'drill.yaml'), drill('Team price drill'));
    expect(await dana.core.team.publishPack('team-drills')).toEqual({ pack: 'team-drills', version: 1 });

    const reps = [computer('Riley Rep'), computer('Sam Rep')];
    for (const rep of reps) {
      await rep.connect();
      expect(rep.core.catalog.find('team-price-drill').scenario.title).toBe('Team price drill');
    }
    writeFileSync(join(pack, 'drill.yaml'), drill('Team price drill, second edition'));
    expect((await dana.core.team.publishPack('team-drills')).version).toBe(2);
    for (const rep of reps) {
      expect((await rep.core.team.syncNow()).pulledPacks).toBe(1);
      expect(rep.core.catalog.find('team-price-drill').scenario.title).toBe('Team price drill, second edition');
    }
    // Only designers publish.
    await expect(reps[0]!.core.team.publishPack('team-drills')).rejects.toThrow(/designer/);
  }, 60_000);

  it("a rep moved to another manager: the new manager's next sync brings their earlier attempts", async () => {
    const sam = computer('Sam Rep');
    await sam.connect();
    seedSpokenAttempt(sam.core, { answers: 1, seconds: 2.2 });
    await sam.core.team.syncNow();
    const samsInStore = Number(
      (
        await sql<{ n: string }>(cluster.ownerUrl, 'SELECT count(*) AS n FROM sparring.attempts WHERE rep_uuid = $1', [
          people['Sam Rep']!.uuid,
        ])
      ).rows[0]!.n,
    );
    const alex = computer('Alex Manager');
    await alex.connect();
    expect(alex.core.history.list({ limit: 50, offset: 0 }).total).toBe(0);
    // Sam's attempts were numbered long before Alex's cursor: only the move brings them.
    await alex.core.team.syncNow();
    const owner = await connectTeam(cluster.ownerUrl);
    try {
      await setManager(owner, 'Sam Rep', 'Alex Manager');
      const moved = await alex.core.team.syncNow();
      expect(moved.pulledAttempts).toBe(samsInStore);
      expect(new Set(alex.core.history.list({ limit: 100, offset: 0 }).items.map((a) => a.rep))).toEqual(
        new Set(['Sam Rep']),
      );
      expect((await alex.core.team.syncNow()).pulledAttempts).toBe(0);
    } finally {
      await setManager(owner, 'Sam Rep', 'Morgan Manager');
      await owner.end();
    }
  }, 60_000);

  it('says which way a connection failed, and keeps nothing', async () => {
    const riley = computer('Riley Rep');
    const url = new URL(people['Riley Rep']!.url);
    url.password = 'wrong';
    await expect(riley.core.team.connect(url.toString())).rejects.toThrow(/refused the password/);
    url.port = String(cluster.port + 1);
    await expect(riley.core.team.connect(url.toString())).rejects.toThrow(/cannot be reached/);
    await expect(riley.core.team.connect('http://example.com')).rejects.toThrow(/postgres:\/\//);
    const noSchema = new URL(cluster.ownerUrl);
    noSchema.pathname = '/postgres';
    await expect(riley.core.team.connect(noSchema.toString())).rejects.toThrow(/team init/);
    // A store a newer Sparring migrated: refused by the app, and by `team init` (nothing changed).
    await sql(cluster.ownerUrl, 'UPDATE sparring.schema_version SET version = version + 1');
    try {
      await expect(riley.core.team.connect(people['Riley Rep']!.url)).rejects.toThrow(/newer version of Sparring/);
      const owner = await connectTeam(cluster.ownerUrl, { checkSchema: false });
      await expect(initTeamSchema(owner)).rejects.toThrow(/newer version of Sparring/);
      await owner.end();
    } finally {
      await sql(cluster.ownerUrl, 'UPDATE sparring.schema_version SET version = version - 1');
    }
    expect(riley.core.team.status()).toMatchObject({ configured: false, state: 'off' });
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
