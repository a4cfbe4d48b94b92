import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { shaOfAudioPath } from '../audio/audio-store';
import { decodeSpeech, encodeSpeech } from '../audio/opus-codec';
import { BundleRefusedError, checkManifest } from '../bundles/bundle-check';
import { collectManifest } from '../bundles/bundle-export';
import { writeBundle } from '../bundles/bundle-import';
import { z } from 'zod';
import {
  BUNDLE_VERSION,
  type BundleReview,
  type Manifest,
  manifestSchema,
  sha256Hex,
} from '../bundles/bundle-manifest';
import type { CoreContext } from '../context';
import type { ProfileRole, TeamSyncStatus } from '../domain';
import { SparringError } from '../errors';
import type { PeopleService } from '../people/people-service';
import { loadScenarios } from '../scenarios/load-scenarios';
import { exportPack, installPack, readPack } from '../scenarios/scenario-packs';
import { AssignmentsRepository } from '../storage/assignments-repository';
import { BundlesRepository } from '../storage/bundles-repository';
import { TeamRepository } from '../storage/team-repository';
import { connectTeam, redactUrl, teamError } from './team-connection';
import {
  type TeamPerson,
  type AssignmentBody,
  type PulledAttempt,
  assignmentsSince,
  pushAssignment,
  attemptsOfRep,
  attemptsSince,
  audioCopy,
  packsSince,
  peopleSince,
  publishPack,
  pushAttempt,
  pushReviewPart,
  reviewParts,
  reviewedSince,
  rubricTexts,
  storeId,
  scenarioVersions,
  whoAmI,
} from './team-store';

/**
 * Where the team store's URL (with its password) is kept. The app keeps it encrypted with
 * Electron's safeStorage; the CLI and the browser bridge read SPARRING_TEAM_DATABASE_URL, and a URL
 * typed into the bridge's page lives in memory only. Core never sees how.
 */
export interface TeamCredentials {
  load(): string | null;
  save(url: string | null): void;
  readonly kept: TeamSyncStatus['kept'];
}

export const memoryCredentials = (initial: string | null = null): TeamCredentials => {
  let url = initial;
  return { load: () => url, save: (next) => void (url = next), kept: initial ? 'environment' : 'memory' };
};

/** What one sync did. */
export interface SyncReport {
  pushedAttempts: number;
  pushedReviews: number;
  pulledAttempts: number;
  pulledReviews: number;
  pulledPacks: number;
  pushedAssignments: number;
  pulledAssignments: number;
  refused: number;
}

const PAGE = 100;
const ATTEMPT_BODY = manifestSchema.shape.attempts.element;
const ASSIGNMENT_BODY = z.strictObject({
  scenarioId: z.string().min(1).max(200),
  kind: z.enum(['practice', 'certification']),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().max(2000).nullable(),
  createdAt: z.string().datetime({ offset: true }),
  cancelledAt: z.string().datetime({ offset: true }).nullable(),
});
const REVIEW_BODY = manifestSchema.shape.reviews.element;
const INTERVAL_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;
const ROLES: Record<TeamPerson['role'], ProfileRole[]> = {
  rep: ['rep'],
  manager: ['manager'],
  designer: ['designer'],
  // An admin manages people and teams, not attempts: here they are a designer (no review powers).
  admin: ['designer'],
};

type Ctx = Pick<
  CoreContext,
  'db' | 'turns' | 'tries' | 'reviews' | 'records' | 'attempts' | 'audio' | 'catalog' | 'events'
>;

/**
 * Sync with the team store, in the background (TEAM.md). Push: this person's finished attempts
 * (one transaction each, audio as Opus) and what they added to attempts (verdicts, score changes,
 * comments, plans); pull: people, attempts, review material and published packs changed since the
 * cursors, checked like an imported bundle and written to the local database, so every screen keeps
 * reading one local database, offline too. Audio is fetched when someone listens. Never blocks
 * practice: every step is async I/O, one sync at a time, and while the store is unreachable it
 * retries with growing pauses.
 */
