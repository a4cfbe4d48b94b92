import { shaOfAudioPath } from '../audio/audio-store';
import { parse as parseYaml } from 'yaml';
import { automaticCertification } from '../attempts/certification';
import { SparringError } from '../errors';
import type { CoreContext } from '../context';
import type { TurnScore } from '../domain';
import { rubricLibraryFromSnapshot } from '../scoring/rubric-library';
import { overallOf, withChecks } from '../scoring/score-answer';
import type { BundlesRepository } from '../storage/bundles-repository';
import { type BundleAttempt, type BundleReview, asScore, asTranscript } from './bundle-manifest';
import type { CheckedBundle } from './bundle-check';
import type { CertificationRule } from './score-check';

type Ctx = Pick<CoreContext, 'tries' | 'turns' | 'reviews' | 'records' | 'audio' | 'attempts'> & {
  bundles: BundlesRepository;
};

/** What an import changed. Importing the same file again reports nothing added. */
export interface ImportReport {
  format: 'sparring-attempts' | 'sparring-review';
  attemptsAdded: number;
  attemptsAlreadyHere: number;
  commentsAdded: number;
  commentsUpdated: number;
  scoreChanges: number;
  reviews: number;
  plans: number;
  /** The reps whose attempts the file holds or reviews. */
  reps: string[];
  /** Local ids of the attempts it added or reviewed, to open them. */
  attemptIds: number[];
}

/**
 * Writes a checked bundle: audio first (content-addressed, so a file left by a failed import is
 * simply reused next time), then every row in one transaction. Attempts already here (by UUID) are
 * skipped; review material is merged, the newer of two versions of the same row winning. Scores
 * are recomputed from their checks, and certifications decided here, never taken from the file.
 */
export function writeBundle(ctx: Ctx, checked: CheckedBundle, me: { uuid: string }): ImportReport {
  try {
    return write(ctx, checked, me);
  } catch (error) {
    if (error instanceof SparringError) throw error;
    throw new SparringError(
      'import_failed',
      `The file passed its checks but could not be written (${(error as Error).message}); nothing was changed. ` +
        'Export it again, and report this if it happens again.',
    );
  }
}

function write(ctx: Ctx, { manifest, audio, certifications }: CheckedBundle, me: { uuid: string }): ImportReport {
  const report: ImportReport = {
    format: manifest.format,
    attemptsAdded: 0,
    attemptsAlreadyHere: 0,
    commentsAdded: 0,
    commentsUpdated: 0,
    scoreChanges: 0,
    reviews: 0,
    plans: 0,
    reps: [],
    attemptIds: [],
  };
  const fresh = manifest.attempts.filter((a) => !ctx.bundles.attemptByUuid(a.uuid));
  report.attemptsAlreadyHere = manifest.attempts.length - fresh.length;
  const stored = new Map<string, string>();
  for (const a of fresh)
    for (const t of a.turns)
      if (t.audio && !stored.has(t.audio.file)) {
        const bytes = audio.get(t.audio.file);
        // Without its bytes (pulled from the team store), the answer points where its copy will be
        // kept once someone listens to it.
        stored.set(
          t.audio.file,
          bytes ? ctx.audio.importBytes(bytes) : ctx.audio.teamCopyPath(shaOfAudioPath(t.audio.file)!),
        );
      }

  ctx.bundles.transaction(() => {
    const personId = new Map<string, number>();
    for (const p of manifest.people)
      personId.set(p.uuid, ctx.bundles.personByUuid(p.uuid)?.id ?? ctx.bundles.addPerson(p.uuid, p.name, p.roles));
    for (const s of manifest.scenarios)
      ctx.bundles.insertScenarioVersion(s.id, s.hash, titleOf(s.content, s.id), s.content);
    // Only a text that is the version it names is kept as that version (a file or the store may carry others).
    for (const r of manifest.rubrics)
      if (rubricLibraryFromSnapshot(r.content).version === r.version)
        ctx.turns.recordRubricVersion(r.version, r.content);
    const touched = new Set<number>();
    for (const a of fresh) {
      const id = insertAttempt(ctx, a, personId.get(a.repUuid)!, certifications.get(a.uuid) ?? null, stored);
      touched.add(id);
      report.attemptsAdded++;
    }
    // One owner per row: what the person using Sparring wrote is theirs here, never replaced (or
    // brought back after they deleted it) by a copy that travelled.
    const notMine = (uuid: string) => uuid !== me.uuid;
    for (const r of manifest.reviews) touched.add(mergeReview(ctx, r, personId, notMine, report));
    for (const a of manifest.attempts) touched.add(ctx.bundles.attemptByUuid(a.uuid)!.id);
    report.attemptIds = [...touched];
    const reps = new Set([...manifest.attempts, ...manifest.reviews].map((a) => a.repUuid));
    report.reps = manifest.people.filter((p) => reps.has(p.uuid)).map((p) => p.name);
  });
  return report;
}

