import type { NextStep, Scenario, ScenarioTurn, TurnRecord } from '../domain';
import { SparringError } from '../errors';
import type { CoreContext } from '../context';
import { endFor, nextTarget } from '../scenarios/branching';

const isEnd = (target: string) => target === 'end' || target.startsWith('end:');

type StoredPath = ReturnType<CoreContext['turns']['path']>;

/** A turn of the stored scenario version, by id; an id it lacks means the version changed under the attempt. */
function turnIndexOf(scenario: Scenario, id: string): number {
  const turnIndex = scenario.turns.findIndex((t) => t.id === id);
  if (turnIndex < 0) throw new SparringError('scenario_changed', `The stored scenario version has no turn "${id}".`);
  return turnIndex;
}

/** Where an answer leads by the scenario's branch rules (an answer to a turn the version lacks: the end). */
function branchOf(scenario: Scenario, answer: TurnRecord): string {
  const turnIndex = scenario.turns.findIndex((t) => t.id === answer.turnId);
  return turnIndex < 0 ? 'end' : nextTarget(scenario, turnIndex, answer);
}

/**
 * The path a rep took through a role-play, as stored: each answered step records the scenario
 * turn it answered and where the role-play went after it. The branch is decided once, when the
 * answer is scored, and read back from then on, so a later change to a detector can never send an
 * old attempt down a path the rep did not take.
 */
export class PracticePath {
  constructor(private readonly ctx: Pick<CoreContext, 'turns' | 'records'>) {}

  /** The scenario turn at a step: the stored one for an answered step, else where the last answer led. */
  turnAt(
    attemptId: number,
    step: number,
    scenario: Scenario = this.ctx.records.scenarioOf(attemptId),
  ): { scenario: Scenario; turnIndex: number; turn: ScenarioTurn } {
    const path = this.ctx.turns.path(attemptId);
    const answered = path.find((p) => p.step === step);
    const turnIndex = turnIndexOf(scenario, answered ? answered.turnId : this.pending(attemptId, step, scenario, path));
    return { scenario, turnIndex, turn: scenario.turns[turnIndex]! };
  }

  /** The turn id an unanswered step is at; refuses a step not reached yet, or after the end. */
  private pending(attemptId: number, step: number, scenario: Scenario, path: StoredPath): string {
    if (step > path.length)
      throw new SparringError(
        'no_such_turn',
        `Step ${step + 1} is not reached yet: answer step ${path.length + 1} first.`,
      );
    if (step === 0) return scenario.turns[0]!.id;
    const target = this.targetAfter(attemptId, step - 1, scenario, path);
    if (isEnd(target))
      throw new SparringError('roleplay_ended', `The role-play has already ended before step ${step + 1}.`);
    return target;
  }

  /**
   * Where the role-play went after an answered step: as stored. A step that has none yet (its
   * transcription failed and the rep moved on, or a row from before paths were stored) gets one
   * now, from what is stored of the answer, and keeps it.
   */
  private targetAfter(attemptId: number, step: number, scenario: Scenario, path: StoredPath): string {
    const stored = path.find((p) => p.step === step);
    if (!stored) throw new SparringError('answer_missing', 'Answer the current turn first.');
    return stored.nextTarget ?? this.store(attemptId, this.ctx.records.turn(attemptId, step)!, scenario);
  }

  /** Decides and stores where the role-play goes after this answer, unless that was decided already. */
  decide(attemptId: number, answer: TurnRecord, scenario: Scenario): string {
    const stored = this.ctx.turns.path(attemptId).find((p) => p.step === answer.index)?.nextTarget;
    return stored ?? this.store(attemptId, answer, scenario);
  }

  private store(attemptId: number, answer: TurnRecord, scenario: Scenario): string {
    const target = branchOf(scenario, answer);
    this.ctx.turns.setNextTarget(attemptId, answer.index, target);
    return target;
  }

  /** After a step was answered and scored: the branch is decided and stored, and the step after it returned. */
  advance(attemptId: number, answer: TurnRecord, scenario: Scenario): NextStep {
    // Without a transcript nothing is decided yet (the rep may try transcribing again): show where it would lead.
    const target = answer.transcript ? this.decide(attemptId, answer, scenario) : branchOf(scenario, answer);
    return this.stepAfter(target, answer.index + 1, scenario);
  }

  /** Where the role-play goes now: the next turn (at the next step), or its end. */
  next(attemptId: number, scenario: Scenario = this.ctx.records.scenarioOf(attemptId)): NextStep {
    const path = this.ctx.turns.path(attemptId);
    if (path.length === 0) return { kind: 'turn', step: 0, turnIndex: 0, turn: scenario.turns[0]! };
    return this.stepAfter(this.targetAfter(attemptId, path.length - 1, scenario, path), path.length, scenario);
  }

  private stepAfter(target: string, step: number, scenario: Scenario): NextStep {
    if (isEnd(target)) return { kind: 'end', end: endFor(scenario, target) };
    const turnIndex = turnIndexOf(scenario, target);
    return { kind: 'turn', step, turnIndex, turn: scenario.turns[turnIndex]! };
  }

  /**
   * Refuses a new answer to a step that already has one: its branch is decided and later steps may
   * follow it. Only a step whose answer was never transcribed (a crash, a failure) may be answered again.
   */
  requireUnanswered(attemptId: number, step: number): void {
    const stored = this.ctx.turns.path(attemptId).find((p) => p.step === step);
    if (stored && (stored.hasTranscript || stored.nextTarget)) {
      throw new SparringError(
        'already_answered',
        `Step ${step + 1} of attempt ${attemptId} is already answered; go on to the next step (or try transcribing ` +
          `it again).`,
      );
    }
  }
}
