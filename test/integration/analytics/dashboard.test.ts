/**
 * The team dashboard over a real data folder: the heatmap agrees with each rep's own Today, a
 * cell's attempts, engagement, certifications, the team filter and range, the leaderboard (off
 * by default), CSV, and figures that follow an override, a discard and a re-score.
 */
import { describe, expect, it, vi } from 'vitest';
import { warmUpFigures } from '../../../src-main/core/analytics/figures-warm-up';
import type { LazyDb } from '../../../src-main/core/storage/database';
import { growthWeight } from '../../../src-main/core/practice-plan/mastery';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';
import { practisedAt } from '../../support/practised';

const NOW = new Date('2026-11-24T10:00:00');
const GOOD = 'Could we book thirty minutes on Thursday at 2pm to agree the rollout?';
const WEAK = 'Let us keep in touch.';
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function team() {
  const core = makeCore(tempDir(), { modelPath: null, now: () => NOW });
  const morgan = core.people.setUpMe('Morgan Manager', ['manager']);
  const riley = core.people.add('Riley Rep', ['rep']);
  const sam = core.people.add('Sam Rep', ['rep']);
  core.people.use(riley.id);
  const rileys = [
    ...[20, 6, 5, 4].map((n) => practisedAt(core, 'drill-next-step', GOOD, day(n), 12)),
    ...[3, 2].map((n) => practisedAt(core, 'drill-next-step', WEAK, day(n), 12)),
  ];
  const rileyToday = core.plan.today();
  core.people.use(sam.id);
  const sams = [1, 0.1].map((n) => practisedAt(core, 'drill-next-step', WEAK, day(n), 5));
  // Sam's certification on the price objection: passed, and running out in ten days.
  const cert = practisedAt(core, 'price-objection', GOOD, day(355), 10);
  core.storage.db
    .prepare("UPDATE attempts SET certification_outcome = 'certified', certified_until = ? WHERE id = ?")
    .run(new Date(NOW.getTime() + 10 * 86_400_000).toISOString(), cert);
  core.people.use(morgan.id);
  return { core, riley, sam, rileys, sams, cert, rileyToday };
}

