import {
  type Card,
  type Grade,
  Rating,
  State,
  createEmptyCard,
  dateDiffInDays,
  fsrs,
  generatorParameters,
} from 'ts-fsrs';

/** One finished practice of a scenario or drill: a review of its card. */
export interface PracticeReview {
  scenarioId: string;
  at: Date;
  /** The attempt's overall score (0-100), overrides included. */
  score: number;
}

export interface CardState {
  scenarioId: string;
  due: Date;
  stability: number;
  reps: number;
  lapses: number;
  lastAt: Date;
  lastScore: number;
}

/**
 * How an attempt's score grades the recall of what it practised: below 50 the skill was not there
 * (Again), 50-69 recalled with effort (Hard), 70-89 held (Good), 90 and over effortless (Easy).
 * The pass mark of the built-in rubric is 80, so a pass is at least Good.
 */
export function ratingFor(score: number): Grade {
  if (score < 50) return Rating.Again;
  if (score < 70) return Rating.Hard;
  if (score < 90) return Rating.Good;
  return Rating.Easy;
}

/**
 * Deterministic FSRS (ts-fsrs with its default weights, no fuzz, so the same history always gives
 * the same due dates). Same-day learning steps are off: a rep practises a scenario at most a few
 * times a day, and the plan is made per day.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

/**
 * Every scenario or drill a rep has done is a card; their finished attempts, replayed in time
 * order, are its reviews. Returns each card's state after its last review.
 *
 * ts-fsrs's `next` works out all four possible grades at every step (about 9 µs a review here);
 * only the grade given matters for the memory state (stability, difficulty), which
 * `next_state` computes directly, 10 times faster. So every review but a card's last is replayed
 * on the memory state alone, exactly as the long-term scheduler does it, and the last one goes
 * through `next` for its due date. The unit test holds this equal to a full replay with `next`.
 */
export function scheduleCards(reviews: PracticeReview[]): Map<string, CardState> {
  const byCard = new Map<string, PracticeReview[]>();
  for (const r of [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const list = byCard.get(r.scenarioId) ?? [];
    list.push(r);
    byCard.set(r.scenarioId, list);
  }
  const out = new Map<string, CardState>();
  for (const [scenarioId, list] of byCard) {
    const last = list[list.length - 1]!;
    const { card } = scheduler.next(replayed(list.slice(0, -1), last.at), last.at, ratingFor(last.score));
    out.set(scenarioId, {
      scenarioId,
      due: card.due,
      stability: card.stability,
      reps: card.reps,
      lapses: card.lapses,
      lastAt: last.at,
      lastScore: last.score,
    });
  }
  return out;
}

/** The card after these reviews (all of one card, in time order), from its memory state alone. */
function replayed(reviews: PracticeReview[], firstSeen: Date): Card {
  if (!reviews.length) return createEmptyCard<Card>(firstSeen);
  let memory = { difficulty: 0, stability: 0 };
  let lastAt: Date | null = null;
  let lapses = 0;
  for (const r of reviews) {
    const grade = ratingFor(r.score);
    if (lastAt === null) memory = scheduler.next_state(memory, 0, grade);
    else {
      const t = dateDiffInDays(lastAt, r.at); // calendar days in UTC, as the scheduler counts them
      memory = scheduler.next_state(memory, t, grade, scheduler.forgetting_curve(t, memory.stability));
      if (grade === Rating.Again) lapses++;
    }
    lastAt = r.at;
  }
  return {
    ...createEmptyCard<Card>(reviews[0]!.at),
    ...memory,
    state: State.Review,
    reps: reviews.length,
    lapses,
    last_review: lastAt!,
  };
}
