/** The attempts repository on a real SQLite file: history filters, sorting, paging, discard and restore. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src-main/core/domain';
import { AttemptsRepository } from '../../../src-main/core/storage/attempts-repository';
import { LazyDb } from '../../../src-main/core/storage/database';
import { PeopleRepository } from '../../../src-main/core/storage/people-repository';
import { tempDir } from '../../support/paths';

const scenario = (id: string, passMark?: number) =>
  ({
    id,
    title: `Title ${id}`,
    contentHash: `hash-${id}`,
    certification: passMark ? { passMark } : undefined,
  }) as Scenario;

function seeded() {
  const db = new LazyDb(join(tempDir(), 'sparring.db'));
  const repo = new AttemptsRepository(db);
  const profile = new PeopleRepository(db).self();
  for (const s of [scenario('a'), scenario('cert', 80)]) repo.recordScenarioVersion(s, 'id: x');
  const make = (
    s: Scenario,
    day: number,
    status: 'complete' | 'incomplete' | 'in_progress',
    overall: number | null,
  ) => {
    const id = repo.createAttempt(profile.id, s, new Date(Date.UTC(2026, 0, day)).toISOString());
    if (status !== 'in_progress') repo.setStatus(id, status);
    repo.setOverall(id, overall);
    return id;
  };
  const ids = {
    a1: make(scenario('a'), 1, 'complete', 50),
    a2: make(scenario('a'), 2, 'complete', 90),
    left: make(scenario('a'), 3, 'incomplete', 70),
    certPass: make(scenario('cert', 80), 4, 'complete', 85),
    certFail: make(scenario('cert', 80), 5, 'complete', 60),
    open: make(scenario('a'), 6, 'in_progress', null),
  };
  repo.setCertification(ids.certPass, { outcome: 'certified', by: 'automatic' });
  repo.setCertification(ids.certFail, { outcome: 'not-yet', by: 'automatic' });
  return { db, repo, ids };
}

const ids = (list: { id: number }[]) => list.map((a) => a.id);

describe('attempts repository', () => {
  it('lists newest first by default, pages stably, and counts what a filter matches', () => {
    const { repo, ids: i } = seeded();
    expect(ids(repo.list({ limit: 50, offset: 0 }))).toEqual([i.open, i.certFail, i.certPass, i.left, i.a2, i.a1]);
    expect(ids(repo.list({ limit: 2, offset: 2 }))).toEqual([i.certPass, i.left]);
    expect(ids(repo.list({ limit: 50, offset: 0, sort: 'oldest' }))[0]).toBe(i.a1);
    expect(repo.count()).toBe(6);
    expect(repo.count({ scenarioId: 'a' })).toBe(4);
  });

  it('filters by scenario, status, dates and certification outcome', () => {
    const { repo, ids: i } = seeded();
    expect(ids(repo.list({ limit: 50, offset: 0, status: 'incomplete' }))).toEqual([i.left]);
    expect(
      ids(repo.list({ limit: 50, offset: 0, from: '2026-01-02T00:00:00.000Z', to: '2026-01-04T00:00:00.000Z' })),
    ).toEqual([i.left, i.a2]);
    expect(ids(repo.list({ limit: 50, offset: 0, certification: 'only' }))).toEqual([i.certFail, i.certPass]);
    expect(ids(repo.list({ limit: 50, offset: 0, certification: 'passed' }))).toEqual([i.certPass]);
    expect(ids(repo.list({ limit: 50, offset: 0, certification: 'not-passed' }))).toEqual([i.certFail]);
  });

  it('sorts by score with unscored attempts last, and shows no overall score for an unfinished attempt', () => {
    const { repo, ids: i } = seeded();
    const best = repo.list({ limit: 50, offset: 0, sort: 'best' });
    expect(ids(best)).toEqual([i.a2, i.certPass, i.left, i.certFail, i.a1, i.open]);
    // Stored 70, but the role-play was left unfinished.
    expect(best.find((a) => a.id === i.left)!.overallScore).toBeNull();
    expect(ids(repo.list({ limit: 50, offset: 0, sort: 'worst' })).slice(0, 2)).toEqual([i.a1, i.certFail]);
  });

  it('discarded attempts are hidden at once, restorable, and deleted by the purge on the next start', () => {
    const { repo, ids: i } = seeded();
    repo.discard(i.a1);
    expect(ids(repo.list({ limit: 50, offset: 0 }))).not.toContain(i.a1);
    expect(repo.count()).toBe(5);
    expect(repo.attemptRef(i.a1)).toMatchObject({ discarded: true });
    repo.restore(i.a1);
    expect(repo.count()).toBe(6);
    repo.discard(i.a2);
    expect(repo.purgeDiscarded()).toBe(1);
    expect(repo.attemptRef(i.a2)).toBeUndefined();
    expect(repo.practisedScenarios()).toEqual([
      { id: 'a', title: 'Title a' },
      { id: 'cert', title: 'Title cert' },
    ]);
  });

  it('opens the database only when it is first used', () => {
    const dir = tempDir();
    const lazy = new LazyDb(join(dir, 'sparring.db'));
    new AttemptsRepository(lazy);
    expect(lazy.isOpen).toBe(false);
    new AttemptsRepository(lazy).count();
    expect(lazy.isOpen).toBe(true);
    lazy.close();
  });
});
