import type { CoreContext } from '../context';
import type { ScenarioTurn, TurnRecord } from '../domain';
import { SparringError } from '../errors';
import type { PracticePath } from './practice-path';

/**
 * "Retry this turn": the rep answers the same buyer line again inside the same attempt. Every
 * answer is kept; the better score counts (and decides where the role-play goes), the others stay
 * beside it for the rep and the reviewer to see. Only the turn just answered may be retried, before
 * going on: later steps were reached through its branch.
 */
/** Answers per step at most (a bundle carries up to 19 set aside beside the one that counts). */
export const MAX_TRIES = 20;

export class TurnTries {
  constructor(
    private readonly ctx: Pick<CoreContext, 'tries' | 'turns' | 'records'>,
    private readonly path: PracticePath,
  ) {}

  private get tries() {
    return this.ctx.tries;
  }

  /** Puts the step's answer aside; the step is then answered again like any other (typed or spoken). */
  retry(attemptId: number, step: number): { step: number; turn: ScenarioTurn; tries: number } {
    this.ctx.records.requireOpen(attemptId);
    const last = this.ctx.turns.path(attemptId).at(-1);
    if (!last || last.step !== step)
      throw new SparringError(
        'not_latest_turn',
        `Only the turn just answered can be tried again, before going on (step ${step + 1} is not it).`,
      );
    if (!last.hasTranscript)
      throw new SparringError(
        'not_scored',
        'This answer has no transcript yet: try transcribing it again, or answer the next turn.',
      );
    if (this.tries.count(attemptId, step) >= MAX_TRIES - 1)
      throw new SparringError(
        'too_many_tries',
        `This turn has been answered ${MAX_TRIES} times: go on, and practise it again in a new attempt.`,
      );
    this.tries.setAside(attemptId, step);
    const { turn } = this.path.turnAt(attemptId, step);
    return { step, turn, tries: (this.tries.ofAttempt(attemptId).get(step)?.length ?? 0) + 1 };
  }

  /** After a step is answered: if an answer put aside scored higher, it counts instead. Returns the one that counts. */
  keepBetter(attemptId: number, answered: TurnRecord): TurnRecord {
    if (!answered.score) return answered;
    const better = this.tries.betterThan(attemptId, answered.index, answered.score.overall);
    let counted = answered;
    if (better) {
      this.tries.swap(attemptId, answered.index, better.id);
      this.ctx.records.refreshOverall(attemptId);
      counted = this.ctx.records.turn(attemptId, answered.index)!;
    }
    // The rep sees their other answers beside the one that counts.
    const others = this.tries.ofAttempt(attemptId).get(answered.index);
    return others ? { ...counted, tries: others } : counted;
  }

  /**
   * The step just put aside was not answered again (the rep left, went on, or the app closed):
   * its best earlier answer counts again. Called wherever the attempt is picked up or closed.
   */
  restoreUnanswered(attemptId: number): void {
    const last = this.ctx.turns.path(attemptId).at(-1);
    if (last && this.tries.restoreIfEmpty(attemptId, last.step)) this.ctx.records.refreshOverall(attemptId);
  }

  /** Every set-aside answer of an attempt, by step. */
  ofAttempt(attemptId: number) {
    return this.tries.ofAttempt(attemptId);
  }
}
