/**
 * Where the app is, as a URL hash: every screen and every attempt has an address, so links,
 * reloads and the back button work the same in Electron (file://) and the browser bridge.
 *   #/practice  #/practice/try/<scenario>  #/practice/resume/<attempt>
 *   #/history?page=2&scenario=..&status=..&cert=..&from=..&to=..&sort=..
 *   #/review?review=needs-another&rep=3&band=below-60&…   (a manager's queue)
 *   #/attempts/<id>  #/scenarios  #/settings
 *   #/team?from=..&to=..&reps=1,2   #/team/rep/<id>?from=..&to=..   (a manager's dashboard, a rep's scorecard)
 */

/** The team dashboard's filters: a date range and some reps (none: all). */
export interface TeamQuery {
  from?: string;
  to?: string;
  reps?: number[];
}
export interface HistoryQuery {
  page: number;
  scenarioId?: string;
  skill?: string;
  status?: 'in_progress' | 'complete' | 'incomplete';
  certification?: 'only' | 'passed' | 'not-passed';
  /** Dates (YYYY-MM-DD), inclusive, in the rep's own time zone. */
  from?: string;
  to?: string;
  sort: 'newest' | 'oldest' | 'best' | 'worst';
  repId?: number;
  review?: 'to-review' | 'reviewed' | 'needs-another';
  band?: 'below-60' | '60-79' | '80-plus';
}

export type View =
  | { name: 'practice'; startScenarioId?: string; resumeAttemptId?: number }
  | { name: 'history'; query: HistoryQuery }
  | { name: 'queue'; query: HistoryQuery }
  | { name: 'attempt'; id: number }
  | { name: 'designer' }
  | { name: 'settings' }
  | { name: 'team'; query: TeamQuery }
  | { name: 'scorecard'; repId: number; query: TeamQuery };

export const DEFAULT_HISTORY: HistoryQuery = { page: 1, sort: 'newest' };
export const DEFAULT_QUEUE: HistoryQuery = { page: 1, sort: 'oldest', review: 'to-review' };

const STATUSES = ['in_progress', 'complete', 'incomplete'] as const;
const CERTS = ['only', 'passed', 'not-passed'] as const;
const SORTS = ['newest', 'oldest', 'best', 'worst'] as const;
const REVIEWS = ['to-review', 'reviewed', 'needs-another'] as const;
const BANDS = ['below-60', '60-79', '80-plus'] as const;

function queryFrom(q: URLSearchParams, defaults: HistoryQuery): HistoryQuery {
  const rep = Number(q.get('rep'));
  return {
    page: Math.max(1, Math.floor(Number(q.get('page')) || 1)),
    scenarioId: q.get('scenario') || undefined,
    skill: q.get('skill') || undefined,
    status: oneOf(STATUSES, q.get('status')),
    certification: oneOf(CERTS, q.get('cert')),
    from: date(q.get('from')),
    to: date(q.get('to')),
    sort: oneOf(SORTS, q.get('sort')) ?? defaults.sort,
    ...(Number.isInteger(rep) && rep > 0 && { repId: rep }),
    ...((oneOf(REVIEWS, q.get('review')) ?? defaults.review) && {
      review: oneOf(REVIEWS, q.get('review')) ?? defaults.review,
    }),
    ...(oneOf(BANDS, q.get('band')) && { band: oneOf(BANDS, q.get('band')) }),
  };
}

function searchOf(query: HistoryQuery, defaults: HistoryQuery): string {
  const { page, scenarioId, skill, status, certification, from, to, sort, repId, review, band } = query;
  const q = new URLSearchParams();
  if (page > 1) q.set('page', String(page));
  if (scenarioId) q.set('scenario', scenarioId);
  if (skill) q.set('skill', skill);
  if (status) q.set('status', status);
  if (certification) q.set('cert', certification);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (sort !== defaults.sort) q.set('sort', sort);
  if (repId) q.set('rep', String(repId));
  if (review && review !== defaults.review) q.set('review', review);
  if (band) q.set('band', band);
  return q.size ? `?${q}` : '';
}
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

function teamQueryFrom(q: URLSearchParams): TeamQuery {
  const reps = (q.get('reps') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    ...(date(q.get('from')) && { from: date(q.get('from')) }),
    ...(date(q.get('to')) && { to: date(q.get('to')) }),
    ...(reps.length > 0 && { reps }),
  };
}

function teamSearch(query: TeamQuery): string {
  const q = new URLSearchParams();
  if (query.from) q.set('from', query.from);
  if (query.to) q.set('to', query.to);
  if (query.reps?.length) q.set('reps', query.reps.join(','));
  return q.size ? `?${q}`.replaceAll('%2C', ',') : '';
}

export function viewFromHash(hash: string): View {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const q = new URLSearchParams(search);
  switch (parts[0]) {
    case 'history':
      return { name: 'history', query: queryFrom(q, DEFAULT_HISTORY) };
    case 'review':
      return { name: 'queue', query: queryFrom(q, DEFAULT_QUEUE) };
    case 'attempts': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { name: 'attempt', id } : { name: 'history', query: DEFAULT_HISTORY };
    }
    case 'scenarios':
      return { name: 'designer' };
    case 'team': {
      const repId = Number(parts[2]);
      return parts[1] === 'rep' && Number.isInteger(repId) && repId > 0
        ? { name: 'scorecard', repId, query: teamQueryFrom(q) }
        : { name: 'team', query: teamQueryFrom(q) };
    }
    case 'settings':
      return { name: 'settings' };
    default: {
      if (parts[1] === 'try' && parts[2]) return { name: 'practice', startScenarioId: parts[2] };
      const resume = Number(parts[2]);
      if (parts[1] === 'resume' && Number.isInteger(resume) && resume > 0)
        return { name: 'practice', resumeAttemptId: resume };
      return { name: 'practice' };
    }
  }
}

export function hashFromView(view: View): string {
  switch (view.name) {
    case 'history':
      return `#/history${searchOf(view.query, DEFAULT_HISTORY)}`;
    case 'queue':
      return `#/review${searchOf(view.query, DEFAULT_QUEUE)}`;
    case 'attempt':
      return `#/attempts/${view.id}`;
    case 'designer':
      return '#/scenarios';
    case 'team':
      return `#/team${teamSearch(view.query)}`;
    case 'scorecard':
      return `#/team/rep/${view.repId}${teamSearch(view.query)}`;
    case 'settings':
      return '#/settings';
    default:
      if (view.startScenarioId) return `#/practice/try/${encodeURIComponent(view.startScenarioId)}`;
      if (view.resumeAttemptId) return `#/practice/resume/${view.resumeAttemptId}`;
      return '#/practice';
  }
}
