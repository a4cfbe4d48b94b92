import type { SkillMastery } from './mastery';
import type { CardState } from './schedule';

export interface PlanScenario {
  id: string;
  title: string;
  kind: 'scenario' | 'drill';
  minutes: number;
  skills: string[];
}

export interface PlanItem {
  scenarioId: string;
  title: string;
  kind: 'scenario' | 'drill';
  minutes: number;
  why: 'renew' | 'due' | 'weakest' | 'new';
  /** What it is for, in words: "price objections: last 62, due since Tuesday". */
  reason: string;
  /** Practised today already (ticked off). */
  done: boolean;
}

export interface PlanInput {
  scenarios: PlanScenario[];
  cards: Map<string, CardState>;
  mastery: SkillMastery[];
  /** What the rep practised last (never first in the plan: no drill twice in a row). */
  lastScenarioId: string | null;
  /** Scenarios finished today: they stay in the plan, ticked off. */
  doneToday: Set<string>;
  budgetMinutes: number;
  now: Date;
  /** The rep's certifications that expire, by scenario: they come back before they lapse. */
  certifications?: { scenarioId: string; validUntil: Date }[];
}

/** A certification comes back into the plan this long before it expires. */
export const RENEW_DAYS_BEFORE = 14;
const DAY = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });

const WEEKDAY = new Intl.DateTimeFormat('en', { weekday: 'long' });
const dueWords = (due: Date, now: Date) => {
  const days = Math.floor((now.getTime() - due.getTime()) / 86_400_000);
  if (days < 1) return 'due today';
  if (days < 7) return `due since ${WEEKDAY.format(due)}`;
  return `due for ${days} days`;
};

/**
 * Today's plan, within the minutes asked (scenario `minutes`): what is due first (most overdue
 * first, a failed one comes back sooner by its schedule), then a drill for the weakest skill, then
 * something not practised yet. Each scenario at most once, and never first what was just practised.
 */
export function buildPlan(input: PlanInput): PlanItem[] {
  const { scenarios, cards, now } = input;
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const items: PlanItem[] = [];
  let minutes = 0;
  const fits = (s: PlanScenario) => minutes + s.minutes <= input.budgetMinutes;
  const add = (s: PlanScenario, why: PlanItem['why'], reason: string) => {
    if (items.some((i) => i.scenarioId === s.id) || !fits(s)) return false;
    if (items.length === 0 && s.id === input.lastScenarioId && !input.doneToday.has(s.id)) return false;
    items.push({
      scenarioId: s.id,
      title: s.title,
      kind: s.kind,
      minutes: s.minutes,
      why,
      reason,
      done: input.doneToday.has(s.id),
    });
    minutes += s.minutes;
    return true;
  };

  // A certification about to expire (or expired) first: keeping it current is the point of the day.
  const renewals = (input.certifications ?? [])
    .filter((c) => byId.has(c.scenarioId) && c.validUntil.getTime() - now.getTime() < RENEW_DAYS_BEFORE * 86_400_000)
    .sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime());
  for (const c of renewals) {
    const lapsed = c.validUntil <= now;
    const when = `${lapsed ? 'expired' : 'expires'} on ${DAY.format(c.validUntil)}`;
    add(byId.get(c.scenarioId)!, 'renew', `Certification ${when}: renew it`);
  }

  // Done today stays on the plan (ticked) when it was due or planned: count what was practised today first.
  const due = [...cards.values()]
    .filter((c) => byId.has(c.scenarioId) && (c.due <= now || input.doneToday.has(c.scenarioId)))
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  for (const c of due) {
    const s = byId.get(c.scenarioId)!;
    const when = input.doneToday.has(s.id) ? 'practised today' : dueWords(c.due, now);
    add(s, 'due', `${s.title}: last ${Math.round(c.lastScore)}, ${when}`);
  }

  const weakest = input.mastery[0];
  if (weakest) {
    const drills = scenarios
      .filter((s) => s.kind === 'drill' && s.skills.includes(weakest.skill))
      .sort((a, b) => (cards.get(a.id)?.lastAt.getTime() ?? 0) - (cards.get(b.id)?.lastAt.getTime() ?? 0));
    for (const d of drills) if (add(d, 'weakest', `${weakest.skill}: your weakest skill, at ${weakest.score}`)) break;
  }

  const fresh = scenarios
    .filter((s) => !cards.has(s.id))
    .sort((a, b) => (a.kind === b.kind ? a.minutes - b.minutes : a.kind === 'drill' ? -1 : 1));
  for (const s of fresh) if (add(s, 'new', `New: ${s.skills.join(', ') || s.kind}`)) break;

  // Nothing due, no weak skill, nothing new that fits: the card practised longest ago.
  if (!items.length) {
    const oldest = [...cards.values()]
      .filter((c) => byId.has(c.scenarioId))
      .sort((a, b) => a.lastAt.getTime() - b.lastAt.getTime());
    for (const c of oldest)
      if (add(byId.get(c.scenarioId)!, 'due', `${byId.get(c.scenarioId)!.title}: keep it fresh`)) break;
  }
  return items;
}
