import type { DashboardRep, TeamDashboard } from './dashboard-service';

/**
 * The dashboard and a rep's scorecard as CSV (RFC 4180: quoted where needed, CRLF lines), for a
 * spreadsheet. A leading =, +, - or @ is quoted with an apostrophe so a name never runs as a formula.
 */
export function csvLine(cells: (string | number | null)[]): string {
  return cells
    .map((c) => {
      if (c === null) return '';
      let s = String(c);
      if (typeof c === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
}

const lines = (rows: (string | number | null)[][]) => rows.map(csvLine).join('\r\n') + '\r\n';

const certificationsOf = (r: DashboardRep) =>
  r.certifications.map((c) => `${c.title}: ${c.status}${c.validUntil ? ` until ${c.validUntil.slice(0, 10)}` : ''}`);

/** One row per rep: mastery per skill, then engagement, assignments and certifications. */
export function dashboardCsv(d: TeamDashboard): string {
  return lines([
    [
      'Rep',
      ...d.skills.map((s) => `${s} mastery`),
      'Minutes',
      'Minutes per week',
      'Attempts',
      'Streak (days)',
      'Weeks goal met',
      'Weeks',
      'Assignments done',
      'Assignments overdue',
      'Assignments open',
      'Last practised',
      'Certifications',
      'From',
      'To',
    ],
    ...d.reps.map((r) => [
      r.name,
      ...d.skills.map((s) => r.mastery[s]?.score ?? null),
      r.minutes,
      r.minutesPerWeek,
      r.attempts,
      r.streak,
      r.goal.weeksMet,
      r.goal.weeks,
      r.assignments.done,
      r.assignments.overdue,
      r.assignments.open,
      r.lastPractised,
      certificationsOf(r).join('; '),
      d.from,
      d.to,
    ]),
  ]);
}

/** A rep's scorecard: one row per skill, with the team's mean beside it and the change over the range. */
export function scorecardCsv(
  card: { from: string; to: string; rep: { name: string } },
  skills: { skill: string; score: number | null; answers: number; teamMean: number | null; change: number | null }[],
): string {
  return lines([
    ['Rep', 'Skill', 'Mastery', 'Answers', 'Team mean', 'Change over the range', 'From', 'To'],
    ...skills.map((s) => [card.rep.name, s.skill, s.score, s.answers, s.teamMean, s.change, card.from, card.to]),
  ]);
}
