import type { CoreContext } from '../context';
import type { AttemptDetail } from '../domain';
import { SparringError, notFound } from '../errors';
import type { HistoryService } from '../history/history-service';

/**
 * A manager's side of an attempt: a human score for a criterion, with a reason. The automatic
 * score is kept beside it; the override becomes the effective score, and the turn's and
 * attempt's overall follow it. (Comments and reviews come here next.)
 */
export class ReviewService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'attempts' | 'turns' | 'records'>,
    private readonly history: HistoryService,
  ) {}

  overrideScore(turnId: number, criterionId: string, score: number, reason: string): AttemptDetail {
    const found = this.ctx.turns.byId(turnId);
    if (!found) throw notFound(`Turn ${turnId}`);
    if (!found.turn.score?.criteria.some((c) => c.id === criterionId)) {
      throw new SparringError(
        'no_such_criterion',
        `Turn ${turnId} has no automatic score for "${criterionId}" to override.`,
      );
    }
    if (!reason.trim())
      throw new SparringError('reason_required', 'Say why you are changing the score: the rep sees your reason.');
    const author = this.ctx.attempts.ensureProfile();
    this.ctx.turns.saveOverride(turnId, criterionId, score, reason.trim(), author.id);
    this.ctx.records.refreshOverall(found.attemptId);
    return this.history.get(found.attemptId);
  }

  removeOverride(turnId: number, criterionId: string): AttemptDetail {
    const found = this.ctx.turns.byId(turnId);
    if (!found) throw notFound(`Turn ${turnId}`);
    this.ctx.turns.removeOverride(turnId, criterionId);
    this.ctx.records.refreshOverall(found.attemptId);
    return this.history.get(found.attemptId);
  }
}
