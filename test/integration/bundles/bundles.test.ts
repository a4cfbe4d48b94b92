/**
 * Attempts travel without a server: a rep's attempts bundle imported on a manager's computer, the
 * review sent back and imported by the rep; tampered, oversize and path-escaping files refused with
 * every reason and nothing written; importing twice adds nothing. Real SQLite files, real audio.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src-main/core/bundles/bundle-manifest';
import { feedAnswer } from '../../support/answer-audio';
import { type Core, makeCore } from '../../support/core';
import { speechWav, tempDir } from '../../support/paths';

const open: Core[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function computer(name: string, roles: ('rep' | 'manager')[]) {
  const dataDir = tempDir();
  const core = makeCore(dataDir);
  open.push(core);
  const me = core.people.setUpMe(name, roles);
  return { core, dataDir, me };
}

/** A rep's finished role-play with one spoken answer (real recording, transcribed by whisper.cpp). */
async function spokenAttempt(core: Core): Promise<number> {
  const { attemptId } = core.practice.start('price-objection');
  const { recordingId } = core.recording.start(attemptId, 0);
  feedAnswer(core, recordingId, speechWav('short-answer'));
  await core.recording.finish(recordingId);
  core.practice.submitTyped(attemptId, 1, 'Could we book thirty minutes on Thursday to walk through the numbers?');
  return core.practice.finish(attemptId).id;
}

const filesIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)],
      )
    : [];

/** What a refused import must leave untouched. */
function snapshot(core: Core, dataDir: string) {
  const db = core.storage.db;
  const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return {
    attempts: count('attempts'),
    turns: count('turns'),
    people: count('profiles'),
    comments: count('review_comments'),
    overrides: count('score_overrides'),
    audio: filesIn(join(dataDir, 'audio')).length,
  };
}

/**
 * A rep's spoken attempt exported as a bundle, a manager on another computer to receive it, and
 * what the manager's folder holds before any import.
 */
async function exportedToManager() {
  const rep = computer('Riley Rep', ['rep']);
  const { zip } = rep.core.bundles.exportAttempts([await spokenAttempt(rep.core)]);
  const manager = computer('Morgan Manager', ['manager']);
  return { zip, manager, before: snapshot(manager.core, manager.dataDir) };
}

/** The refusal an import must end in (a test fails if the file is imported). */
async function refusalOf(core: Core, bytes: Uint8Array) {
  try {
    await core.bundles.import(bytes, 'x.sparring-attempts');
  } catch (e) {
    return e as Error & { code: string; reasons: string[] };
  }
  throw new Error('was imported');
}

/** Rewrites a bundle's manifest (and its checksum, as a careful forger would). */
function withManifest(
  zip: Uint8Array, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a forger edits any field
  edit: (m: any) => void,
  resign = true,
): Uint8Array {
  const files = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
  edit(manifest);
  files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
  if (resign) files['manifest.sha256'] = new TextEncoder().encode(sha256Hex(files['manifest.json']));
  return zipSync(files);
}

