import type { CoreContext } from '../context';
import type { AttemptDetail, AttemptFilter } from '../domain';
import { peaksOf, type Peaks } from '../audio/peaks';
import { SparringError, notFound } from '../errors';
import { deliveryMarks } from '../scoring/delivery-marks';
import type { AnswerScorer } from '../practice/answer-scorer';

/** Every stored attempt: the history list (filters, sorting, pages), one attempt in full, and re-scoring. */
export class HistoryService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'attempts' | 'turns' | 'tries' | 'records' | 'catalog' | 'audio'>,
    private readonly scorer: AnswerScorer,
  ) {}

  list(filter: AttemptFilter) {
    if (filter.skill) filter = { ...filter, scenarioIds: this.scenariosPractising(filter.skill) };
    const { limit, offset, sort: _sort, skill: _skill, ...where } = filter;
    return { items: this.ctx.attempts.list(filter), total: this.ctx.attempts.count(where), limit, offset };
  }

  /** The scenarios (in the library now, or practised before) whose metadata lists a skill. */
  private scenariosPractising(skill: string): string[] {
    return this.ctx.catalog
      .list()
      .valid.filter((s) => s.skills.includes(skill))
      .map((s) => s.id);
  }

  /** An answer's waveform peaks (kept beside its audio since it was saved). */
  peaks(turnId: number): Peaks {
    const found = this.ctx.turns.byId(turnId);
    if (!found?.turn.audioPath) throw notFound(`Audio of answer ${turnId}`);
    return peaksOf(this.ctx.audio.absolute(found.turn.audioPath));
  }

  /**
   * The waveform peaks of every answer of an attempt that has audio, by answer (TurnRecord.id): an
   * attempt page draws them all at once, and one call costs less than one per answer.
   */
  attemptPeaks(attemptId: number): Record<number, Peaks> {
    this.ctx.records.ref(attemptId, { evenDiscarded: true }); // "not found" when there is no such attempt
    const out: Record<number, Peaks> = {};
    // The stored turns only: overrides, comments and the summary are not needed to draw waveforms.
    for (const t of this.ctx.turns.ofAttempt(attemptId))
      if (t.audioPath) out[t.id] = peaksOf(this.ctx.audio.absolute(t.audioPath));
    return out;
  }

  /** The scenarios that have attempts, for the history's filter. */
  scenarios(): { id: string; title: string }[] {
    return this.ctx.attempts.practisedScenarios();
  }

  get(attemptId: number): AttemptDetail {
    const attempt = this.ctx.records.get(attemptId);
    // Marks are a view of the stored transcript for the waveform, not a decision: nothing is scored or routed by them.
    const tries = this.ctx.tries.ofAttempt(attemptId);
    const turns = attempt.turns.map((t) => ({
      ...(t.transcript ? { ...t, marks: deliveryMarks(t.transcript) } : t),
      // The rep's other answers to this step (retried), for the reviewer to see.
      ...(tries.has(t.index) ? { tries: tries.get(t.index)! } : {}),
    }));
    return { ...attempt, turns, currentScenarioHash: this.currentScenarioHash(attempt.scenarioId) };
  }

  /** The hash of a scenario's file as it is now; null when it was deleted or no longer validates. */
  private currentScenarioHash(scenarioId: string): string | null {
    try {
      return this.ctx.catalog.find(scenarioId).scenario.contentHash;
    } catch {
      return null;
    }
  }

  /**
   * Re-scores a finished attempt with the scenario and rubric as they are now. The old attempt is
   * never touched: the result is a new attempt that points back at it, so both stay visible.
   * Answers to turns the current version no longer has are left out; the path the rep took is kept.
   */
  rescore(attemptId: number): AttemptDetail {
    const old = this.ctx.records.get(attemptId);
    // Only a finished role-play: a partial one re-scored would be a new attempt with gaps in its path.
    if (old.status !== 'complete') {
      throw new SparringError(
        'attempt_open',
        `Attempt ${attemptId} is not finished: resume and finish it before re-scoring.`,
      );
    }
    const { scenario, content } = this.ctx.catalog.find(old.scenarioId);
    const current = new Map(scenario.turns.map((t) => [t.id, t]));
    const answers = old.turns.filter((t) => t.transcript && current.has(t.turnId));
    if (!answers.length) {
      throw new SparringError(
        'nothing_to_rescore',
        `None of the answered turns of attempt ${attemptId} exist in the current version of "${scenario.title}", so ` +
          `there is nothing to re-score.`,
      );
    }
    const oldPath = new Map(this.ctx.turns.path(attemptId).map((p) => [p.step, p.nextTarget]));
    const newId = this.ctx.db.get().transaction(() => {
      this.ctx.attempts.recordScenarioVersion(scenario, content);
      // The re-score is still the rep's attempt, whoever asked for it.
      const repId = this.ctx.attempts.attemptRef(attemptId)!.repId;
      const id = this.ctx.attempts.createAttempt(repId, scenario, undefined, attemptId);
      for (const answer of answers) {
        const turn = current.get(answer.turnId)!;
        const base = {
          index: answer.index,
          turnId: turn.id,
          buyerLine: turn.buyer,
          audioPath: answer.audioPath,
          durationSeconds: answer.durationSeconds,
        };
        const typed = answer.score?.delivery.typed ?? answer.audioPath === null;
        this.scorer.scoreAndStore(id, base, answer.transcript!, turn, scenario, typed);
        const target = oldPath.get(answer.index);
        if (target) this.ctx.turns.setNextTarget(id, answer.index, target);
      }
      this.ctx.attempts.setStatus(id, old.status);
      this.ctx.records.refreshOverall(id);
      this.ctx.records.decideCertification(id);
      return id;
    })();
    return this.get(newId);
  }
}
