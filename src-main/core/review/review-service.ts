import type { CoreContext } from '../context';
import type { AttemptDetail, AttemptFilter } from '../domain';
import { SparringError, notFound } from '../errors';
import type { HistoryService } from '../history/history-service';
import type { PeopleService } from '../people/people-service';

/**
 * A manager's side of an attempt: a human score for a criterion, with a reason, signed by its
 * author. The automatic score is kept beside it; the override becomes the effective score, the
 * turn's and attempt's overall follow it, and a certification it brings over the pass mark is
 * recorded as certified by review (with the reviewer's name and reason). A rep never reviews
 * their own attempt. (Comments and review status come here next.)
 */
export class ReviewService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'attempts' | 'turns' | 'records' | 'reviews'>,
    private readonly people: PeopleService,
    private readonly history: HistoryService,
  ) {}

  /** The turn and its attempt, when the person using Sparring may review it. */
  private reviewable(turnId: number) {
    const found = this.ctx.turns.byId(turnId);
    if (!found) throw notFound(`Turn ${turnId}`);
    const reviewer = this.people.reviewerFor(this.ctx.attempts.attemptRef(found.attemptId)!.repId);
    return { ...found, reviewer };
  }

  overrideScore(turnId: number, criterionId: string, score: number, reason: string): AttemptDetail {
    const { attemptId, turn, reviewer } = this.reviewable(turnId);
    if (!turn.score?.criteria.some((c) => c.id === criterionId)) {
      throw new SparringError(
        'no_such_criterion',
        `Turn ${turnId} has no automatic score for "${criterionId}" to override.`,
      );
    }
    if (!reason.trim())
      throw new SparringError('reason_required', 'Say why you are changing the score: the rep sees your reason.');
    this.ctx.turns.saveOverride(turnId, criterionId, score, reason.trim(), reviewer.id);
    this.ctx.records.refreshOverall(attemptId);
    this.ctx.records.reviewCertification(attemptId, reviewer.name, reason.trim());
    return this.history.get(attemptId);
  }

  removeOverride(turnId: number, criterionId: string): AttemptDetail {
    const { attemptId, reviewer } = this.reviewable(turnId);
    this.ctx.turns.removeOverride(turnId, criterionId);
    this.ctx.records.refreshOverall(attemptId);
    this.ctx.records.reviewCertification(attemptId, reviewer.name, 'score override removed');
    return this.history.get(attemptId);
  }

  /**
   * Marks an attempt reviewed, or as needing another attempt from the rep (with an optional note
   * the rep reads), signed by the manager; 'to-review' puts it back in the queue.
   */
  setStatus(attemptId: number, status: 'to-review' | 'reviewed' | 'needs-another', note?: string): AttemptDetail {
    const ref = this.ctx.records.ref(attemptId);
    if (ref.status !== 'complete') {
      throw new SparringError(
        'attempt_open',
        `Attempt ${attemptId} is not finished: only a finished role-play is reviewed.`,
      );
    }
    const reviewer = this.people.reviewerFor(ref.repId);
    if (status === 'to-review') this.ctx.reviews.clear(attemptId);
    else this.ctx.reviews.set(attemptId, status, reviewer.id, note?.trim() || null);
    return this.history.get(attemptId);
  }

  /**
   * The review queue: finished attempts of other people (a manager never reviews their own),
   * by default those not reviewed yet, oldest first; with how many are in each status.
   */
  queue(filter: Omit<AttemptFilter, 'status' | 'notRepId'>) {
    const me = this.people.me();
    const base = {
      review: 'to-review' as const,
      sort: 'oldest' as const,
      ...filter,
      status: 'complete' as const,
      notRepId: me.id,
    };
    const { limit: _l, offset: _o, sort: _s, review: _r, ...counted } = base;
    return {
      ...this.history.list(base),
      counts: this.ctx.attempts.countByReview(counted),
    };
  }
}
