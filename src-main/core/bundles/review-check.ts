import type { ProfileRole } from '../domain';
import type { ScenarioCatalog } from '../scenarios/scenario-catalog';
import type { AttemptsRepository } from '../storage/attempts-repository';
import type { BundlesRepository } from '../storage/bundles-repository';
import type { TurnsRepository } from '../storage/turns-repository';
import { type Manifest, asScore } from './bundle-manifest';

/** What the checks read of this computer's data, and who is using it. */
export interface Local {
  bundles: BundlesRepository;
  turns: TurnsRepository;
  attempts: AttemptsRepository;
  catalog: ScenarioCatalog;
  me: { uuid: string };
}

const twice = <T>(items: T[], key: (t: T) => string) => {
  const seen = new Set<string>();
  return items.filter((i) => seen.size === seen.add(key(i)).size);
};

/**
 * Who the file names, as this computer knows them: a person already here keeps the roles they have
 * here (a file cannot make someone a manager); a new person whose name is already taken here by
 * someone else is refused (two "Riley Rep"s would be told apart by nobody). Attempts and comments
 * must not be in the file twice, and an attempt already here must be the same rep's.
 */
export function checkIdentities(manifest: Manifest, local: Local, reasons: string[]): Map<string, ProfileRole[]> {
  const roles = new Map<string, ProfileRole[]>();
  for (const p of twice(manifest.people, (p) => p.uuid)) reasons.push(`${p.name} is listed twice among the people`);
  for (const p of manifest.people) {
    const here = local.bundles.personByUuid(p.uuid);
    if (here) roles.set(p.uuid, here.roles);
    else if (local.bundles.personByName(p.name))
      reasons.push(
        `"${p.name}" in this file is not the ${p.name} on this computer (a different person, or one added here by ` +
          `hand): rename the one here in Settings → People, then import again`,
      );
    else roles.set(p.uuid, p.roles);
  }
  for (const a of twice(manifest.attempts, (a) => a.uuid)) reasons.push(`attempt ${a.uuid} is in the file twice`);
  for (const a of manifest.attempts) {
    const here = local.bundles.attemptByUuid(a.uuid);
    if (here && here.repUuid !== a.repUuid) reasons.push(`attempt ${a.uuid} is already here as someone else's`);
  }
  for (const r of twice(manifest.reviews, (r) => r.attemptUuid))
    reasons.push(`the review of attempt ${r.attemptUuid} is in the file twice`);
  const comments = manifest.reviews.flatMap((r) => r.comments);
  for (const c of twice(comments, (c) => c.uuid)) reasons.push(`comment ${c.uuid} is in the file twice`);
  return roles;
}

/**
 * Each review part lands on an answer that exists, here or in the file, and is by people allowed
 * to write it: score changes, verdicts, plans and resolutions by a manager who is not the attempt's
 * rep; a comment already here changed only by its own author, on its own attempt; a reply to a
 * comment (not a reply) of the same attempt.
 */
export function checkReviews(manifest: Manifest, local: Local, roles: Map<string, ProfileRole[]>, reasons: string[]) {
  const names = new Map(manifest.people.map((p) => [p.uuid, p.name]));
  const inBundle = new Map(manifest.attempts.map((a) => [a.uuid, a]));
  for (const r of manifest.reviews) {
    const where = `review of attempt ${r.attemptUuid}`;
    const here = local.bundles.attemptByUuid(r.attemptUuid);
    const bundled = inBundle.get(r.attemptUuid);
    if (!here && !bundled) {
      const rep = names.get(r.repUuid) ?? 'the rep';
      reasons.push(`${where}: that attempt by ${rep} is not here; import the attempts bundle it reviews first`);
      continue;
    }
    if ((here?.repUuid ?? bundled!.repUuid) !== r.repUuid) reasons.push(`${where}: it names a different rep`);
    const turns = new Map(
      here
        ? local.turns.ofAttempt(here.id).map((t) => [t.index, { duration: t.durationSeconds, score: t.score }])
        : bundled!.turns.map((t) => [t.index, { duration: t.audio?.durationSeconds ?? null, score: asScore(t.score) }]),
    );
    const reviewers = [
      ...(r.review ? [r.review.reviewerUuid] : []),
      ...r.overrides.map((o) => o.authorUuid),
      ...(r.plan ? [r.plan.authorUuid] : []),
      ...r.comments.flatMap((c) => (c.resolvedByUuid ? [c.resolvedByUuid] : [])),
    ];
    for (const uuid of new Set(reviewers)) {
      const name = names.get(uuid);
      if (!name || !roles.has(uuid)) reasons.push(`${where}: a reviewer is not listed among the people`);
      else if (uuid === r.repUuid) reasons.push(`${where}: ${name} reviews their own attempt; only a manager may`);
      else if (!roles.get(uuid)!.includes('manager')) reasons.push(`${where}: ${name} is not a manager here`);
    }
    const criteria = (index: number) => turns.get(index)?.score?.criteria.map((c) => c.id) ?? [];
    for (const o of r.overrides) {
      if (!criteria(o.turnIndex).includes(o.criterionId))
        reasons.push(`${where}: answer ${o.turnIndex + 1} has no score for "${o.criterionId}" to change`);
    }
    const topLevel = new Set(r.comments.filter((c) => c.parentUuid === null).map((c) => c.uuid));
    for (const c of r.comments) {
      const duration = turns.get(c.turnIndex)?.duration;
      if (!names.has(c.authorUuid)) reasons.push(`${where}: the author of a comment is not listed among the people`);
      if (duration === undefined || duration === null)
        reasons.push(`${where}: a comment is on answer ${c.turnIndex + 1}, which has no recording`);
      else if (c.atSeconds > duration + 0.05 || (c.endSeconds !== null && c.endSeconds > duration + 0.05))
        reasons.push(`${where}: a comment at ${c.atSeconds.toFixed(1)} s falls outside answer ${c.turnIndex + 1}`);
      if (c.criterionId && !criteria(c.turnIndex).includes(c.criterionId))
        reasons.push(
          `${where}: a comment is tagged "${c.criterionId}", which answer ${c.turnIndex + 1} is not scored on`,
        );
      if (c.resolvedAt && !c.resolvedByUuid) reasons.push(`${where}: a comment is resolved by nobody`);
      const existing = local.bundles.commentByUuid(c.uuid);
      if (existing && (existing.attemptId !== here?.id || existing.authorUuid !== c.authorUuid))
        reasons.push(`${where}: comment ${c.uuid} is already here, on another attempt or by someone else`);
      if (c.parentUuid) {
        const parent = local.bundles.commentByUuid(c.parentUuid);
        const fine =
          topLevel.has(c.parentUuid) || (parent && parent.attemptId === here?.id && parent.parentId === null);
        if (!fine || c.parentUuid === c.uuid)
          reasons.push(`${where}: a reply answers a comment that is not a comment on this attempt`);
      }
    }
  }
}
