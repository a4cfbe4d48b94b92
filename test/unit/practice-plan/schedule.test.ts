/** The spaced schedule: a rep's attempts replayed as FSRS reviews. */
import { Rating, createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingFor, scheduleCards } from '../../../src-main/core/practice-plan/schedule';

const day = (n: number, hour = 9) => new Date(2026, 10, n, hour);

describe('schedule', () => {
  it('matches ts-fsrs for a recorded history, review by review', () => {
    const history = [
      { at: day(2), score: 45 },
      { at: day(3), score: 62 },
      { at: day(6), score: 81 },
      { at: day(14), score: 93 },
      { at: day(30), score: 38 },
    ];
    const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
    let card: Card = createEmptyCard<Card>(history[0]!.at);
    const grades: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy, Rating.Again];
    history.forEach((h, i) => {
      expect(ratingFor(h.score)).toBe(grades[i]);
      card = f.next(card, h.at, grades[i]!).card;
    });
    const ours = scheduleCards(history.map((h) => ({ scenarioId: 'drill', ...h })).reverse()).get('drill')!;
    expect(ours.due).toEqual(card.due);
    expect(ours.stability).toBe(card.stability);
    expect(ours).toMatchObject({ reps: 5, lapses: card.lapses, lastScore: 38 });
  });

  it('equals a full replay with ts-fsrs for any history (property)', () => {
    const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ gapHours: fc.integer({ min: 1, max: 24 * 60 }), score: fc.integer({ min: 0, max: 100 }) }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (steps) => {
          let at = day(1).getTime();
          const history = steps.map((s) => ({
            scenarioId: 'x',
            at: new Date((at += s.gapHours * 3_600_000)),
            score: s.score,
          }));
          let card: Card = createEmptyCard<Card>(history[0]!.at);
          for (const h of history) card = f.next(card, h.at, ratingFor(h.score)).card;
          const ours = scheduleCards(history).get('x')!;
          expect(ours.due).toEqual(card.due);
          expect(ours.stability).toBeCloseTo(card.stability, 8);
          expect([ours.reps, ours.lapses]).toEqual([card.reps, card.lapses]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('brings a failed skill back sooner than a held one', () => {
    const cards = scheduleCards([
      { scenarioId: 'held', at: day(1), score: 85 },
      { scenarioId: 'failed', at: day(1), score: 30 },
    ]);
    expect(cards.get('failed')!.due.getTime()).toBeLessThan(cards.get('held')!.due.getTime());
    expect(cards.get('held')!.due.getTime()).toBeGreaterThan(day(1).getTime());
  });

  it('maps scores to ratings at the stated boundaries', () => {
    expect([0, 49, 50, 69, 70, 89, 90, 100].map(ratingFor)).toEqual([
      Rating.Again,
      Rating.Again,
      Rating.Hard,
      Rating.Hard,
      Rating.Good,
      Rating.Good,
      Rating.Easy,
      Rating.Easy,
    ]);
  });
});
