import type { ResultOf } from '../../src-main/api/contract';
import { hashFromView } from '../router';

type Rep = ResultOf<'dashboard.team'>['reps'][number];

/** A heatmap cell's band: the number is always printed too, so colour is never the only signal. */
export const heatClass = (score: number | null) =>
  score === null ? 'heat-none' : score < 40 ? 'heat-1' : score < 60 ? 'heat-2' : score < 80 ? 'heat-3' : 'heat-4';

const STATUS = {
  certified: 'Certified',
  expiring: 'Expiring soon',
  expired: 'Expired',
  'not-yet': 'Not passed yet',
} as const;

/** Each rep's certifications with their status and expiry, each linking to the attempt that decided it. */
export function CertificationList({ reps }: { reps: Rep[] }) {
  const withAny = reps.filter((r) => r.certifications.length > 0);
  if (!withAny.length) return <p className="empty">No certification attempts by the reps shown.</p>;
  return (
    <ul className="certifications" data-testid="certifications">
      {withAny.map((r) => (
        <li key={r.id}>
          <strong>{r.name}</strong>:{' '}
          {r.certifications.map((c, i) => (
            <span key={c.scenarioId}>
              {i > 0 && '; '}
              <a href={hashFromView({ name: 'attempt', id: c.attemptId })}>{c.title}</a>{' '}
              <span className={`chip cert-${c.status}`} data-testid="cert-status" data-status={c.status}>
                {STATUS[c.status]}
                {c.validUntil && c.status !== 'not-yet' ? ` (until ${c.validUntil.slice(0, 10)})` : ''}
              </span>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
