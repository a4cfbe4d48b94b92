import type { CoreContext } from '../context';
import type { AttemptDetail } from '../domain';
import { SparringError } from '../errors';
import type { HistoryService } from '../history/history-service';
import type { PeopleService } from '../people/people-service';

export interface PlanInput {
  skills: string[];
  note?: string;
  suggestedScenarioId?: string;
}

/**
 * A reviewer's coaching plan for an attempt: one to three skills to focus on, a note, and a
 * scenario or drill to practise next. The rep reads it on their attempt (and, once a review file
 * travels back, on their own computer). Only a manager writes one, never on their own attempt.
 */
export class CoachingPlanService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'records' | 'reviews' | 'catalog'>,
    private readonly people: PeopleService,
    private readonly history: HistoryService,
  ) {}

  /** What a plan can name: the skills the library's scenarios practise, and its scenarios (drills first). */
  choices(): { skills: string[]; scenarios: { id: string; title: string; kind: 'scenario' | 'drill' }[] } {
    const valid = this.ctx.catalog.list().valid;
    return {
      skills: [...new Set(valid.flatMap((s) => s.skills))].sort(),
      scenarios: valid
        .map((s) => ({ id: s.id, title: s.title, kind: s.kind }))
        .sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'drill' ? -1 : 1)),
    };
  }

  set(attemptId: number, input: PlanInput): AttemptDetail {
    const ref = this.ctx.records.ref(attemptId);
    const author = this.people.reviewerFor(ref.repId);
    const skills = [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))];
    if (skills.length < 1 || skills.length > 3)
      throw new SparringError('plan_skills', 'Choose one to three skills for the rep to focus on.');
    const suggested = input.suggestedScenarioId?.trim() || null;
    if (suggested) this.ctx.catalog.find(suggested); // "not found" names it when it is not in the library
    this.ctx.reviews.setPlan(
      attemptId,
      { skills, note: input.note?.trim() || null, suggestedScenarioId: suggested },
      author.id,
    );
    return this.history.get(attemptId);
  }

  clear(attemptId: number): AttemptDetail {
    const ref = this.ctx.records.ref(attemptId);
    this.people.reviewerFor(ref.repId);
    this.ctx.reviews.clearPlan(attemptId);
    return this.history.get(attemptId);
  }
}
