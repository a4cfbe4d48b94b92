import type { AttemptSummary } from '../../src-main/core/domain';

/** Whether a certification attempt passed, against the pass mark it was taken under (core words it). */
export function CertificationBadge({ certification }: { certification: AttemptSummary['certification'] }) {
  if (!certification) return null;
  const { passed, by } = certification;
  return (
    <span
      className={`badge cert ${passed === false ? 'failed' : ''}`}
      data-testid="certification"
      data-passed={String(passed)}
      data-by={by ?? ''}
    >
      {certification.label}
    </span>
  );
}
