import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { CoreContext } from '../context';
import { SparringError, notFound } from '../errors';
import type { BundlesRepository } from '../storage/bundles-repository';
import { BUNDLE_LIMITS } from './bundle-check';
import { BUNDLE_VERSION, type BundleAttempt, type BundleReview, type Manifest, sha256Hex } from './bundle-manifest';

type Ctx = Pick<CoreContext, 'tries' | 'turns' | 'reviews' | 'attempts' | 'audio'> & { bundles: BundlesRepository };

/** Fixed timestamps inside the zip: the same attempts always give the same bytes (apart from the manifest's date). */
const MTIME = { mtime: new Date('2000-01-01T00:00:00Z') };

/**
 * Builds an attempts bundle (`kind` 'sparring-attempts': the attempts themselves with their audio,
 * the scenario versions and rubric text they were scored with, and any review material) or a
 * review file ('sparring-review': only what reviewers added, for attempts the receiver already has).
 */
export function buildBundle(
  ctx: Ctx,
  kind: Manifest['format'],
  attemptIds: number[],
  exportedBy: number,
): { zip: Uint8Array; reps: string[] } {
  const { manifest, files, reps } = collectManifest(ctx, kind, attemptIds, exportedBy);
  const audioBytes = [...files.values()].reduce((n, b) => n + b.length, 0);
  if (audioBytes > BUNDLE_LIMITS.zipBytes * 0.95 || files.size > BUNDLE_LIMITS.files - 2) {
    throw new SparringError(
      'bundle_too_big',
      `These ${attemptIds.length} attempts hold ${(audioBytes / 1048576).toFixed(0)} MB of audio; one file may carry ` +
        `about ${Math.floor((BUNDLE_LIMITS.zipBytes * 0.95) / 1048576)} MB. Export fewer attempts at a time.`,
    );
  }
  if (kind === 'sparring-review' && !manifest.reviews.length) {
    throw new SparringError(
      'nothing_to_send',
      'There is nothing to send back yet: these attempts have no comments, score changes, review or coaching plan.',
    );
  }
  const json = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  const entries = Object.fromEntries([...files].map(([path, bytes]) => [path, [bytes, MTIME] as const]));
  const zip = zipSync(
    {
      'manifest.json': [json, MTIME],
      'manifest.sha256': [new TextEncoder().encode(sha256Hex(json)), MTIME],
      ...entries,
    },
    // WAV barely deflates; the manifest does. Level 1 keeps a large export quick.
    { level: 1 },
  );
  return { zip, reps: [...new Set(ctx.bundles.people(reps).map((p) => p.name))] };
}

/**
 * The manifest of these attempts (everything but the audio) and the audio it names, by path: what
 * a bundle zips, and what the team store keeps in its rows.
 */
