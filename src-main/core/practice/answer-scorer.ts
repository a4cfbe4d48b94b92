import type { CoreContext } from '../context';
import type { Scenario, ScenarioTurn, Transcript, TurnRecord } from '../domain';
import { applyJudgement, askJudge, type JudgeConfig, pendingJudgeChecks } from '../scoring/model-judge';
import { scoreAnswer } from '../scoring/score-answer';
import { analyzeText } from '../scoring/analyze';

export type AnswerBase = Omit<TurnRecord, 'id' | 'transcript' | 'score'>;

/**
 * Scores an answer (spoken or typed) against its turn's criteria with the rubric library, stores
 * it with the rubric text that scored it, and starts the optional model grading in the background.
 */
export class AnswerScorer {
  private readonly judging = new Set<Promise<void>>();

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'turns' | 'tries' | 'records' | 'catalog' | 'events'>,
    private readonly judge: JudgeConfig | null,
  ) {}

  /**
   * Loads the text analysis (parts-of-speech model, learned word pairs: about 0.1 s, once) while
   * the buyer speaks, so the first answer's feedback does not wait for it.
   */
  warm(): void {
    setTimeout(() => analyzeText('So what would it save you? Their support is a joke, honestly.'), 0).unref();
  }

  /** The score of one answer to one turn, without storing it. */
  score(
    transcript: Transcript,
    turn: ScenarioTurn,
    scenario: Pick<Scenario, 'competitors'>,
    typed: boolean,
    options: { judge: boolean } = { judge: true },
  ) {
    const library = this.ctx.catalog.library();
    const score = scoreAnswer({
      transcript,
      criteria: turn.criteria,
      competitors: scenario.competitors,
      library,
      typed,
      judgeEnabled: options.judge && this.judge !== null,
    });
    return { score, library };
  }

  scoreAndStore(
    attemptId: number,
    base: AnswerBase,
    transcript: Transcript,
    turn: ScenarioTurn,
    scenario: Scenario,
    typed: boolean,
    /** Filled with where the time went (ms): scoring, then storing. */
    times?: { scoringMs: number; storeMs: number },
  ): TurnRecord {
    const t0 = performance.now();
    const { score, library } = this.score(transcript, turn, scenario, typed);
    const t1 = performance.now();
    this.ctx.turns.recordRubricVersion(library.version, library.snapshot);
    const saved = this.ctx.turns.save(attemptId, { ...base, transcript, score });
    if (times) Object.assign(times, { scoringMs: t1 - t0, storeMs: performance.now() - t1 });
    if (this.judge && pendingJudgeChecks(score).length) this.startJudging(attemptId, saved);
    return saved;
  }

  /** Asks the model in the background; the deterministic scores are already stored and shown. */
  private startJudging(attemptId: number, turn: TurnRecord): void {
    const judge = this.judge!;
    const run = (async () => {
      let outcome: Parameters<typeof applyJudgement>[2];
      try {
        outcome = {
          answers: await askJudge(judge, turn.buyerLine, turn.transcript!.text, pendingJudgeChecks(turn.score!)),
        };
      } catch (error) {
        outcome = { error: `the model did not answer (${(error as Error).message})` };
      }
      if (!this.ctx.db.isOpen) return;
      const judged = applyJudgement(turn.score!, turn.transcript!, outcome);
      // The rep retried the turn meanwhile: the judgement goes to that answer where it is kept now.
      const now = this.ctx.turns.at(attemptId, turn.index);
      if (now?.transcript?.text !== turn.transcript!.text || now.audioPath !== turn.audioPath) {
        this.ctx.tries.updateScore(
          attemptId,
          turn.index,
          { text: turn.transcript!.text, audioPath: turn.audioPath },
          judged,
        );
        return;
      }
      const { id: _id, ...rest } = turn;
      this.ctx.turns.save(attemptId, { ...rest, score: judged });
      this.ctx.records.refreshOverall(attemptId);
      this.ctx.events.emit({
        type: 'turn.updated',
        attemptId,
        step: turn.index,
        turn: this.ctx.records.turn(attemptId, turn.index)!,
      });
    })();
    this.judging.add(run);
    void run.finally(() => this.judging.delete(run));
  }

  /** Resolves when every background model grading has finished (tests, and before closing). */
  async settled(): Promise<void> {
    while (this.judging.size) await Promise.all([...this.judging]);
  }
}