function insertAttempt(
  ctx: Ctx,
  a: BundleAttempt,
  repId: number,
  certification: CertificationRule,
  stored: Map<string, string>,
): number {
  const id = ctx.bundles.insertAttempt({
    uuid: a.uuid,
    profileId: repId,
    scenarioId: a.scenarioId,
    scenarioHash: a.scenarioHash,
    status: a.status,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    passMark: certification?.passMark ?? null,
  });
  for (const t of a.turns) {
    ctx.turns.save(id, {
      index: t.index,
      turnId: t.turnId,
      buyerLine: t.buyerLine,
      audioPath: t.audio ? stored.get(t.audio.file)! : null,
      durationSeconds: t.audio?.durationSeconds ?? null,
      transcript: asTranscript(t.transcript),
      score: rescored(asScore(t.score)),
    });
    if (t.nextTarget) ctx.turns.setNextTarget(id, t.index, t.nextTarget);
    for (const k of t.tries ?? [])
      ctx.tries.add(id, t.index, {
        transcript: asTranscript(k.transcript),
        // Like the answer that counts: a number edited without its checks does not survive.
        score: rescored(asScore(k.score)),
        answeredAt: k.answeredAt,
      });
  }
  ctx.records.refreshOverall(id);
  if (certification && a.status === 'complete') {
    // The rule of the end of a role-play (certification.ts), with the scenario version's own settings.
    const outcome = automaticCertification(ctx.turns.ofAttempt(id), certification);
    ctx.attempts.setCertification(id, { outcome, by: 'automatic', validDays: certification.validDays });
  }
  return id;
}

/** A score as its checks make it: a number edited in the file without its checks does not survive. */
function rescored(score: TurnScore | null): TurnScore | null {
  if (!score) return null;
  const criteria = score.criteria.map(({ override: _o, ...c }) => withChecks(c, c.checks, score.passMark));
  const overall = overallOf(criteria);
  return { ...score, criteria, overall, passed: overall >= score.passMark };
}

function mergeReview(
  ctx: Ctx,
  r: BundleReview,
  personId: Map<string, number>,
  notMine: (uuid: string) => boolean,
  report: ImportReport,
): number {
  const attemptId = ctx.bundles.attemptByUuid(r.attemptUuid)!.id;
  const turnId = (index: number) => ctx.turns.at(attemptId, index)!.id;
  let changed: { reviewer: string; reason: string } | null = null;
  for (const o of r.overrides.filter((k) => notMine(k.authorUuid))) {
    const { turnIndex, authorUuid, ...rest } = o;
    if (ctx.bundles.mergeOverride(turnId(turnIndex), { ...rest, authorId: personId.get(authorUuid)! })) {
      report.scoreChanges++;
      changed = { reviewer: ctx.bundles.people([personId.get(authorUuid)!])[0]!.name, reason: o.reason };
    }
  }
  // Parents before replies.
  const comments = r.comments
    .filter((c) => notMine(c.authorUuid))
    .sort((a, b) => Number(a.parentUuid !== null) - Number(b.parentUuid !== null));
  for (const c of comments) {
    const row = {
      ...c,
      authorId: personId.get(c.authorUuid)!,
      resolvedById: c.resolvedByUuid ? personId.get(c.resolvedByUuid)! : null,
    };
    const existing = ctx.bundles.commentByUuid(c.uuid);
    if (!existing) {
      const parentId = c.parentUuid ? ctx.bundles.commentByUuid(c.parentUuid)!.id : null;
      ctx.bundles.insertComment({ ...row, attemptId, turnId: turnId(c.turnIndex), parentId });
      report.commentsAdded++;
    } else if (later(c.updatedAt, existing.updatedAt) || later(c.resolvedAt, existing.resolvedAt)) {
      ctx.bundles.updateComment(existing.id, row);
      report.commentsUpdated++;
    }
  }
  if (r.review && notMine(r.review.reviewerUuid)) {
    const mine = ctx.bundles.reviewOf(attemptId);
    if (!mine || later(r.review.at, mine.at)) {
      const { status, note, reviewerUuid, at } = r.review;
      ctx.reviews.set(attemptId, status, personId.get(reviewerUuid)!, note, at);
      report.reviews++;
    }
  }
  if (r.plan && notMine(r.plan.authorUuid)) {
    const mine = ctx.reviews.plan(attemptId);
    if (!mine || later(r.plan.at, mine.updatedAt)) {
      const { authorUuid, at, ...plan } = r.plan;
      ctx.reviews.setPlan(attemptId, plan, personId.get(authorUuid)!, at);
      report.plans++;
    }
  }
  if (changed) {
    ctx.records.refreshOverall(attemptId);
    ctx.records.reviewCertification(attemptId, changed.reviewer, changed.reason);
  }
  return attemptId;
}

const later = (a: string | null, b: string | null) => a !== null && (b === null || Date.parse(a) > Date.parse(b));

/** The title a scenario version is listed under; its id when the text has none. */
function titleOf(content: string, id: string): string {
  try {
    const title = (parseYaml(content, { maxAliasCount: 100 }) as { title?: unknown } | null)?.title;
    return typeof title === 'string' && title.trim() ? title.slice(0, 200) : id;
  } catch {
    return id;
  }
}
