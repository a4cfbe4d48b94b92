/** The daily streak, with one grace day a week. */
import { describe, expect, it } from 'vitest';
import { streakOf } from '../../../src-main/core/practice-plan/streak';

describe('streak', () => {
  it('counts days in a row up to today, or up to yesterday while today is still open', () => {
    expect(streakOf(['2026-11-21', '2026-11-22', '2026-11-23'], '2026-11-23')).toMatchObject({
      days: 3,
      practisedToday: true,
    });
    expect(streakOf(['2026-11-21', '2026-11-22'], '2026-11-23')).toMatchObject({ days: 2, practisedToday: false });
    expect(streakOf(['2026-11-20'], '2026-11-23').days).toBe(0);
  });

  it('forgives one missed day a week, not two', () => {
    // Mon 16, Tue 17 missed, Wed 18 .. Mon 23: one gap in the week of the 16th.
    expect(
      streakOf(
        ['2026-11-16', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'],
        '2026-11-23',
      ),
    ).toMatchObject({ days: 7, graceUsed: true });
    // Two gaps in the same week: the streak starts after the second.
    expect(streakOf(['2026-11-16', '2026-11-18', '2026-11-20', '2026-11-21'], '2026-11-21').days).toBe(3);
  });

  it('counts weeks Monday to Sunday: a missed Sunday and the next Tuesday are in two weeks', () => {
    const days = ['2026-11-13', '2026-11-14', '2026-11-16', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'];
    expect(streakOf([...days, '2026-11-22', '2026-11-23'], '2026-11-23').days).toBe(9);
  });

  it('steps over a daylight-saving change like any other day', () => {
    expect(streakOf(['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25'], '2026-03-30').days).toBe(3);
    expect(streakOf(['2026-10-24', '2026-10-25', '2026-10-26'], '2026-10-26').days).toBe(3);
  });
});
