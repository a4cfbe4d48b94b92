/**
 * The team store at scale, against a throwaway PostgreSQL: 100,000 attempts by 50 reps (5
 * managers of 10), each a real pushed attempt's body (two spoken answers, scores with evidence).
 * Measured: one manager's initial pull of their team (20,000 attempts, checked and re-scored like
 * an imported file, written to the local SQLite), an incremental pull of 100 new attempts, one
 * rep's push of an 8-turn attempt (Opus encoding included), the stored bytes per answer-minute,
 * and the manager's review queue on the local replica.
 */
import { createCore } from '../src-main/core';
import { addTeamPerson, type AddedPerson } from '../src-main/core/team/team-admin';
import { connectTeam } from '../src-main/core/team/team-connection';
import { initTeamSchema } from '../src-main/core/team/team-schema';
import { memoryCredentials } from '../src-main/core/team/team-sync';
import { ROOT, SCENARIOS, tempDir } from '../test/support/paths';
import { startPostgres } from '../test/support/postgres-cluster';
import { seedSpokenAttempt } from '../test/support/review-attempt';
import { time } from './queue';

const round = (n: number) => Math.round(n * 100) / 100;
const log = (m: string) => process.stderr.write(`[bench team] ${m}\n`);

export async function teamFigures(attempts = Number(process.env.BENCH_TEAM_ATTEMPTS ?? 100_000), reps = 50) {
  const cluster = await startPostgres();
  const owner = await connectTeam(cluster.ownerUrl, { checkSchema: false });
  try {
    await initTeamSchema(owner);
    const managers: AddedPerson[] = [];
    const team: AddedPerson[] = [];
    for (let m = 0; m < 5; m++)
      managers.push(await addTeamPerson(owner, cluster.ownerUrl, { name: `Manager ${m + 1}`, role: 'manager' }));
    for (let r = 0; r < reps; r++)
      team.push(
        await addTeamPerson(owner, cluster.ownerUrl, {
          name: `Rep ${r + 1}`,
          role: 'rep',
          manager: `Manager ${(r % 5) + 1}`,
        }),
      );
    const core = (url: string, dataDir = tempDir('sparring-bench-team-')) =>
      createCore({
        dataDir,
        builtInScenarioDirs: [SCENARIOS],
        appRoots: [ROOT],
        teamCredentials: memoryCredentials(),
      });

    // One real attempt pushed by a rep: its body is the template of the 100,000.
    const rep = core(team[0]!.url);
    rep.people.setUpMe('Rep 1', ['rep']);
    seedSpokenAttempt(rep, { answers: 2, seconds: 20 });
    await rep.team.connect(team[0]!.url);
    const template = (await owner.query('SELECT body FROM sparring.attempts LIMIT 1')).rows[0]!.body as object;
    const fill0 = performance.now();
    const fill = async (count: number, repUuids: string[]) =>
      owner.query(
        `INSERT INTO sparring.attempts (uuid, rep_uuid, body)
         SELECT u, r, jsonb_set(jsonb_set($1::jsonb, '{uuid}', to_jsonb(u::text)), '{repUuid}', to_jsonb(r::text))
         FROM (SELECT gen_random_uuid() AS u, ($2::uuid[])[1 + (i % array_length($2::uuid[], 1))] AS r
               FROM generate_series(1, $3) AS i) g`,
        [JSON.stringify(template), repUuids, count],
      );
    await fill(
      attempts - 1,
      team.map((p) => p.uuid),
    );
    const fillSeconds = (performance.now() - fill0) / 1000;
    log(`${attempts} attempts in the store (${round(fillSeconds)} s)`);

    // Manager 1 manages reps 1, 6, 11 ... (10 reps, 20,000 attempts).
    const manager = core(managers[0]!.url);
    manager.people.setUpMe('Manager 1', ['manager']);
    let t0 = performance.now();
    await manager.team.connect(managers[0]!.url);
    const initialSeconds = (performance.now() - t0) / 1000;
    const pulled = manager.history.list({ limit: 1, offset: 0 }).total;
    log(`initial pull: ${pulled} attempts in ${round(initialSeconds)} s`);

    const mine = team.filter((_, i) => i % 5 === 0).map((p) => p.uuid);
    await fill(100, mine);
    t0 = performance.now();
    const incremental = await manager.team.syncNow();
    const incrementalMs = performance.now() - t0;

    // One rep pushes an 8-turn attempt of 30 s answers.
    seedSpokenAttempt(rep, { answers: 8, seconds: 30 });
    t0 = performance.now();
    const push = await rep.team.syncNow();
    const pushMs = performance.now() - t0;
    const audio = (
      await owner.query<{ bytes: string; seconds: number }>(
        'SELECT sum(octet_length(opus)) AS bytes, sum(duration_seconds) AS seconds FROM sparring.audio',
      )
    ).rows[0]!;
    const mbPerMinute = Number(audio.bytes) / 1048576 / (audio.seconds / 60);

    const figures = {
      attempts_in_store: attempts,
      reps,
      managers: managers.length,
      store_fill_seconds: round(fillSeconds),
      initial_pull_one_manager: {
        attempts: pulled,
        seconds: round(initialSeconds),
        attempts_per_second: Math.round(pulled / initialSeconds),
      },
      incremental_pull_100_ms: round(incrementalMs),
      incremental_pulled: incremental.pulledAttempts,
      push_8_turn_attempt_ms: round(pushMs),
      pushed: push.pushedAttempts,
      stored_mb_per_answer_minute: Number(mbPerMinute.toFixed(3)),
      wav_mb_per_answer_minute: Number(((16000 * 2 * 60) / 1048576).toFixed(3)),
      manager_queue_on_replica_ms: time(() => manager.review.queue({ limit: 50, offset: 0 })),
    };
    rep.close();
    manager.close();
    return figures;
  } finally {
    await owner.end().catch(() => undefined);
    cluster.stop();
  }
}
