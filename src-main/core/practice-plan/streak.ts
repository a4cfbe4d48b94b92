import { dayNumber } from './calendar';

/** Monday-to-Sunday weeks of day numbers (1970-01-01 was a Thursday). */
const weekOf = (n: number) => Math.floor((n + 3) / 7);

/**
 * The daily streak: how many days in a row the rep practised, counting back from today (or from
 * yesterday, when today is not practised yet: the streak is not lost until the day is over). One
 * missed day a week is forgiven (a grace day); a second one in the same week ends the streak.
 */
export function streakOf(
  practisedDays: Iterable<string>,
  today: string,
): { days: number; practisedToday: boolean; graceUsed: boolean } {
  const days = new Set([...practisedDays].map(dayNumber));
  const practisedToday = days.has(dayNumber(today));
  let day = dayNumber(today) - (practisedToday ? 0 : 1);
  let count = 0;
  let graceUsed = false;
  const graceWeeks = new Set<number>();
  for (let i = 0; i < 3660; i++) {
    if (days.has(day)) count++;
    else if (count > 0 && !graceWeeks.has(weekOf(day)) && days.has(day - 1)) {
      graceWeeks.add(weekOf(day));
      graceUsed = true;
    } else break;
    day--;
  }
  return { days: count, practisedToday, graceUsed };
}