export function collectManifest(
  ctx: Ctx,
  kind: Manifest['format'],
  attemptIds: number[],
  exportedBy: number,
): { manifest: Manifest; files: Map<string, Uint8Array>; reps: number[] } {
  const people = new Set<number>([exportedBy]);
  const reps = new Set<number>();
  const files = new Map<string, Uint8Array>();
  const digests: Record<string, string> = {};
  const scenarios = new Map<string, Manifest['scenarios'][number]>();
  const rubrics = new Map<string, string>();
  const attempts: BundleAttempt[] = [];
  const reviews: BundleReview[] = [];

  for (const id of attemptIds) {
    const row = ctx.bundles.attempt(id);
    if (!row) throw notFound(`Attempt ${id}`);
    if (row.status === 'in_progress')
      throw new SparringError('attempt_open', `Attempt ${id} is still being practised: finish or leave it first.`);
    people.add(row.profileId);
    reps.add(row.profileId);
    const repUuid = ctx.bundles.people([row.profileId])[0]!.uuid;
    const turns = ctx.turns.ofAttempt(id);
    if (kind === 'sparring-attempts') {
      const content = ctx.attempts.scenarioContent(row.scenarioId, row.scenarioHash)!;
      scenarios.set(`${row.scenarioId}@${row.scenarioHash}`, { id: row.scenarioId, hash: row.scenarioHash, content });
      const path = new Map(ctx.turns.path(id).map((p) => [p.step, p.nextTarget]));
      const tries = ctx.tries.ofAttempt(id);
      // The rubric texts the retried answers were scored with travel too.
      for (const k of [...tries.values()].flat()) {
        const text = k.score ? ctx.turns.rubricSnapshot(k.score.rubricVersion) : undefined;
        if (text !== undefined) rubrics.set(k.score!.rubricVersion, text);
      }
      attempts.push({
        uuid: row.uuid,
        repUuid,
        scenarioId: row.scenarioId,
        scenarioHash: row.scenarioHash,
        status: row.status,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        certification: row.passMark === null ? null : { passMark: row.passMark },
        turns: turns.map((t) => {
          if (t.score) {
            const rubric = ctx.turns.rubricSnapshot(t.score.rubricVersion);
            if (rubric !== undefined) rubrics.set(t.score.rubricVersion, rubric);
          }
          let audio = null;
          if (t.audioPath) {
            const bytes = readFileSync(ctx.audio.absolute(t.audioPath));
            const sha = sha256Hex(bytes);
            const file = `audio/${sha}.wav`;
            files.set(file, bytes);
            digests[file] = sha;
            audio = { file, durationSeconds: t.durationSeconds ?? 0 };
          }
          return {
            index: t.index,
            turnId: t.turnId,
            buyerLine: t.buyerLine,
            audio,
            transcript: t.transcript as BundleAttempt['turns'][number]['transcript'],
            score: t.score as BundleAttempt['turns'][number]['score'],
            nextTarget: path.get(t.index) ?? null,
            ...(tries.has(t.index)
              ? {
                  tries: tries.get(t.index)!.map((k) => ({
                    transcript: k.transcript as BundleAttempt['turns'][number]['transcript'],
                    score: k.score as BundleAttempt['turns'][number]['score'],
                    answeredAt: k.answeredAt,
                  })),
                }
              : {}),
          };
        }),
      });
    }
    const review = reviewPart(ctx, id, row.uuid, repUuid, people);
    if (review) reviews.push(review);
  }
  const manifest: Manifest = {
    format: kind,
    version: BUNDLE_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy: ctx.bundles.people([exportedBy])[0]!.uuid,
    people: ctx.bundles.people([...people]).map(({ uuid, name, roles }) => ({ uuid, name, roles })),
    scenarios: [...scenarios.values()],
    rubrics: [...rubrics].map(([version, content]) => ({ version, content })),
    attempts,
    reviews,
    files: digests,
  };
  return { manifest, files, reps: [...reps] };
}

/** What reviewers added to one attempt, or null when nothing was. The people it names join `people`. */
function reviewPart(ctx: Ctx, attemptId: number, attemptUuid: string, repUuid: string, people: Set<number>) {
  const review = ctx.bundles.reviewOf(attemptId);
  const overrides = ctx.bundles.overrides(attemptId);
  const comments = ctx.bundles.comments(attemptId);
  const plan = ctx.reviews.plan(attemptId);
  if (!review && !overrides.length && !comments.length && !plan) return null;
  const ids = [
    ...(review ? [review.reviewerId] : []),
    ...overrides.map((o) => o.authorId),
    ...comments.flatMap((c) => [c.authorId, ...(c.resolvedById === null ? [] : [c.resolvedById])]),
    ...(plan ? [plan.authorId] : []),
  ];
  ids.forEach((id) => people.add(id));
  const uuidOf = new Map(ctx.bundles.people([...new Set(ids)]).map((p) => [p.id, p.uuid]));
  return {
    attemptUuid,
    repUuid,
    review: review
      ? { status: review.status, note: review.note, reviewerUuid: uuidOf.get(review.reviewerId)!, at: review.at }
      : null,
    overrides: overrides.map(({ authorId, ...o }) => ({ ...o, authorUuid: uuidOf.get(authorId)! })),
    comments: comments.map(({ authorId, resolvedById, ...c }) => ({
      ...c,
      authorUuid: uuidOf.get(authorId)!,
      resolvedByUuid: resolvedById === null ? null : uuidOf.get(resolvedById)!,
    })),
    plan: plan
      ? {
          skills: plan.skills,
          note: plan.note,
          suggestedScenarioId: plan.suggestedScenarioId,
          authorUuid: uuidOf.get(plan.authorId)!,
          at: plan.updatedAt,
        }
      : null,
  } satisfies BundleReview;
}
