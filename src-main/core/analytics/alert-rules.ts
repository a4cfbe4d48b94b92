import { type SkillTotals, meanOf } from '../practice-plan/mastery';

/**
 * Coaching alerts: rules over one rep's history that tell a manager who needs help, each with the
 * attempts that are its evidence. Pure functions of the history, the thresholds and the time, so
 * each rule is tested on constructed histories (fires, does not fire, at the threshold).
 */

export interface AlertThresholds {
  /** A skill's mastery fell by at least `points` over its last `attempts` attempts. */
  masteryDrop: { points: number; attempts: number };
  /** No practice for at least `days` days. */
  inactivity: { days: number };
  /** A certification failed `failures` times since it was last passed, or valid for `expiringDays` days or fewer. */
  certification: { failures: number; expiringDays: number };
  /** Talk share above `percent` in the last `roleplays` role-plays running. */
  talkShare: { percent: number; roleplays: number };
  /** An assignment not done `graceDays` days after it was due. */
  overdue: { graceDays: number };
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  masteryDrop: { points: 15, attempts: 3 },
  inactivity: { days: 7 },
  certification: { failures: 2, expiringDays: 14 },
  talkShare: { percent: 65, roleplays: 3 },
  overdue: { graceDays: 0 },
};

export interface HistoryAttempt {
  id: number;
  scenarioId: string;
  title: string;
  kind: 'roleplay' | 'drill';
  /** When it was finished (or left). */
  at: Date;
  /** Rep talk share over the role-play, when known (spoken answers). */
  talkShare: number | null;
  /** For a certification attempt: how it ended, and until when a pass is valid (null: for good). */
  certification: { outcome: 'certified' | 'not-yet'; validUntil: Date | null } | null;
}

export interface HistoryAssignment {
  id: number;
  scenarioId: string;
  title: string;
  due: Date;
  doneAt: Date | null;
}

export interface RepHistory {
  repId: number;
  rep: string;
  /** Finished or left attempts, oldest first. */
  attempts: HistoryAttempt[];
  /**
   * Each skill's weighted sums over the mastery window, with at least its last N + 1 attempts
   * (practice-plan/mastery.ts): enough to tell its mastery now and just before its last N.
   */
  skills: SkillTotals[];
  assignments: HistoryAssignment[];
}

export type AlertRule =
  'mastery-drop' | 'inactivity' | 'certification-failed' | 'certification-expiring' | 'talk-share' | 'overdue';

export interface CoachingAlert {
  /** Stable while the evidence is the same: "done" or "snoozed" on it holds until something new happens. */
  id: string;
  rule: AlertRule;
  repId: number;
  rep: string;
  title: string;
  detail: string;
  /** The attempts behind it, newest first (one click away). */
  attemptIds: number[];
  /** When what it is about happened (for ordering the inbox). */
  at: Date;
}

const DAY = 86_400_000;
const days = (ms: number) => Math.floor(ms / DAY);

/** Every alert for one rep now. */
export function alertsFor(h: RepHistory, t: AlertThresholds, now: Date): CoachingAlert[] {
  return [
    ...masteryDrops(h, t, now),
    ...inactivity(h, t, now),
    ...certifications(h, t, now),
    ...talkShare(h, t),
    ...overdue(h, t, now),
  ];
}

/**
 * For each skill: its mastery just before its last N attempts, against its mastery now. Needs
 * something before them to compare with; a rep's first attempts never raise a drop. With
 * weighted sums, "before" is the window's sums less those of the last N attempts.
 */
export function masteryDrops(h: RepHistory, t: AlertThresholds, _now: Date): CoachingAlert[] {
  const n = t.masteryDrop.attempts;
  const out: CoachingAlert[] = [];
  for (const totals of h.skills) {
    if (totals.attempts <= n || totals.recent.length < n) continue;
    const last = totals.recent.slice(0, n);
    const then = meanOf({
      a: totals.a - last.reduce((sum, r) => sum + r.a, 0),
      b: totals.b - last.reduce((sum, r) => sum + r.b, 0),
    });
    const nowScore = meanOf(totals);
    if (then === null || nowScore === null) continue;
    const drop = then - nowScore;
    if (drop < t.masteryDrop.points) continue;
    const ids = last.map((r) => r.attemptId);
    const skill = totals.skill;
    out.push({
      id: `mastery-drop:${h.repId}:${skill}:${ids[0]}`,
      rule: 'mastery-drop',
      repId: h.repId,
      rep: h.rep,
      title: `${h.rep}: ${skill} down ${drop} points`,
      detail: `${skill} mastery went from ${then} to ${nowScore} over the last ${n} attempts.`,
      attemptIds: ids,
      at: last[0]!.at,
    });
  }
  return out;
}

