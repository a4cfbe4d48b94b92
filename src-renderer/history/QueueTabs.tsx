import type { HistoryQuery } from '../router';

export interface QueueCounts {
  toReview: number;
  reviewed: number;
  needsAnother: number;
}

const TABS = [
  ['to-review', 'To review', 'toReview'],
  ['needs-another', 'Needs another attempt', 'needsAnother'],
  ['reviewed', 'Reviewed', 'reviewed'],
] as const;

/** The queue's statuses, each with how many attempts it holds (under the other filters). */
export function QueueTabs({
  query,
  counts,
  onChange,
}: {
  query: HistoryQuery;
  counts: QueueCounts;
  onChange(q: HistoryQuery): void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label="Review status">
      {TABS.map(([status, label, key]) => (
        <button
          key={status}
          role="tab"
          aria-selected={query.review === status}
          className={query.review === status ? 'active' : ''}
          onClick={() => onChange({ ...query, review: status, page: 1 })}
          data-testid={`queue-tab-${status}`}
        >
          {label} <span className="count">{counts[key]}</span>
        </button>
      ))}
    </div>
  );
}
