import type { ArgsOf } from '../../src-main/api/contract';
import type { HistoryQuery } from '../router';

export const PAGE_SIZE = 50;

/** The start of a local calendar day as an instant (the rep filters by their own dates). */
const dayStart = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/** The API's list arguments for a history page: "to" includes its whole day. */
export function listArgs(q: HistoryQuery): ArgsOf<'attempts.list'> & ArgsOf<'review.queue'> {
  return {
    ...(q.repId && { repId: q.repId }),
    ...(q.review && { review: q.review }),
    ...(q.band && { band: q.band }),
    limit: PAGE_SIZE,
    offset: (q.page - 1) * PAGE_SIZE,
    sort: q.sort,
    ...(q.scenarioId && { scenarioId: q.scenarioId }),
    ...(q.skill && { skill: q.skill }),
    ...(q.status && { status: q.status }),
    ...(q.certification && { certification: q.certification }),
    ...(q.from && { from: dayStart(q.from) }),
    ...(q.to && { to: dayStart(q.to, 1) }),
  };
}

export const isFiltered = (q: HistoryQuery) =>
  Boolean(q.scenarioId || q.skill || q.status || q.certification || q.from || q.to || q.repId || q.band);
