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
});
