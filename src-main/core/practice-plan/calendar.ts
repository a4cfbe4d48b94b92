/** Local calendar days and weeks, as the plan, the streak, the trend and assignments count them. */

/** A calendar day in local time, as YYYY-MM-DD. */
export const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Midnight (local) of the Monday of the week `d` falls in. */
export const startOfWeek = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
