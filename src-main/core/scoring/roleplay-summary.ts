import type { RoleplaySummary, TurnRecord } from '../domain';

/** Buyer lines are spoken at about this pace when no clip length is known (synthesised voice). */
const BUYER_WORDS_PER_SECOND = 2.5;

const round = (x: number, d = 1) => Number(x.toFixed(d));

/**
 * The scorecard of a whole role-play: rep/buyer talk share (reference: about 43%, over 65% hurts),
 * the longest stretch without a 2 s pause, pace and fillers over all answers, and one challenge:
 * the weakest criterion, with its tip.
 */
export function summarizeRoleplay(turns: TurnRecord[]): RoleplaySummary | null {
  const scored = turns.filter((t) => t.score);
  if (scored.length === 0) return null;
  const deliveries = scored.map((t) => t.score!.delivery);
  const repSeconds = deliveries.reduce((a, d) => a + (d.speakingSeconds ?? 0), 0);
  const buyerSeconds = turns.reduce(
    (a, t) => a + t.buyerLine.split(/\s+/).filter(Boolean).length / BUYER_WORDS_PER_SECOND,
    0,
  );
  const timed = deliveries.filter((d) => d.wordsPerMinute !== null && d.speakingSeconds);
  const timedWords = timed.reduce((a, d) => a + d.wordCount, 0);
  const timedSeconds = timed.reduce((a, d) => a + d.speakingSeconds!, 0);
  const words = deliveries.reduce((a, d) => a + d.wordCount, 0);
  const fillers = deliveries.reduce((a, d) => a + (d.fillersPer100 * d.wordCount) / 100, 0);

  // The weakest criterion across the role-play (mean of its effective scores) becomes the challenge.
  const byCriterion = new Map<string, { title: string; tip: string; total: number; n: number }>();
  for (const t of scored) {
    for (const c of t.score!.criteria) {
      const s = c.override?.score ?? c.score;
      if (s === null) continue;
      const e = byCriterion.get(c.id) ?? { title: c.title, tip: c.tip, total: 0, n: 0 };
      e.total += s;
      e.n++;
      byCriterion.set(c.id, e);
    }
  }
  const weakest = [...byCriterion.entries()]
    .map(([id, e]) => ({ id, title: e.title, tip: e.tip, score: Math.round(e.total / e.n) }))
    .sort((a, b) => a.score - b.score)[0];
  const passMark = scored[0]!.score!.passMark;
  return {
    overall: Math.round(scored.reduce((a, t) => a + t.score!.overall, 0) / scored.length),
    passMark,
    talkSharePercent: repSeconds > 0 ? Math.round((100 * repSeconds) / (repSeconds + buyerSeconds)) : null,
    longestMonologueSeconds: timed.length
      ? round(Math.max(...deliveries.map((d) => d.longestMonologueSeconds ?? 0)))
      : null,
    wordsPerMinute: timedSeconds > 0 ? Math.round((timedWords / timedSeconds) * 60) : null,
    fillersPer100: words ? round((fillers / words) * 100) : 0,
    challenge: weakest && weakest.score < passMark ? weakest : null,
  };
}
