/** Local calendar days and weeks, as the plan, the streak, the trend and assignments count them. */

/** A calendar day in local time, as YYYY-MM-DD. */
export const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Midnight (local) of the Monday of the week `d` falls in. */
export const startOfWeek = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));

/** A YYYY-MM-DD day as a local Date at midnight. */
export const dateOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

/** The day `n` days after (before, when negative) a YYYY-MM-DD day. */
export const addDays = (day: string, n: number) => {
  const d = dateOf(day);
  return dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() + n));
};

/** The last millisecond of a local day (a day of 23 or 25 hours too). */
export const endOfDay = (day: string) => new Date(dateOf(addDays(day, 1)).getTime() - 1);

/**
 * A YYYY-MM-DD day as a day number (days since 1970-01-01 on the calendar): stepping a day is
 * adding one, with no time zone or daylight saving in the way.
 */
export const dayNumber = (day: string) =>
  Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;