export class TeamSyncService {
  private readonly team: TeamRepository;
  private readonly bundles: BundlesRepository;
  private readonly assignments: AssignmentsRepository;
  private running: Promise<SyncReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private last: { state: TeamSyncStatus['state']; message: string | null; at: string | null } = {
    state: 'off',
    message: null,
    at: null,
  };
  private reviewsWaiting = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly people: PeopleService,
    private readonly credentials: TeamCredentials,
    private readonly teamDir: string,
    private readonly options: { intervalMs?: number; now?: () => Date } = {},
  ) {
    this.team = new TeamRepository(ctx.db);
    this.bundles = new BundlesRepository(ctx.db);
    this.assignments = new AssignmentsRepository(ctx.db);
  }

  status(): TeamSyncStatus {
    const url = this.credentials.load();
    if (!url)
      return {
        configured: false,
        url: null,
        kept: this.credentials.kept,
        state: 'off',
        person: null,
        lastSyncedAt: null,
        waiting: 0,
        refused: 0,
        message: null,
      };
    const me = this.people.me();
    const stored = this.team.state('person');
    const person = stored ? (JSON.parse(stored) as TeamSyncStatus['person']) : null;
    return {
      configured: true,
      url: redactUrl(url),
      kept: this.credentials.kept,
      state: this.running ? 'syncing' : this.last.state,
      person,
      lastSyncedAt: this.team.state('last_synced_at'),
      waiting: (person?.role === 'rep' ? this.team.attemptsToPush(me.id).length : 0) + this.reviewsWaiting,
      refused: this.team.refusedCount(),
      message: this.last.message,
    };
  }

  /**
   * Tests the URL (reachable, password, schema, a person in this team), then keeps it and starts
   * syncing. A failure keeps nothing and says which one it was.
   */
  async connect(url: string): Promise<TeamSyncStatus> {
    const client = await connectTeam(url);
    try {
      const person = await whoAmI(client).catch((e: unknown) => {
        throw teamError(e, url);
      });
      if (!person)
        throw new SparringError(
          'team_not_a_person',
          'This login can connect but is not a person in the Sparring team. Ask your admin to add you with ' +
            '`sparring team add-person`, and use the URL it prints.',
        );
      await this.sameStore(client);
      this.adopt(person);
    } finally {
      await client.end().catch(() => undefined);
    }
    this.credentials.save(url.trim());
    this.last = { state: 'synced', message: null, at: null };
    this.failures = 0;
    this.start();
    await this.syncNow().catch(() => undefined);
    return this.status();
  }

  /** Stops syncing and forgets the URL; everything already here stays. */
  disconnect(): TeamSyncStatus {
    this.stop();
    this.credentials.save(null);
    this.last = { state: 'off', message: null, at: null };
    return this.status();
  }

  /** Starts the background loop if a URL is kept (the app and the bridge call this once). */
  start(): void {
    if (!this.credentials.load() || this.timer) return;
    this.schedule(0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow()
        .catch(() => undefined)
        .finally(() => {
          if (!this.credentials.load()) return;
          // Offline: 5 s, 10 s, 20 s ... up to 5 minutes; back to the normal interval once it answers.
          const wait = this.failures
            ? Math.min(MAX_BACKOFF_MS, 5000 * 2 ** (this.failures - 1))
            : (this.options.intervalMs ?? INTERVAL_MS);
          this.schedule(wait);
        });
    }, ms);
    this.timer.unref?.();
  }

  /** One push and pull now (the loop does this on its own; "Sync now" and tests call it). */
  syncNow(): Promise<SyncReport> {
    this.running ??= this.sync().finally(() => {
      this.running = null;
      this.emit();
    });
    this.emit();
    return this.running;
  }

  private emit() {
    this.ctx.events.emit({ type: 'team.sync', status: this.status() });
  }

  private async sync(): Promise<SyncReport> {
    const url = this.credentials.load();
    if (!url) throw new SparringError('team_off', 'No team store is set up: Settings → Team.');
    const report: SyncReport = {
      pushedAttempts: 0,
      pushedReviews: 0,
      pulledAttempts: 0,
      pulledReviews: 0,
      pulledPacks: 0,
      pushedAssignments: 0,
      pulledAssignments: 0,
      refused: 0,
    };
    let client: pg.Client | null = null;
    try {
      client = await connectTeam(url);
      const person = await whoAmI(client);
      if (!person) throw new SparringError('team_not_a_person', 'This login is no longer a person in the team.');
      await this.sameStore(client);
      this.adopt(person);
      await this.pullPeople(client, person);
      await this.pushAttempts(client, person, report);
      await this.pullAttempts(client, report);
      await this.backfill(client, report);
      await this.pushReviews(client, person, report);
      await this.pullReviews(client, report);
      await this.pullPacks(client, report);
      await this.pushAssignments(client, person, report);
      await this.pullAssignments(client, report);
      this.failures = 0;
      const at = (this.options.now?.() ?? new Date()).toISOString();
      this.team.setState('last_synced_at', at);
      this.last = { state: 'synced', message: null, at };
      return report;
    } catch (error) {
      const e = teamError(error, url);
      this.failures++;
      this.last = { state: e.code === 'team_unreachable' ? 'offline' : 'error', message: e.message, at: null };
      throw e;
    } finally {
      await client?.end().catch(() => undefined);
    }
  }

  /**
   * Connected to another store than last time (a move from a trial database to the real one): its
   * change numbers mean nothing here, so the cursors and what was pushed start over. Data stays.
   */
  private async sameStore(client: pg.Client) {
    const id = await storeId(client);
    if (this.team.state('store_id') === id) return;
    this.team.forgetStore();
    this.team.setState('store_id', id);
  }

  /** The person using this copy is the team's person (UUID, name, role from the store). */
  private adopt(person: TeamPerson) {
    const me = this.people.me();
    this.team.adoptIdentity(me.id, person.uuid, person.name, ROLES[person.role]);
    this.team.setState('person', JSON.stringify({ name: person.name, role: person.role }));
  }

  /**
   * People changed since the cursor, written here. Returns the reps who became this manager's
   * since the last pull (moved to them by the admin): their earlier attempts were numbered before
   * the attempts cursor, so they are fetched whole (backfill). On a first pull the cursor covers them.
   */
  private async pullPeople(client: pg.Client, me: TeamPerson): Promise<void> {
    const cursor = Number(this.team.state('cursor_people') ?? 0);
    const people = await peopleSince(client, cursor);
    const firstPull = !this.team.state('cursor_attempts');
    // Written down before the cursor moves, and cleared only once fetched: a sync cut in between
    // fetches them next time.
    const pending = new Set<string>(JSON.parse(this.team.state('backfill_pending') ?? '[]') as string[]);
    for (const p of people) {
      const before = this.team.state(`manager_of:${p.uuid}`);
      if (!firstPull && p.managerUuid === me.uuid && before !== me.uuid) pending.add(p.uuid);
      this.team.setState(`manager_of:${p.uuid}`, p.managerUuid);
      this.team.upsertTeamPerson(p.uuid, p.name, ROLES[p.role]);
    }
    this.team.setState('backfill_pending', JSON.stringify([...pending]));
    if (people.length) this.team.setState('cursor_people', String(people[people.length - 1]!.seq));
  }

  /** Every attempt (and its review) of reps newly moved to this manager, page by page. */
  private async backfill(client: pg.Client, report: SyncReport) {
    const reps = JSON.parse(this.team.state('backfill_pending') ?? '[]') as string[];
    for (const rep of reps) {
      let after = 0;
      for (;;) {
        const rows = await attemptsOfRep(client, rep, after, PAGE);
        if (!rows.length) break;
        report.pulledAttempts += await this.applyAttempts(client, rows, report);
        report.pulledReviews += await this.applyReviews(
          client,
          rows.map((r) => r.uuid),
          report,
        );
        after = rows[rows.length - 1]!.seq;
        if (rows.length < PAGE) break;
      }
      const left = (JSON.parse(this.team.state('backfill_pending') ?? '[]') as string[]).filter((r) => r !== rep);
      this.team.setState('backfill_pending', JSON.stringify(left));
    }
  }

  private async pushAttempts(client: pg.Client, person: TeamPerson, report: SyncReport) {
    // Only reps' attempts go to the store (a manager's or designer's own practice stays here).
    if (person.role !== 'rep') return;
    const me = this.people.me();
    for (const { id, uuid } of this.team.attemptsToPush(me.id)) {
      if (this.team.teamAudio(id).length) {
        // Pulled from the store (this person's own, on a new computer): it is there already.
        this.team.markPushed('attempt', uuid, 'pulled');
        continue;
      }
      const { manifest, files } = collectManifest(
        { ...this.ctx, bundles: this.bundles },
        'sparring-attempts',
        [id],
        me.id,
      );
      const attempt = manifest.attempts[0]!;
      if (attempt.repUuid !== person.uuid) continue;
      const audio = [];
      for (const [file, wav] of files) {
        // Encoding takes a fraction of a second per answer: let other work in between.
        await new Promise((resolve) => setImmediate(resolve));
        const durationSeconds = attempt.turns.find((t) => t.audio?.file === file)?.audio?.durationSeconds ?? 0;
        audio.push({
          sha256: shaOfAudioPath(file)!,
          opus: encodeSpeech(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength), file),
          durationSeconds,
        });
      }
      if (await pushAttempt(client, { attempt, scenarios: manifest.scenarios, rubrics: manifest.rubrics, audio }))
        report.pushedAttempts++;
      this.team.markPushed('attempt', uuid, sha256Hex(JSON.stringify(attempt)));
      this.emit();
    }
  }

  private async pushReviews(client: pg.Client, person: TeamPerson, report: SyncReport) {
    const me = this.people.me();
    let waiting = 0;
    const parts = [];
    for (const { id, uuid } of this.team.attemptsAddedTo(me.id)) {
      const { manifest } = collectManifest({ ...this.ctx, bundles: this.bundles }, 'sparring-review', [id], me.id);
      // Nothing of theirs left (all removed): an empty part, so the removals reach the others too.
      const review = manifest.reviews[0] ?? emptyPart(uuid, this.bundles.attemptByUuid(uuid)!.repUuid);
      const mine = ownPart(review, person.uuid);
      const fingerprint = sha256Hex(JSON.stringify(mine));
      const last = this.team.fingerprint('review', uuid);
      if (last === fingerprint) continue;
      // Tried before and not taken (the attempt is not in the store, or the store said no): tried
      // again each sync, quietly, without counting as waiting.
      const retry = last === `absent:${fingerprint}` || last === `failed:${fingerprint}`;
      if (!retry) waiting++;
      parts.push({ uuid, mine, fingerprint, retry });
    }
    this.reviewsWaiting = waiting;
    for (const p of parts) {
      let outcome: string;
      try {
        const stored = await pushReviewPart(client, {
          attemptUuid: p.uuid,
          authorUuid: person.uuid,
          body: p.mine,
          fingerprint: p.fingerprint,
        });
        outcome = stored ? p.fingerprint : `absent:${p.fingerprint}`;
        if (stored) report.pushedReviews++;
      } catch (error) {
        const e = teamError(error);
        if (e.code === 'team_unreachable') throw e;
        // One review the store refuses must not stop the rest of the sync.
        this.team.refuse(`review ${p.uuid}`, [`the team store did not take it: ${e.message}`]);
        outcome = `failed:${p.fingerprint}`;
      }
      this.team.markPushed('review', p.uuid, outcome);
      if (!p.retry) this.reviewsWaiting--;
    }
  }

  private async pullAttempts(client: pg.Client, report: SyncReport) {
    for (;;) {
      const cursor = Number(this.team.state('cursor_attempts') ?? 0);
      const rows = await attemptsSince(client, cursor, PAGE);
      if (!rows.length) return;
      report.pulledAttempts += await this.applyAttempts(client, rows, report);
      this.team.setState('cursor_attempts', String(rows[rows.length - 1]!.seq));
      this.emit();
      await new Promise((resolve) => setImmediate(resolve));
      if (rows.length < PAGE) return;
    }
  }

  private async pullReviews(client: pg.Client, report: SyncReport) {
    for (;;) {
      const cursor = Number(this.team.state('cursor_reviews') ?? 0);
      const changed = await reviewedSince(client, cursor, PAGE);
      if (!changed.attemptUuids.length) return;
      report.pulledReviews += await this.applyReviews(client, changed.attemptUuids, report);
      this.team.setState('cursor_reviews', String(changed.last));
      if (!changed.full) return;
    }
  }

  /** Pulled attempt rows, checked and written; returns how many were new here. */
  private async applyAttempts(client: pg.Client, rows: PulledAttempt[], report: SyncReport): Promise<number> {
    const bodies = rows
      .filter((r) => !this.bundles.attemptByUuid(r.uuid))
      .flatMap((r) => this.readBody(r.uuid, ATTEMPT_BODY, r.body, r, report));
    let added = 0;
    if (bodies.length) {
      const manifest = await this.manifestFor(client, 'sparring-attempts', bodies, []);
      added = this.write(manifest, (m) => m.attempts.map((a) => a.uuid), report);
    }
    // Ours, pulled back (a reinstall): nothing to push again.
    for (const r of rows) this.team.markPushed('attempt', r.uuid, 'pulled');
    return added;
  }

  /** Every author's review part of these attempts, merged per attempt, checked and written. */
  private async applyReviews(client: pg.Client, attemptUuids: string[], report: SyncReport): Promise<number> {
    const parts = await reviewParts(client, attemptUuids);
    const byAttempt = new Map<string, { author: string; part: BundleReview }[]>();
    for (const p of parts)
      for (const body of this.readBody(`${p.attemptUuid} by ${p.authorUuid}`, REVIEW_BODY, p.body, p, report))
        // One writer per row: only what the row's author wrote counts, whatever else its JSON claims.
        byAttempt.set(p.attemptUuid, [
          ...(byAttempt.get(p.attemptUuid) ?? []),
          { author: p.authorUuid, part: ownPart(body, p.authorUuid) },
        ]);
    const here = [...byAttempt.values()].filter((list) => this.bundles.attemptByUuid(list[0]!.part.attemptUuid));
    if (!here.length) return 0;
    const merged = here.map((list) => mergeParts(list.map((x) => x.part)));
    const manifest = await this.manifestFor(client, 'sparring-review', [], merged);
    const written = this.write(manifest, (m) => m.reviews.map((r) => r.attemptUuid), report);
    this.removeWhatAuthorsRemoved(here);
    return written;
  }

  /** Each author's part is the whole of what they say about an attempt: what it no longer holds goes here too. */
  private removeWhatAuthorsRemoved(attempts: { author: string; part: BundleReview }[][]) {
    const me = this.bundles.people([this.people.me().id])[0]!;
    for (const list of attempts)
      for (const { author, part } of list) {
        const person = this.bundles.personByUuid(author);
        const attempt = this.bundles.attemptByUuid(part.attemptUuid);
        if (!person || !attempt || author === me.uuid) continue;
        const { overridesRemoved } = this.team.removeAbsent(attempt.id, person.id, {
          review: part.review !== null,
          plan: part.plan !== null,
          overrides: part.overrides,
          comments: part.comments.map((c) => c.uuid),
        });
        if (overridesRemoved) {
          this.ctx.records.refreshOverall(attempt.id);
          this.ctx.records.reviewCertification(attempt.id, person.name, 'score override removed');
        }
      }
  }

  /** A manager's assignments, each pushed when it is new or changed (its date, note, or cancelled). */
  private async pushAssignments(client: pg.Client, person: TeamPerson, report: SyncReport) {
    if (person.role !== 'manager') return;
    for (const a of this.assignments.byManager(this.people.me().id)) {
      const body: AssignmentBody = {
        scenarioId: a.scenarioId,
        kind: a.kind,
        dueOn: a.dueOn,
        note: a.note,
        createdAt: a.createdAt,
        cancelledAt: a.cancelledAt,
      };
      const fingerprint = sha256Hex(JSON.stringify(body));
      if (this.team.fingerprint('assignment', a.uuid) === fingerprint) continue;
      try {
        await pushAssignment(client, { uuid: a.uuid, managerUuid: person.uuid, repUuid: a.repUuid, body });
        report.pushedAssignments++;
        this.team.markPushed('assignment', a.uuid, fingerprint);
      } catch (error) {
        const e = teamError(error);
        if (e.code === 'team_unreachable') throw e;
        // Not this manager's rep in the store (assigned here before connecting): set aside, the rest go on.
        this.team.refuse(`assignment ${a.uuid}`, [`the team store did not take it: ${e.message}`]);
        this.team.markPushed('assignment', a.uuid, fingerprint);
      }
    }
  }

  /** Assignments this login may read, changed since the cursor, written here (checked first: someone else's JSON). */
  private async pullAssignments(client: pg.Client, report: SyncReport) {
    const cursor = Number(this.team.state('cursor_assignments') ?? 0);
    const rows = await assignmentsSince(client, cursor);
    for (const r of rows) {
      const body = ASSIGNMENT_BODY.safeParse(r.body);
      const rep = this.bundles.personByUuid(r.repUuid);
      const manager = this.bundles.personByUuid(r.managerUuid);
      if (!body.success || !rep || !manager) {
        this.team.refuse(`assignment ${r.uuid}`, [
          body.success ? 'its rep or manager is not known here' : body.error.issues[0]!.message,
        ]);
        report.refused++;
        continue;
      }
      const here = this.assignments.byUuid(r.uuid);
      if (here) this.assignments.update(r.uuid, body.data);
      else this.assignments.add({ uuid: r.uuid, repId: rep.id, managerId: manager.id, ...body.data });
      report.pulledAssignments++;
    }
    if (rows.length) this.team.setState('cursor_assignments', String(rows[rows.length - 1]!.seq));
  }

  private async pullPacks(client: pg.Client, report: SyncReport) {
    const cursor = Number(this.team.state('cursor_packs') ?? 0);
    const packs = await packsSince(client, cursor);
    for (const p of packs) {
      this.team.setState('cursor_packs', String(p.seq));
      if (sha256Hex(p.zip) !== p.sha256) {
        this.team.refuse(`pack ${p.name} v${p.version}`, ['its zip does not match its SHA-256']);
        continue;
      }
      try {
        await this.installPack(p.name, p.zip);
        this.team.setState(`pack_version:${p.name}`, String(p.version));
        report.pulledPacks++;
      } catch (error) {
        this.team.refuse(`pack ${p.name} v${p.version}`, [(error as Error).message]);
        report.refused++;
      }
    }
  }

  private async installPack(name: string, zip: Uint8Array) {
    // The pack's own scenarios may be replaced by its new version; any other id must not clash.
    const own = new Set(
      loadScenarios([this.teamDir], this.ctx.catalog.knownCriteria())
        .valid.filter((s) => s.file.startsWith(`${name}/`))
        .map((s) => s.id),
    );
    const installedIds = new Map(
      this.ctx.catalog
        .list()
        .valid.filter((s) => !own.has(s.id))
        .map((s) => [s.id, s.file] as const),
    );
    const contents = await readPack(zip, `${name} (team pack)`, {
      knownCriteria: this.ctx.catalog.knownCriteria(),
      installedIds,
      userDir: this.teamDir,
      replacing: true,
    });
    if (contents.pack !== name)
      throw new SparringError('bad_pack', `The team pack "${name}" holds a folder named "${contents.pack}".`);
    installPack(this.teamDir, contents);
  }

  /** A designer publishes a pack folder of their own scenarios: every rep gets it on their next sync. */
  async publishPack(pack: string): Promise<{ pack: string; version: number }> {
    const url = this.credentials.load();
    if (!url) throw new SparringError('team_off', 'Connect to a team store first: Settings → Team.');
    const client = await connectTeam(url);
    try {
      const person = await whoAmI(client);
      if (person?.role !== 'designer')
        throw new SparringError('not_a_designer', 'Only a designer publishes packs to the team.');
      const zip = await exportPack(this.ctx.catalog.userDir, pack, this.ctx.catalog.knownCriteria());
      const version = await publishPack(client, { name: pack, zip, sha256: sha256Hex(zip), designerUuid: person.uuid });
      return { pack, version };
    } catch (error) {
      throw teamError(error, url);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * Fetches the audio of an attempt pulled from the store (answers recorded on another computer),
   * once; later listens read the local copy. Offline, a clear message; the rest of the attempt is here.
   */
  async ensureAudio(attemptId: number): Promise<number> {
    const missing = this.team.teamAudio(attemptId).filter((t) => !existsSync(this.ctx.audio.absolute(t.audioPath)));
    if (!missing.length) return 0;
    const url = this.credentials.load();
    const offline = () =>
      new SparringError(
        'team_audio_offline',
        'The recording of this attempt is in the team store, which cannot be reached now. Its transcript and ' +
          'scores are here; the audio plays once the store is back.',
      );
    if (!url) throw offline();
    let client: pg.Client;
    try {
      client = await connectTeam(url);
    } catch {
      throw offline();
    }
    try {
      for (const t of missing) {
        const sha = shaOfAudioPath(t.audioPath)!;
        const copy = await audioCopy(client, t.repUuid, sha);
        if (!copy) throw new SparringError('team_audio_missing', 'The team store has no recording of this answer.');
        const wav = decodeSpeech(copy.opus, (t.durationSeconds ?? 3600) + 1);
        const seconds = (wav.length - 44) / 32000;
        if (t.durationSeconds !== null && Math.abs(seconds - t.durationSeconds) > 0.1)
          throw new SparringError('team_audio_mismatch', 'The team copy of this answer is not as long as the answer.');
        this.ctx.audio.saveTeamCopy(t.audioPath, wav);
      }
      return missing.length;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * A pulled row's JSON, checked before anything reads it: its shape (the bundle schema), and that it
   * is about the row it sits in (its attempt and rep are the row's, which PostgreSQL vouches for;
   * a rep cannot put an attempt "by" someone else inside their own row). Otherwise set aside.
   */
  private readBody<T extends { uuid?: string; attemptUuid?: string; repUuid: string }>(
    key: string,
    schema: z.ZodType<T>,
    body: unknown,
    row: { uuid?: string; attemptUuid?: string; repUuid: string },
    report: SyncReport,
  ): T[] {
    const parsed = schema.safeParse(body);
    const reasons = parsed.success
      ? [
          ...(parsed.data.repUuid !== row.repUuid ? ['it names another rep than the row it was pushed in'] : []),
          ...((parsed.data.uuid ?? parsed.data.attemptUuid) !== (row.uuid ?? row.attemptUuid)
            ? ['it names another attempt than the row it was pushed in']
            : []),
        ]
      : parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    if (!reasons.length) return [parsed.data!];
    this.team.refuse(key, reasons);
    report.refused++;
    return [];
  }

  /** A manifest of pulled rows, with the scenario versions and rubric texts this computer lacks. */
  private async manifestFor(
    client: pg.Client,
    format: Manifest['format'],
    attempts: Manifest['attempts'],
    reviews: Manifest['reviews'],
  ): Promise<unknown> {
    const keys = new Map<string, { id: string; hash: string }>();
    const versions = new Set<string>();
    for (const a of attempts) {
      if (!this.bundles.hasScenarioVersion(a.scenarioId, a.scenarioHash))
        keys.set(`${a.scenarioId}@${a.scenarioHash}`, { id: a.scenarioId, hash: a.scenarioHash });
      for (const t of a.turns ?? [])
        if (t.score && this.ctx.turns.rubricSnapshot(t.score.rubricVersion) === undefined)
          versions.add(t.score.rubricVersion);
    }
    const peopleUuids = new Set<string>();
    for (const a of attempts) peopleUuids.add(a.repUuid);
    for (const r of reviews) {
      peopleUuids.add(r.repUuid);
      if (r.review) peopleUuids.add(r.review.reviewerUuid);
      r.overrides.forEach((o) => peopleUuids.add(o.authorUuid));
      r.comments.forEach((c) => {
        peopleUuids.add(c.authorUuid);
        if (c.resolvedByUuid) peopleUuids.add(c.resolvedByUuid);
      });
      if (r.plan) peopleUuids.add(r.plan.authorUuid);
    }
    const me = this.bundles.people([this.people.me().id])[0]!;
    peopleUuids.add(me.uuid);
    const people = [...peopleUuids].flatMap((u) => {
      const p = this.bundles.personByUuid(u);
      return p ? [{ uuid: p.uuid, name: p.name, roles: p.roles }] : [];
    });
    return {
      format,
      version: BUNDLE_VERSION,
      exportedAt: new Date().toISOString(),
      exportedBy: me.uuid,
      people,
      scenarios: await scenarioVersions(client, [...keys.values()]),
      rubrics: await rubricTexts(client, [...versions]),
      attempts,
      reviews,
      files: {},
    };
  }

  /**
   * Checks and writes pulled rows like an imported bundle. If the whole page is refused, each item
   * is tried alone, so one bad row (a forged score) is set aside with its reasons and the rest land.
   */
  private write(manifest: unknown, keys: (m: Manifest) => string[], report: SyncReport): number {
    const me = this.bundles.people([this.people.me().id])[0]!;
    const local = { ...this.ctx, bundles: this.bundles, me };
    const label = 'Rows from the team store';
    try {
      const r = writeBundle(local, checkManifest(manifest, null, local, label), me);
      return r.format === 'sparring-attempts' ? r.attemptsAdded : keys(manifest as Manifest).length;
    } catch (error) {
      if (!(error instanceof BundleRefusedError)) throw error;
    }
    const m = manifest as Manifest;
    let written = 0;
    const items = m.format === 'sparring-attempts' ? m.attempts : m.reviews;
    for (const item of items) {
      const one = m.format === 'sparring-attempts' ? { ...m, attempts: [item] } : { ...m, reviews: [item] };
      const key = 'uuid' in item ? item.uuid : (item as BundleReview).attemptUuid;
      try {
        writeBundle(local, checkManifest(one, null, local, label), me);
        written++;
      } catch (error) {
        if (!(error instanceof BundleRefusedError)) throw error;
        this.team.refuse(key, error.reasons);
        report.refused++;
      }
    }
    return written;
  }
}

const emptyPart = (attemptUuid: string, repUuid: string): BundleReview => ({
  attemptUuid,
  repUuid,
  review: null,
  overrides: [],
  comments: [],
  plan: null,
});

/** What `author` wrote in a review: one writer per row in the store. */
function ownPart(r: BundleReview, author: string): BundleReview {
  return {
    attemptUuid: r.attemptUuid,
    repUuid: r.repUuid,
    review: r.review?.reviewerUuid === author ? r.review : null,
    overrides: r.overrides.filter((o) => o.authorUuid === author),
    comments: r.comments.filter((c) => c.authorUuid === author),
    plan: r.plan?.authorUuid === author ? r.plan : null,
  };
}

/** Every author's part of one attempt's review, as one review (the latest verdict and plan). */
function mergeParts(parts: BundleReview[]): BundleReview {
  const latest = <T extends { at: string }>(items: (T | null)[]) =>
    items.filter((x): x is T => x !== null).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0] ?? null;
  return {
    attemptUuid: parts[0]!.attemptUuid,
    repUuid: parts[0]!.repUuid,
    review: latest(parts.map((p) => p.review)),
    overrides: parts.flatMap((p) => p.overrides),
    comments: parts.flatMap((p) => p.comments),
    plan: latest(parts.map((p) => p.plan)),
  };
}

export const teamPacksDir = (dataDir: string) => join(dataDir, 'team-scenarios');
