import type { HistoryQuery } from '../router';

const STATUS = [
  ['', 'Any status'],
  ['complete', 'Complete'],
  ['incomplete', 'Incomplete'],
  ['in_progress', 'In progress'],
] as const;
const CERT = [
  ['', 'All attempts'],
  ['only', 'Certifications'],
  ['passed', 'Certified'],
  ['not-passed', 'Not certified yet'],
] as const;
const SORT = [
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
  ['best', 'Best score first'],
  ['worst', 'Lowest score first'],
] as const;

/** The history's filters: each change is a new address (page 1), so the back button undoes it. */
export function HistoryFilters({
  query,
  scenarios,
  onChange,
}: {
  query: HistoryQuery;
  scenarios: { id: string; title: string }[];
  onChange(q: HistoryQuery): void;
}) {
  const set = (patch: Partial<HistoryQuery>) => onChange({ ...query, ...patch, page: 1 });
  return (
    <div className="filters" role="search" aria-label="Filter the history">
      <select
        value={query.scenarioId ?? ''}
        onChange={(e) => set({ scenarioId: e.target.value || undefined })}
        aria-label="Scenario"
        data-testid="history-scenario"
      >
        <option value="">Every scenario</option>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <select
        value={query.status ?? ''}
        onChange={(e) => set({ status: (e.target.value || undefined) as HistoryQuery['status'] })}
        aria-label="Status"
        data-testid="history-status"
      >
        {STATUS.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <select
        value={query.certification ?? ''}
        onChange={(e) => set({ certification: (e.target.value || undefined) as HistoryQuery['certification'] })}
        aria-label="Certification"
        data-testid="history-cert"
      >
        {CERT.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <label className="small">
        From{' '}
        <input
          type="date"
          value={query.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
          data-testid="history-from"
        />
      </label>
      <label className="small">
        To{' '}
        <input
          type="date"
          value={query.to ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
          data-testid="history-to"
        />
      </label>
      <select
        value={query.sort}
        onChange={(e) => set({ sort: e.target.value as HistoryQuery['sort'] })}
        aria-label="Sort"
        data-testid="history-sort"
      >
        {SORT.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
