/** Every screen has an address, and an address read back gives the same screen. */
import { describe, expect, it } from 'vitest';
import { hashFromView, type View, viewFromHash } from '../../../src-renderer/router';

describe('router', () => {
  it('round-trips every kind of view', () => {
    const views: View[] = [
      { name: 'practice' },
      { name: 'practice', startScenarioId: 'price objection/1' },
      { name: 'practice', resumeAttemptId: 12 },
      { name: 'history', query: { page: 1, sort: 'newest' } },
      {
        name: 'history',
        query: {
          page: 3,
          sort: 'best',
          scenarioId: 'x',
          skill: 'objection-handling',
          status: 'incomplete',
          certification: 'passed',
          from: '2026-01-01',
          to: '2026-02-01',
        },
      },
      { name: 'queue', query: { page: 1, sort: 'oldest', review: 'to-review' } },
      { name: 'queue', query: { page: 2, sort: 'worst', review: 'needs-another', repId: 3, band: 'below-60' } },
      { name: 'attempt', id: 7 },
      { name: 'designer' },
      { name: 'settings' },
    ];
    for (const view of views) expect(viewFromHash(hashFromView(view))).toEqual(view);
  });

  it('reads a broken or hand-edited address as the nearest sensible screen', () => {
    expect(viewFromHash('')).toEqual({ name: 'practice' });
    expect(viewFromHash('#/attempts/abc')).toEqual({ name: 'history', query: { page: 1, sort: 'newest' } });
    expect(viewFromHash('#/history?page=-4&sort=random&status=lost&from=yesterday')).toEqual({
      name: 'history',
      query: { page: 1, sort: 'newest' },
    });
    expect(viewFromHash('#/practice/resume/0')).toEqual({ name: 'practice' });
  });
});
