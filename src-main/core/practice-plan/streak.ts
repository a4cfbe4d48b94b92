import { dayOf, startOfWeek } from './calendar';

const previousDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(new Date(y, m - 1, d - 1));
};

/** The Monday of a day's week, so one grace day is allowed per calendar week. */
const weekOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(startOfWeek(new Date(y, m - 1, d)));
};

/**
 * The daily streak: how many days in a row the rep practised, counting back from today (or from
 * yesterday, when today is not practised yet: the streak is not lost until the day is over). One
 * missed day a week is forgiven (a grace day); a second one in the same week ends the streak.
 */
export function streakOf(
  practisedDays: Iterable<string>,
  today: string,
): { days: number; practisedToday: boolean; graceUsed: boolean } {
  const days = new Set(practisedDays);
  const practisedToday = days.has(today);
  let day = practisedToday ? today : previousDay(today);
  let count = 0;
  let graceUsed = false;
  const graceWeeks = new Set<string>();
  for (let i = 0; i < 3660; i++) {
    if (days.has(day)) count++;
    else if (count > 0 && !graceWeeks.has(weekOf(day)) && days.has(previousDay(day))) {
      graceWeeks.add(weekOf(day));
      graceUsed = true;
    } else break;
    day = previousDay(day);
  }
  return { days: count, practisedToday, graceUsed };
}
