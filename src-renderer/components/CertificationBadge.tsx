import type { AttemptSummary } from '../../src-main/core/domain';

/** Whether a certification attempt passed, against the pass mark it was taken under. */
export function CertificationBadge({ certification }: { certification: AttemptSummary['certification'] }) {
  if (!certification) return null;
  const { passMark, passed, by, reviewer, reason } = certification;
  const text =
    passed === null
      ? `Certification: pass mark ${passMark}`
      : passed && by === 'review'
        ? `Certified by review: ${reviewer}, “${reason}” (pass mark ${passMark})`
        : passed
          ? `Certified (pass mark ${passMark})`
          : `Not certified yet (pass mark ${passMark})`;
  return (
    <span
      className={`badge cert ${passed === false ? 'failed' : ''}`}
      data-testid="certification"
      data-passed={String(passed)}
      data-by={by ?? ''}
    >
      {text}
    </span>
  );
}
