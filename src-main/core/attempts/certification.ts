import type { CertificationOutcome, TurnRecord } from '../domain';
import { summarizeRoleplay } from '../scoring/roleplay-summary';

/**
 * Whether an attempt earned its certification by itself: every answer spoken (typed answers count
 * only where the scenario allows them) and the automatic overall at or above the pass mark. The
 * turns are read as stored, without human overrides: an override certifies only through a review.
 */
export function automaticCertification(
  automaticTurns: TurnRecord[],
  certification: { passMark: number; allowTyped: boolean },
): 'certified' | 'not-yet' {
  if (!automaticTurns.length) return 'not-yet';
  const typed = automaticTurns.some((t) => t.audioPath === null || t.score?.delivery.typed);
  if (typed && !certification.allowTyped) return 'not-yet';
  const overall = summarizeRoleplay(automaticTurns)?.overall ?? 0;
  return overall >= certification.passMark ? 'certified' : 'not-yet';
}

/** A certification outcome in words, for every screen and export. */
export function certificationLabel(c: Omit<CertificationOutcome, 'label'>): string {
  if (c.passed === null) return `Certification: pass mark ${c.passMark}`;
  const until = c.validUntil ? `, valid until ${c.validUntil.slice(0, 10)}` : '';
  if (c.passed && c.by === 'review')
    return `Certified by review: ${c.reviewer}, “${c.reason}” (pass mark ${c.passMark}${until})`;
  return c.passed ? `Certified (pass mark ${c.passMark}${until})` : `Not certified yet (pass mark ${c.passMark})`;
}