export function inactivity(h: RepHistory, t: AlertThresholds, now: Date): CoachingAlert[] {
  const last = h.attempts.at(-1);
  const idle = last ? days(now.getTime() - last.at.getTime()) : null;
  if (idle !== null && idle < t.inactivity.days) return [];
  return [
    {
      id: `inactivity:${h.repId}:${last?.id ?? 'never'}`,
      rule: 'inactivity',
      repId: h.repId,
      rep: h.rep,
      title: last ? `${h.rep}: no practice for ${idle} days` : `${h.rep}: has not practised yet`,
      detail: last ? `Last practice: ${last.title}, ${last.at.toDateString()}.` : 'No attempt so far.',
      attemptIds: last ? [last.id] : [],
      at: last?.at ?? now,
    },
  ];
}

export function certifications(h: RepHistory, t: AlertThresholds, now: Date): CoachingAlert[] {
  const out: CoachingAlert[] = [];
  const byScenario = new Map<string, HistoryAttempt[]>();
  for (const a of h.attempts)
    if (a.certification) byScenario.set(a.scenarioId, [...(byScenario.get(a.scenarioId) ?? []), a]);
  for (const [scenarioId, tries] of byScenario) {
    const lastPass = tries.map((a) => a.certification!.outcome).lastIndexOf('certified');
    const failures = tries.slice(lastPass + 1).filter((a) => a.certification!.outcome === 'not-yet');
    const title = tries[0]!.title;
    if (failures.length >= t.certification.failures) {
      const ids = failures.map((a) => a.id).reverse();
      out.push({
        id: `certification-failed:${h.repId}:${scenarioId}:${ids[0]}`,
        rule: 'certification-failed',
        repId: h.repId,
        rep: h.rep,
        title: `${h.rep}: ${title} not passed ${failures.length} times`,
        detail: `${failures.length} certification attempts in a row below the pass mark.`,
        attemptIds: ids,
        at: failures.at(-1)!.at,
      });
    }
    const pass = lastPass >= 0 ? tries[lastPass]! : null;
    const until = pass?.certification!.validUntil ?? null;
    // A later failure does not take a certification away; its expiry still matters.
    if (pass && until) {
      const left = Math.ceil((until.getTime() - now.getTime()) / DAY);
      if (left <= t.certification.expiringDays)
        out.push({
          id: `certification-expiring:${h.repId}:${scenarioId}:${pass.id}`,
          rule: 'certification-expiring',
          repId: h.repId,
          rep: h.rep,
          title:
            left <= 0
              ? `${h.rep}: ${title} certification expired`
              : `${h.rep}: ${title} certification expires in ${left} days`,
          detail: `Certified ${pass.at.toDateString()}, valid until ${until.toDateString()}.`,
          attemptIds: [pass.id],
          at: until,
        });
    }
  }
  return out;
}

export function talkShare(h: RepHistory, t: AlertThresholds): CoachingAlert[] {
  const n = t.talkShare.roleplays;
  const roleplays = h.attempts.filter((a) => a.kind === 'roleplay' && a.talkShare !== null).slice(-n);
  if (roleplays.length < n || roleplays.some((a) => a.talkShare! <= t.talkShare.percent)) return [];
  const ids = roleplays.map((a) => a.id).reverse();
  return [
    {
      id: `talk-share:${h.repId}:${ids[0]}`,
      rule: 'talk-share',
      repId: h.repId,
      rep: h.rep,
      title: `${h.rep}: talking ${Math.round(roleplays.reduce((s, a) => s + a.talkShare!, 0) / n)}% of the time`,
      detail: `Talk share above ${t.talkShare.percent}% in the last ${n} role-plays (${roleplays
        .map((a) => `${a.talkShare}%`)
        .join(', ')}): more questions, less pitch.`,
      attemptIds: ids,
      at: roleplays.at(-1)!.at,
    },
  ];
}

export function overdue(h: RepHistory, t: AlertThresholds, now: Date): CoachingAlert[] {
  return h.assignments
    .filter((a) => a.doneAt === null && now.getTime() - a.due.getTime() > t.overdue.graceDays * DAY)
    .map((a) => ({
      id: `overdue:${h.repId}:${a.id}`,
      rule: 'overdue' as const,
      repId: h.repId,
      rep: h.rep,
      title: `${h.rep}: ${a.title} overdue`,
      detail: `Assigned, due ${a.due.toDateString()}, not done yet.`,
      attemptIds: [],
      at: a.due,
    }));
}
