import type { CoreContext } from '../context';
import type { AttemptDetail } from '../domain';
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
    private readonly ctx: Pick<CoreContext, 'attempts' | 'turns' | 'records'>,
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
}