describe('team dashboard', () => {
  it('shows each rep × skill with the mastery the rep sees on Today, and the attempts behind a cell', () => {
    const { core, riley, rileys, rileyToday } = team();
    const board = core.dashboard.team();
    expect(board.reps.map((r) => r.name)).toEqual(['Riley Rep', 'Sam Rep']);
    expect(board.skills).toContain('closing');
    const rileyRow = board.reps.find((r) => r.id === riley.id)!;
    for (const s of rileyToday.skills) expect(rileyRow.mastery[s.skill]?.score, s.skill).toBe(s.score);
    const cell = core.dashboard.cell({ repId: riley.id, skill: 'closing' });
    expect(cell.attempts.map((a) => a.attemptId)).toEqual([...rileys].reverse());
    expect(cell.attempts[0]!.score).toBeLessThan(cell.attempts.at(-1)!.score);
  });

  it('counts engagement per rep over the range and the certification status with its expiry', () => {
    const { core, riley, sam, cert } = team();
    const board = core.dashboard.team({ from: '2026-11-16', to: '2026-11-24' });
    const rileyRow = board.reps.find((r) => r.id === riley.id)!;
    // Days 6..2 before 24 Nov fall in the range; day 20 does not.
    expect(rileyRow).toMatchObject({ attempts: 5, minutes: 60, lastPractised: '2026-11-22' });
    // The week of the 16th is over and met; this week (from the 23rd) counts once its goal is met.
    expect(rileyRow.goal).toEqual({ minutesPerWeek: 30, weeksMet: 1, weeks: 1 });
    expect(rileyRow.minutesPerWeek).toBe(Math.round((60 * 7) / 9));
    const samRow = board.reps.find((r) => r.id === sam.id)!;
    expect(samRow.streak).toBe(2);
    expect(samRow.certifications).toEqual([
      expect.objectContaining({ scenarioId: 'price-objection', status: 'expiring', attemptId: cert }),
    ]);
    expect(() => core.dashboard.team({ from: '2026-11-24', to: '2026-11-01' })).toThrow(/starts .* after it ends/);
    // A range reaching into the future ends today.
    expect(core.dashboard.team({ from: '2026-11-16', to: '2027-01-31' }).to).toBe('2026-11-24');
  });

  it('filters to chosen reps, and the trend has one point per week of the range', () => {
    const { core, sam } = team();
    const board = core.dashboard.team({ repIds: [sam.id], from: '2026-10-05', to: '2026-11-24' });
    expect(board.reps.map((r) => r.name)).toEqual(['Sam Rep']);
    expect(board.team).toHaveLength(2);
    expect(board.trends.weeks).toHaveLength(8);
    const closing = board.trends.skills.find((s) => s.skill === 'closing')!;
    expect(closing.points.at(-1)).toBe(board.reps[0]!.mastery.closing!.score);
    expect(closing.points[0]).toBeNull();
  });

  it('follows a manager override and a discard', () => {
    const { core, riley, rileys } = team();
    const before = core.dashboard.team().reps.find((r) => r.id === riley.id)!.mastery.closing!.score;
    const last = core.history.get(rileys.at(-1)!);
    const criterion = last.turns[0]!.score!.criteria.find(
      (c) => core.catalog.library().criteria.get(c.id)?.skill === 'closing',
    )!;
    core.review.overrideScore(last.turns[0]!.id, criterion.id, 100, 'It was a clear next step on the call');
    const overridden = core.dashboard.team().reps.find((r) => r.id === riley.id)!.mastery.closing!.score;
    expect(overridden).toBeGreaterThan(before);
    core.people.use(riley.id);
    for (const id of rileys.slice(1)) core.practice.discard(id);
    core.people.use(core.people.list().find((p) => p.name === 'Morgan Manager')!.id);
    const rileyRow = core.dashboard.team().reps.find((r) => r.id === riley.id)!;
    expect(rileyRow.mastery.closing!.answers).toBe(1);
    expect(core.dashboard.cell({ repId: riley.id, skill: 'closing' }).attempts.map((a) => a.attemptId)).toEqual([
      rileys[0],
    ]);
  });

  it('has a leaderboard only when turned on: weekly minutes and improvement, never raw scores', () => {
    const { core } = team();
    expect(core.dashboard.team().leaderboard).toMatchObject({ enabled: false, entries: [] });
    core.dashboard.setLeaderboard(true);
    const board = core.dashboard.team().leaderboard;
    expect(board.enabled).toBe(true);
    expect(board.entries.map((e) => [e.rank, e.rep, e.minutes])).toEqual([
      [1, 'Riley Rep', 60],
      [2, 'Sam Rep', 10],
    ]);
    expect(Object.keys(board.entries[0]!).sort()).toEqual(['improvement', 'minutes', 'rank', 'rep', 'repId']);
  });

  it('exports the dashboard and a scorecard as CSV', () => {
    const { core, riley } = team();
    const { csv, rows, fileName } = core.dashboard.csv();
    expect(fileName).toMatch(/^sparring-team-\d{4}-\d{2}-\d{2}-to-2026-11-24\.csv$/);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows + 1);
    expect(lines[0]).toMatch(/^Rep,.*closing mastery.*,Minutes,/);
    expect(lines[1]).toMatch(/^Riley Rep,/);
    const card = core.dashboard.scorecard({ repId: riley.id });
    expect(card.csv.split('\r\n')[0]).toBe('Rep,Skill,Mastery,Answers,Team mean,Change over the range,From,To');
    expect(card.skills.find((s) => s.skill === 'closing')).toMatchObject({ answers: expect.any(Number) });
  });

  it('keeps growth-weighted sums SQLite computed equal to the ones the rules are tested with', () => {
    const { core, rileys } = team();
    core.dashboard.team();
    const rows = core.storage.db
      .prepare('SELECT at_ms AS atMs, total, n, a, b FROM skill_facts WHERE attempt_id = ?')
      .all(rileys[0]) as { atMs: number; total: number; n: number; a: number; b: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.b / growthWeight(r.atMs)).toBeCloseTo(r.n, 9);
      expect(r.a / growthWeight(r.atMs)).toBeCloseTo(r.total, 9);
    }
  });

  it("opens only this manager's reps' cells and scorecards", () => {
    const { core } = team();
    const stranger = core.people.add('Pat Manager', ['manager']);
    expect(() => core.dashboard.cell({ repId: stranger.id, skill: 'closing' })).toThrow(/not one of/);
    expect(() => core.dashboard.scorecard({ repId: 9999 })).toThrow(/not one of your reps/);
  });

  it('computes the figures in the background at start, a batch at a time, so the first open is quick', async () => {
    const { core } = team();
    const stale = () => core.storage.db.prepare('SELECT count(*) FROM analytics_dirty').pluck().get() as number;
    const before = stale();
    expect(before).toBeGreaterThan(2);
    const warm = warmUpFigures({ get: () => core.storage.db } as unknown as LazyDb, 2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stale()).toBe(before - 2);
    await vi.waitFor(() => expect(stale()).toBe(0));
    warm.stop();
    expect(core.dashboard.team().reps.find((r) => r.name === 'Riley Rep')!.attempts).toBe(6);
  });

  it('is for managers only', () => {
    const { core, riley } = team();
    core.people.use(riley.id);
    expect(() => core.dashboard.team()).toThrow(/team dashboard is for managers/);
  });
});