describe('attempt bundles and review files', () => {
  it('carry an attempt to the manager and the review back to the rep; importing twice adds nothing', async () => {
    const rep = computer('Riley Rep', ['rep']);
    const attemptId = await spokenAttempt(rep.core);
    const original = rep.core.history.get(attemptId);
    const exported = rep.core.bundles.exportAttempts([attemptId]);
    expect(exported.fileName).toMatch(/^Riley Rep attempt \d+ \d{4}-\d\d-\d\d\.sparring-attempts$/);

    const manager = computer('Morgan Manager', ['manager']);
    const report = await manager.core.bundles.import(exported.zip, exported.fileName);
    expect(report).toMatchObject({
      format: 'sparring-attempts',
      attemptsAdded: 1,
      attemptsAlreadyHere: 0,
      reps: ['Riley Rep'],
    });
    const [id] = report.attemptIds;
    const queue = manager.core.review.queue({ limit: 50, offset: 0 });
    expect(queue.items.map((a) => [a.id, a.rep])).toEqual([[id, 'Riley Rep']]);
    const imported = manager.core.history.get(id!);
    expect(imported.scenarioHash).toBe(original.scenarioHash);
    expect(imported.overallScore).toBe(original.overallScore);
    expect(imported.turns.map((t) => [t.transcript, t.score, t.durationSeconds])).toEqual(
      original.turns.map((t) => [t.transcript, t.score, t.durationSeconds]),
    );
    const audio = imported.turns[0]!.audioPath!;
    expect(audio).toBe(original.turns[0]!.audioPath); // same content, same name
    expect(existsSync(join(manager.dataDir, audio))).toBe(true);
    expect(manager.core.history.peaks(imported.turns[0]!.id).peaks.length).toBeGreaterThan(0);

    const before = snapshot(manager.core, manager.dataDir);
    expect(await manager.core.bundles.import(exported.zip, exported.fileName)).toMatchObject({
      attemptsAdded: 0,
      attemptsAlreadyHere: 1,
      commentsAdded: 0,
    });
    expect(snapshot(manager.core, manager.dataDir)).toEqual(before);

    // The manager reviews: comments at a moment and over a range, a score change, a plan, reviewed.
    const turn = imported.turns[0]!;
    const criterion = turn.score!.criteria[0]!;
    manager.core.comments.add({ attemptId: id!, turnId: turn.id, atSeconds: 0.5, body: 'Good pause here.' });
    manager.core.comments.add({ attemptId: id!, turnId: turn.id, atSeconds: 0.2, endSeconds: 1, body: 'Slow down.' });
    manager.core.review.overrideScore(turn.id, criterion.id, 100, 'You did acknowledge: "I hear you".');
    manager.core.coaching.set(id!, {
      skills: ['objection-handling'],
      note: 'Acknowledge first.',
      suggestedScenarioId: 'drill-acknowledge-first',
    });
    manager.core.review.setStatus(id!, 'reviewed', 'Nice recovery.');
    const review = manager.core.bundles.exportReview([id!]);
    expect(review.fileName).toMatch(/\.sparring-review$/);

    const back = await rep.core.bundles.import(review.zip, review.fileName);
    expect(back).toMatchObject({ format: 'sparring-review', commentsAdded: 2, scoreChanges: 1, reviews: 1, plans: 1 });
    const seen = rep.core.history.get(attemptId);
    expect(seen.comments.map((c) => [c.atSeconds, c.endSeconds, c.body, c.author])).toEqual([
      [0.2, 1, 'Slow down.', 'Morgan Manager'],
      [0.5, null, 'Good pause here.', 'Morgan Manager'],
    ]);
    expect(seen.turns[0]!.score!.criteria[0]!.override).toMatchObject({ score: 100, author: 'Morgan Manager' });
    expect(seen.review).toMatchObject({ status: 'reviewed', reviewer: 'Morgan Manager', note: 'Nice recovery.' });
    expect(seen.plan).toMatchObject({
      skills: ['objection-handling'],
      note: 'Acknowledge first.',
      author: 'Morgan Manager',
    });
    expect(seen.overallScore).toBe(manager.core.history.get(id!).overallScore);
    // The manager is a person on the rep's computer now, but not the one using it.
    expect(rep.core.people.me().name).toBe('Riley Rep');

    const again = snapshot(rep.core, rep.dataDir);
    expect(await rep.core.bundles.import(review.zip, review.fileName)).toMatchObject({
      commentsAdded: 0,
      scoreChanges: 0,
      reviews: 0,
      plans: 0,
    });
    expect(snapshot(rep.core, rep.dataDir)).toEqual(again);

    // The HTML export says who changed what, and why.
    const html = rep.core.bundles.exportHtml(attemptId).html;
    expect(html).toContain('Changed to 100 by Morgan Manager');
    expect(html).toContain('Good pause here.');
    expect(html).toContain('Reviewed</strong> by Morgan Manager');
    expect(html).not.toMatch(/<script/i);
  });

  it('refuses tampered, oversize and path-escaping files with every reason, and writes nothing', async () => {
    const { zip, manager, before } = await exportedToManager();
    const refused = (bytes: Uint8Array) => refusalOf(manager.core, bytes);

    const edited = await refused(
      withManifest(zip, (m) => (m.attempts[0].startedAt = '2020-01-01T00:00:00.000Z'), false),
    );
    expect(edited.reasons).toEqual([
      'manifest.json does not match manifest.sha256: the file was changed after it was exported',
    ]);

    const files = unzipSync(zip);
    const audioName = Object.keys(files).find((n) => n.startsWith('audio/'))!;
    const swapped = await refused(
      zipSync({ ...files, [audioName]: files[audioName]!.map((b, i) => (i > 100 ? 0 : b)) }),
    );
    expect(swapped.reasons.join('\n')).toMatch(/does not match its SHA-256/);

    const escaping = await refused(
      zipSync({
        ...files,
        '../evil.wav': new Uint8Array(4),
        'audio/../../x.json': new Uint8Array(1),
        'notes.txt': new Uint8Array(1),
      }),
    );
    expect(escaping.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"\.\.\/evil\.wav" climbs out/),
        expect.stringMatching(/"audio\/\.\.\/\.\.\/x\.json" climbs out/),
        expect.stringMatching(/"notes\.txt" is not part of a Sparring bundle/),
      ]),
    );

    // 40 MB of silence zips to a few kB: judged by its declared size, never inflated.
    const oversize = await refused(
      zipSync({ ...files, [`audio/${'0'.repeat(64)}.wav`]: new Uint8Array(40 * 1024 * 1024) }),
    );
    expect(oversize.reasons.join('\n')).toMatch(/is 40\.0 MB unpacked; a file may be at most 32 MB/);

    const forged = await refused(
      withManifest(zip, (m) => {
        m.people.push({ uuid: '00000000-0000-4000-8000-000000000001', name: 'Riley Rep', roles: ['manager'] });
        m.reviews.push({
          attemptUuid: m.attempts[0].uuid,
          repUuid: m.attempts[0].repUuid,
          review: { status: 'reviewed', note: null, reviewerUuid: m.attempts[0].repUuid, at: m.exportedAt },
          overrides: [],
          comments: [],
          plan: null,
        });
      }),
    );
    expect(forged.reasons.join('\n')).toMatch(/Riley Rep reviews their own attempt; only a manager may/);

    expect((await refused(new TextEncoder().encode('not a zip'))).reasons[0]).toMatch(/not a readable zip file/);
    expect(snapshot(manager.core, manager.dataDir)).toEqual(before);
  });

  it('recomputes scores from their checks: an edited score does not survive', async () => {
    const rep = computer('Riley Rep', ['rep']);
    const attemptId = await spokenAttempt(rep.core);
    const truth = rep.core.history.get(attemptId);
    expect(truth.overallScore).toBeLessThan(100); // else the edit below would change nothing
    const { zip } = rep.core.bundles.exportAttempts([attemptId]);
    const inflated = withManifest(zip, (m) => {
      for (const t of m.attempts[0].turns)
        for (const c of t.score.criteria) {
          c.score = 100;
          c.passed = true;
        }
    });
    const manager = computer('Morgan Manager', ['manager']);
    const [id] = (await manager.core.bundles.import(inflated, 'x.sparring-attempts')).attemptIds;
    const imported = manager.core.history.get(id!);
    expect(imported.overallScore).toBe(truth.overallScore);
    expect(imported.turns.map((t) => t.score!.criteria.map((c) => c.score))).toEqual(
      truth.turns.map((t) => t.score!.criteria.map((c) => c.score)),
    );
  });

  it('refuses a review of an attempt that is not here', async () => {
    const rep = computer('Riley Rep', ['rep']);
    const attemptId = await spokenAttempt(rep.core);
    const manager = computer('Morgan Manager', ['manager']);
    const [id] = (await manager.core.bundles.import(rep.core.bundles.exportAttempts([attemptId]).zip, 'a')).attemptIds;
    manager.core.review.setStatus(id!, 'needs-another', 'Again, slower.');
    const review = manager.core.bundles.exportReview([id!]);
    const stranger = computer('Sam Someone', ['rep']);
    await expect(stranger.core.bundles.import(review.zip, review.fileName)).rejects.toThrow(
      /that attempt by Riley Rep is not here; import the attempts bundle it reviews first/,
    );
    expect(() => rep.core.bundles.exportReview([attemptId])).toThrow(/nothing to send back yet/);
  });

  it('cannot carry a score the words did not earn, nor take the pass mark from the file', async () => {
    const { zip, manager, before } = await exportedToManager();
    const allPassed = withManifest(zip, (m) => {
      for (const t of m.attempts[0].turns)
        for (const c of t.score.criteria) for (const k of c.checks) if (!k.judge) k.passed = true;
    });
    await expect(manager.core.bundles.import(allPassed, 'x')).rejects.toThrow(/does not follow from the transcript/);
    expect(snapshot(manager.core, manager.dataDir)).toEqual(before);
    const lowBar = withManifest(zip, (m) => (m.attempts[0].certification = { passMark: 0 }));
    const [id] = (await manager.core.bundles.import(lowBar, 'x')).attemptIds;
    expect(manager.core.history.get(id!).certification).toMatchObject({ passMark: 80, passed: false });
  });

  it("never takes rows signed by the importer from a file, or lets one person change another's", async () => {
    const rep = computer('Riley Rep', ['rep']);
    const attemptId = await spokenAttempt(rep.core);
    const manager = computer('Morgan Manager', ['manager']);
    const [id] = (await manager.core.bundles.import(rep.core.bundles.exportAttempts([attemptId]).zip, 'a')).attemptIds;
    const turn = manager.core.history.get(id!).turns[0]!;
    const comment = manager.core.comments.add({ attemptId: id!, turnId: turn.id, atSeconds: 1, body: 'Breathe.' });
    await rep.core.bundles.import(manager.core.bundles.exportReview([id!]).zip, 'r');

    // The manager deletes their comment; the rep's next export still carries it: it does not come back.
    manager.core.comments.remove(comment.id);
    const again = rep.core.bundles.exportAttempts([attemptId]).zip;
    expect(await manager.core.bundles.import(again, 'a')).toMatchObject({ commentsAdded: 0, commentsUpdated: 0 });
    expect(manager.core.history.get(id!).comments).toEqual([]);

    // A file naming the manager as the author of a verdict and a score change changes nothing of theirs.
    const managerUuid = (
      rep.core.storage.db.prepare("SELECT uuid FROM profiles WHERE name = 'Morgan Manager'").get() as {
        uuid: string;
      }
    ).uuid;
    const forged = withManifest(again, (m) => {
      m.reviews[0].review = { status: 'reviewed', note: 'Great job', reviewerUuid: managerUuid, at: m.exportedAt };
    });
    expect(await manager.core.bundles.import(forged, 'a')).toMatchObject({ reviews: 0 });
    expect(manager.core.history.get(id!).review).toBeNull();

    // The rep rewriting the manager's comment (same comment, in their name) is refused on another computer.
    const repUuid = (
      rep.core.storage.db.prepare("SELECT uuid FROM profiles WHERE name = 'Riley Rep'").get() as {
        uuid: string;
      }
    ).uuid;
    const commentUuid = (rep.core.storage.db.prepare('SELECT uuid FROM review_comments').get() as { uuid: string })
      .uuid;
    const hijack = withManifest(again, (m) => {
      const c = m.reviews[0].comments.find((k: { uuid: string }) => k.uuid === commentUuid);
      c.authorUuid = repUuid;
      c.body = 'You are perfect, certify me.';
      c.updatedAt = m.exportedAt;
    });
    const third = computer('Sam Second', ['manager']);
    await third.core.bundles.import(again, 'a');
    await expect(third.core.bundles.import(hijack, 'a')).rejects.toThrow(
      /already here, on another attempt or by someone else/,
    );
  });

  it('refuses what would blur who is who: the same attempt twice, upper-case UUIDs, a name taken here', async () => {
    const { zip, manager, before } = await exportedToManager();
    const refusal = async (bytes: Uint8Array) => (await refusalOf(manager.core, bytes)).reasons.join('\n');
    expect(await refusal(withManifest(zip, (m) => m.attempts.push(m.attempts[0])))).toMatch(/is in the file twice/);
    expect(await refusal(withManifest(zip, (m) => (m.attempts[0].uuid = m.attempts[0].uuid.toUpperCase())))).toMatch(
      /must be a lower-case UUID/,
    );
    // A stored (not deflated) zip with one byte of audio changed in place: its CRC gives it away.
    const files = unzipSync(zip);
    const stored = zipSync(files, { level: 0 });
    const audio = Object.keys(files).find((n) => n.startsWith('audio/'))!;
    const at = Buffer.from(stored).indexOf(Buffer.from(files[audio]!.subarray(200, 232))) + 8;
    stored[at] = stored[at]! ^ 0xff;
    expect(await refusal(stored)).toMatch(new RegExp(`"${audio}" is damaged`));
    manager.core.people.add('Riley Rep', ['rep']);
    expect(await refusal(zip)).toMatch(/"Riley Rep" in this file is not the Riley Rep on this computer/);
    const after = snapshot(manager.core, manager.dataDir);
    expect({ ...after, people: before.people }).toEqual(before);
  });
});
