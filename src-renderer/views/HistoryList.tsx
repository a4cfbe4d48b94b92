import { useEffect, useRef, useState } from 'react';
import type { AttemptSummary, Profile } from '../../src-main/core/domain';
import { api } from '../api';
import { CertificationBadge } from '../components/CertificationBadge';
import { discardWithUndo } from '../history/discard-attempt';
import { HistoryFilters } from '../history/HistoryFilters';
import { isFiltered, listArgs, PAGE_SIZE } from '../history/history-query';
import { Pager } from '../history/Pager';
import { QueueTabs, type QueueCounts } from '../history/QueueTabs';
import { DEFAULT_HISTORY, DEFAULT_QUEUE, hashFromView, type HistoryQuery } from '../router';
import { STATUS_LABEL as STATUS } from '../history/status-label';
import { skillsOf } from '../library-skills';
import { useApp } from '../store';
import { ErrorBanner } from '../components/ErrorBanner';
import { TransferBar } from '../transfer/TransferBar';

/** Every stored attempt, a page at a time, filtered and sorted; each row links to its attempt. */
export function HistoryList({ query, mode = 'history' }: { query: HistoryQuery; mode?: 'history' | 'queue' }) {
  const go = useApp((s) => s.go);
  const [page, setPage] = useState<{ items: AttemptSummary[]; total: number } | null>(null);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [people, setPeople] = useState<Profile[]>([]);
  const [scenarios, setScenarios] = useState<{ id: string; title: string }[]>([]);
  const [skills, setSkills] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const show = (q: HistoryQuery) => go({ name: mode, query: q });

  useEffect(() => {
    const { status: _status, ...queueArgs } = listArgs(query);
    const load = mode === 'queue' ? api.review.queue(queueArgs) : api.attempts.list(listArgs(query));
    load.then(
      (result) => {
        // An address past the last page (typed, or the last row discarded): show the last page instead.
        const last = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
        if (query.page > last) return go({ name: mode, query: { ...query, page: last } }, { replace: true });
        setPage(result);
        setCounts((result as { counts?: QueueCounts }).counts ?? null);
      },
      (e: Error) => setError(e.message),
    );
  }, [query, reload, go, mode]);
  useEffect(() => {
    if (mode === 'queue') api.people.list().then(setPeople, () => undefined);
  }, [mode]);

  // A new page starts at its top, and keyboard focus goes to its count (the pager's button may be gone).
  const count = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(query.page);
  useEffect(() => {
    if (!page || shownPage.current === query.page) return;
    shownPage.current = query.page;
    window.scrollTo(0, 0);
    count.current?.focus();
  }, [page, query.page]);
  useEffect(() => {
    api.attempts.scenarios().then(setScenarios, () => undefined);
    api.scenarios.list().then(
      (l) => setSkills(skillsOf(l.valid)),
      () => undefined,
    );
  }, []);

  const transfer = (
    <TransferBar
      exportIds={
        mode === 'history' ? (page?.items ?? []).filter((a) => a.status !== 'in_progress').map((a) => a.id) : []
      }
      onImported={() => setReload((n) => n + 1)}
    />
  );
  const discard = (a: AttemptSummary) =>
    discardWithUndo({ id: a.id, title: a.scenarioTitle }, () => setReload((n) => n + 1));

  if (error) return <ErrorBanner message={error} />;
  if (!page) return <p className="muted">Loading history…</p>;
  if (mode === 'queue' && page.total === 0 && !isFiltered(query) && query.review === 'to-review' && counts) {
    return (
      <div className="history">
        <h2>Review queue</h2>
        <QueueTabs query={query} counts={counts} onChange={show} />
        <div className="empty" data-testid="queue-empty">
          <p>Nothing waiting for review. Finished role-plays of the reps you review appear here, oldest first.</p>
          <p>A rep on another computer exports their attempts from their History; import that file here.</p>
          {transfer}
        </div>
      </div>
    );
  }
  if (page.total === 0 && !isFiltered(query) && mode === 'history') {
    return (
      <div className="empty" data-testid="history-empty">
        <h2>No attempts yet</h2>
        <p>Practise a scenario and it will appear here with its transcript and scores.</p>
        <button className="primary" onClick={() => go({ name: 'practice' })}>
          Start practising
        </button>
        {transfer}
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const first = (query.page - 1) * PAGE_SIZE + 1;
  return (
    <div className="history">
      <h2>{mode === 'queue' ? 'Review queue' : 'History'}</h2>
      {transfer}
      {mode === 'queue' && counts && <QueueTabs query={query} counts={counts} onChange={show} />}
      <HistoryFilters query={query} scenarios={scenarios} skills={skills} people={people} mode={mode} onChange={show} />
      <p className="muted" data-testid="history-count" ref={count} tabIndex={-1}>
        {page.total === 0
          ? 'No attempt matches these filters.'
          : `${first}–${first + page.items.length - 1} of ${page.total} attempt${page.total === 1 ? '' : 's'}`}{' '}
        {isFiltered(query) && (
          <button
            className="link"
            onClick={() =>
              show({ ...(mode === 'queue' ? DEFAULT_QUEUE : DEFAULT_HISTORY), sort: query.sort, review: query.review })
            }
          >
            Clear filters
          </button>
        )}
      </p>
      {page.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Started</th>
              <th>Answered</th>
              <th>Status</th>
              <th>Score</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((a) => (
              <tr
                key={a.id}
                onClick={(e) => !(e.target as HTMLElement).closest('button, a') && go({ name: 'attempt', id: a.id })}
                data-testid="history-row"
                data-attempt={a.id}
              >
                <td>
                  <a href={hashFromView({ name: 'attempt', id: a.id })}>{a.scenarioTitle}</a>{' '}
                  <span className="muted small">
                    #{a.id} · {a.rep}
                  </span>
                </td>
                <td>{new Date(a.startedAt).toLocaleString()}</td>
                <td>{a.turnCount}</td>
                <td>
                  {STATUS[a.status]}
                  {a.rescoredFrom !== null && <span className="muted"> · re-score of #{a.rescoredFrom}</span>}{' '}
                  <CertificationBadge certification={a.certification} />
                  {a.review && (
                    <span className={`badge review ${a.review.status}`} data-testid="review-badge">
                      {a.review.status === 'reviewed' ? 'Reviewed' : 'Needs another attempt'}
                    </span>
                  )}
                  {a.status !== 'complete' && (
                    <span className="row-actions">
                      <button
                        className="link"
                        onClick={() => go({ name: 'practice', resumeAttemptId: a.id })}
                        data-testid="history-resume"
                      >
                        Resume
                      </button>
                      <button className="link" onClick={() => void discard(a)} data-testid="history-discard">
                        Discard
                      </button>
                    </span>
                  )}
                </td>
                <td>
                  {a.overallScore ?? (
                    <span className="muted" title="Only a finished role-play has an overall score">
                      –
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={Math.min(query.page, pages)} pages={pages} onPage={(p) => show({ ...query, page: p })} />
    </div>
  );
}
