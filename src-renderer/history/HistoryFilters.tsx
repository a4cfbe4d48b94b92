import { useEffect, useState } from 'react';
import type { Profile } from '../../src-main/core/domain';
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
const BANDS = [
  ['', 'Any score'],
  ['below-60', 'Below 60'],
  ['60-79', '60 to 79'],
  ['80-plus', '80 and over'],
] as const;
const SORT = [
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
  ['best', 'Best score first'],
  ['worst', 'Lowest score first'],
] as const;

/** One labelled drop-down of the filter row; '' means "any". */
function Choice<T extends string>(props: {
  label: string;
  testId: string;
  value: T | undefined;
  options: readonly (readonly [string, string])[];
  onChange(value: T | undefined): void;
}) {
  return (
    <select
      value={props.value ?? ''}
      onChange={(e) => props.onChange((e.target.value || undefined) as T | undefined)}
      aria-label={props.label}
      data-testid={props.testId}
    >
      {props.options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

/**
 * A date filter. A date input reports partial years while the rep types ("0002-11-23"), so the
 * filter changes only for a whole date from 1900 on (or when cleared), and again when the field is left.
 */
function DateFilter(props: {
  label: string;
  testId: string;
  value: string | undefined;
  onChange(v: string | undefined): void;
}) {
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const commit = (v: string) => {
    if (v === '') return props.value && props.onChange(undefined);
    if (/^(19|2\d)\d\d-\d\d-\d\d$/.test(v) && v !== props.value) props.onChange(v);
  };
  return (
    <label className="small">
      {props.label}{' '}
      <input
        type="date"
        value={text}
        min="1900-01-01"
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
        onBlur={(e) => commit(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}

/** The history's filters: each change is a new address (page 1), so the back button undoes it. */
export function HistoryFilters({
  query,
  scenarios,
  skills = [],
  people = [],
  mode = 'history',
  onChange,
}: {
  query: HistoryQuery;
  scenarios: { id: string; title: string }[];
  /** The skills the library's scenarios practise (empty: no skill filter). */
  skills?: string[];
  people?: Profile[];
  mode?: 'history' | 'queue';
  onChange(q: HistoryQuery): void;
}) {
  const set = (patch: Partial<HistoryQuery>) => onChange({ ...query, ...patch, page: 1 });
  const scenarioOptions = [['', 'Every scenario'] as const, ...scenarios.map((s) => [s.id, s.title] as const)];
  return (
    <div className="filters" role="search" aria-label="Filter the history">
      <Choice
        label="Scenario"
        testId="history-scenario"
        value={query.scenarioId}
        options={scenarioOptions}
        onChange={(scenarioId) => set({ scenarioId })}
      />
      {skills.length > 0 && (
        <Choice
          label="Skill"
          testId="history-skill"
          value={query.skill}
          options={[['', 'Every skill'] as const, ...skills.map((k) => [k, k] as const)]}
          onChange={(skill) => set({ skill })}
        />
      )}
      {mode === 'queue' ? (
        <>
          <Choice
            label="Rep"
            testId="history-rep"
            value={query.repId ? String(query.repId) : undefined}
            options={[['', 'Every rep'] as const, ...people.map((p) => [String(p.id), p.name] as const)]}
            onChange={(rep) => set({ repId: rep ? Number(rep) : undefined })}
          />
          <Choice
            label="Score"
            testId="history-band"
            value={query.band}
            options={BANDS}
            onChange={(band) => set({ band })}
          />
        </>
      ) : (
        <Choice
          label="Status"
          testId="history-status"
          value={query.status}
          options={STATUS}
          onChange={(status) => set({ status })}
        />
      )}
      <Choice
        label="Certification"
        testId="history-cert"
        value={query.certification}
        options={CERT}
        onChange={(certification) => set({ certification })}
      />
      <DateFilter label="From" testId="history-from" value={query.from} onChange={(from) => set({ from })} />
      <DateFilter label="To" testId="history-to" value={query.to} onChange={(to) => set({ to })} />
      <Choice
        label="Sort"
        testId="history-sort"
        value={query.sort}
        options={SORT}
        onChange={(sort) => set({ sort: sort ?? 'newest' })}
      />
    </div>
  );
}
