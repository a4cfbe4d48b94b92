import { addDays, dateOf, dayOf, startOfWeek } from '../practice-plan/calendar';
import { meanOf } from '../practice-plan/mastery';

/** The Mondays of the weeks from one day to another (inclusive), oldest first. */
export function weeksBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  for (let w = dayOf(startOfWeek(dateOf(fromDay))); w <= toDay; w = addDays(w, 7)) out.push(w);
  return out;
}

/**
 * Mastery at the end of each of `weeks` weeks, per key (a rep and skill): the sums of that week
 * and the `windowWeeks` - 1 before it, a sliding window over week numbers (0: the first lead-in week).
 */
export function weeklyMastery(
  sums: { key: string; week: number; a: number; b: number }[],
  leadWeeks: number,
  weeks: number,
  windowWeeks: number,
): Map<string, (number | null)[]> {
  const byKey = new Map<string, { a: Float64Array; b: Float64Array }>();
  for (const s of sums) {
    let k = byKey.get(s.key);
    if (!k) byKey.set(s.key, (k = { a: new Float64Array(leadWeeks + weeks), b: new Float64Array(leadWeeks + weeks) }));
    k.a[s.week] = k.a[s.week]! + s.a;
    k.b[s.week] = k.b[s.week]! + s.b;
  }
  const out = new Map<string, (number | null)[]>();
  for (const [key, { a, b }] of byKey)
    out.set(
      key,
      Array.from({ length: weeks }, (_, i) => {
        let sa = 0;
        let sb = 0;
        for (let w = Math.max(0, leadWeeks + i - windowWeeks + 1); w <= leadWeeks + i; w++) {
          sa += a[w]!;
          sb += b[w]!;
        }
        return meanOf({ a: sa, b: sb });
      }),
    );
  return out;
}

/** Mean of the numbers that are there (null when none are). */
export const meanOfPresent = (values: (number | null | undefined)[]) => {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length ? Math.round(present.reduce((s, v) => s + v, 0) / present.length) : null;
};
