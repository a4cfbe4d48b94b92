import type { AttemptDetail, CoachingPlan, Scenario, TurnRecord } from '../domain';
import { SparringError, notFound } from '../errors';
import { parseScenario } from '../scenarios/load-scenarios';
import type { ScenarioCatalog } from '../scenarios/scenario-catalog';
import { summarizeRoleplay } from '../scoring/roleplay-summary';
import { automaticCertification } from './certification';
import { overallOf } from '../scoring/score-answer';
import type { AttemptRef, AttemptsRepository } from '../storage/attempts-repository';
import type { CommentsRepository } from '../storage/comments-repository';
import type { ReviewsRepository } from '../storage/reviews-repository';
import type { TurnsRepository } from '../storage/turns-repository';

/** A stored attempt as every service reads it: turns with their overrides applied, and the role-play summary. */
export type StoredAttempt = Omit<AttemptDetail, 'currentScenarioHash'>;

/**
 * Reads attempts the way the services need them: overrides attached to their criteria (and the
 * turn's overall following them), the summary of a completed role-play, the exact scenario
 * version the attempt was taken on. Shared by practice, history and review.
 */
export class AttemptRecords {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly turns: TurnsRepository,
    private readonly comments: CommentsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly catalog: ScenarioCatalog,
  ) {}

  /** Each turn with its human overrides attached; the turn's overall follows them. */
  withOverrides(turns: TurnRecord[]): TurnRecord[] {
    const byTurn = new Map(turns.map((t) => [t.id, t]));
    for (const { turnId, criterionId, override } of this.turns.overrides([...byTurn.keys()])) {
      const criterion = byTurn.get(turnId)?.score?.criteria.find((c) => c.id === criterionId);
      if (criterion) criterion.override = override;
    }
    for (const t of turns) {
      if (t.score?.criteria.some((c) => c.override)) {
        t.score.overall = overallOf(t.score.criteria);
        t.score.passed = t.score.overall >= t.score.passMark;
      }
    }
    return turns;
  }

  /** One answered step, as the UI shows it. */
  turn(attemptId: number, step: number): TurnRecord | undefined {
    const turn = this.turns.at(attemptId, step);
    return turn && this.withOverrides([turn])[0];
  }

  /**
   * An attempt as stored, with its turns; a role-play summary only once it is complete (a partial one would read as
   * final).
   */
  get(attemptId: number): StoredAttempt {
    const summary = this.attempts.summary(attemptId);
    if (!summary) throw notFound(`Attempt ${attemptId}`);
    const turns = this.withOverrides(this.turns.ofAttempt(attemptId));
    const roleplay = summary.status === 'complete' ? summarizeRoleplay(turns) : null;
    const comments = this.comments.ofAttempt(attemptId);
    const rescoredBy = this.attempts.rescoredBy(attemptId);
    return { ...summary, rescoredBy, turns, summary: roleplay, comments, plan: this.plan(attemptId) };
  }

  /** The coaching plan of an attempt, with its suggested scenario's title as the library has it now. */
  private plan(attemptId: number): CoachingPlan | null {
    const plan = this.reviews.plan(attemptId);
    if (!plan) return null;
    let suggestedScenarioTitle: string | null = null;
    if (plan.suggestedScenarioId) {
      try {
        suggestedScenarioTitle = this.catalog.find(plan.suggestedScenarioId).scenario.title;
      } catch {
        // Gone from the library (or no longer valid): the plan still names it, the UI says it is missing.
      }
    }
    return { ...plan, suggestedScenarioTitle };
  }

  /**
   * Stores a closed attempt's overall: the role-play summary's, so it is computed in one place and follows overrides.
   */
  refreshOverall(attemptId: number): void {
    const ref = this.attempts.attemptRef(attemptId);
    if (!ref) return;
    const overall =
      ref.status === 'complete'
        ? (summarizeRoleplay(this.withOverrides(this.turns.ofAttempt(attemptId)))?.overall ?? null)
        : null;
    this.attempts.setOverall(attemptId, overall);
  }

  /**
   * Decides a finished certification attempt's outcome by its automatic score and stores it. Runs
   * when the attempt is finished (or re-scored), and once for attempts from before outcomes were stored.
   */
  decideCertification(attemptId: number): void {
    const ref = this.attempts.attemptRef(attemptId);
    if (!ref?.certification || ref.status !== 'complete') return;
    const { allowTyped = false, validDays } = this.scenarioOf(attemptId).certification ?? {};
    const outcome = automaticCertification(this.turns.ofAttempt(attemptId), {
      passMark: ref.certification.passMark,
      allowTyped,
    });
    this.attempts.setCertification(attemptId, { outcome, by: 'automatic', validDays });
  }

  /**
   * After a reviewer changed a score: a certification not earned automatically is earned by review
   * when the reviewed overall meets the pass mark (recorded with the reviewer's name and reason),
   * and taken back if a later change brings it below. One earned automatically stays as it is.
   */
  reviewCertification(attemptId: number, reviewer: string, reason: string): void {
    const ref = this.attempts.attemptRef(attemptId);
    const cert = ref?.certification;
    if (!ref || !cert || ref.status !== 'complete') return;
    if (cert.outcome === 'certified' && cert.by === 'automatic') return;
    const overall = this.attempts.summary(attemptId)?.overallScore ?? null;
    if (overall !== null && overall >= cert.passMark) {
      const validDays = this.validDaysOf(attemptId);
      this.attempts.setCertification(attemptId, { outcome: 'certified', by: 'review', reviewer, reason, validDays });
    } else if (cert.outcome === 'certified') {
      this.attempts.setCertification(attemptId, { outcome: 'not-yet', by: 'automatic' });
    }
  }

  /** How long the attempt's certification stays valid, from its scenario version (undefined: for good). */
  private validDaysOf(attemptId: number): number | undefined {
    try {
      return this.scenarioOf(attemptId).certification?.validDays;
    } catch {
      return undefined; // a stored version that no longer reads: the certification does not expire
    }
  }

  /**
   * Which scenario version an attempt was taken on, where it stands and whose it is; "not found"
   * when it does not exist or was discarded (unless a discarded one is asked for too).
   */
  ref(attemptId: number, options: { evenDiscarded?: boolean } = {}): AttemptRef {
    const ref = this.attempts.attemptRef(attemptId);
    if (!ref || (ref.discarded && !options.evenDiscarded)) throw notFound(`Attempt ${attemptId}`);
    return ref;
  }

  /** The scenario version an attempt was started on, even if the file changed since. */
  scenarioOf(attemptId: number): Scenario {
    const ref = this.ref(attemptId, { evenDiscarded: true });
    const content = this.attempts.scenarioContent(ref.scenarioId, ref.scenarioHash)!;
    const label = `${ref.scenarioId}@${ref.scenarioHash.slice(0, 8)}`;
    const { scenario } = parseScenario(content, label, this.catalog.knownCriteria());
    if (!scenario)
      throw new SparringError(
        'scenario_invalid',
        `The stored version of scenario "${ref.scenarioId}" no longer parses.`,
      );
    return scenario;
  }

  /** Refuses to add answers to an attempt that does not exist, is closed or was discarded. */
  requireOpen(attemptId: number): void {
    if (this.ref(attemptId).status !== 'in_progress') {
      throw new SparringError(
        'attempt_closed',
        `Attempt ${attemptId} is not in progress: resume it, or start a new attempt to practise again.`,
      );
    }
  }
}
