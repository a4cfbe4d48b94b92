/** The review queue and review status through the review service (real SQLite, typed answers). */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

const strong = 'I hear you. Teams your size cut onboarding time by 40%. Can we book 30 minutes on Thursday at 2pm?';

function seeded() {
  const core = makeCore(tempDir(), { modelPath: null });
  const rep = core.people.setUpMe('Riley Rep', ['rep']);
  const answer = (scenarioId: string, text: string, finish = true) => {
    const { attemptId } = core.practice.start(scenarioId);
    core.practice.submitTyped(attemptId, 0, text);
    return finish ? core.practice.finish(attemptId).id : core.practice.leave(attemptId).id;
  };
  const ids = {
    first: answer('price-objection', 'Okay.'),
    second: answer('price-objection', strong),
    drill: answer('drill-open-questions', 'What would make onboarding easier for your team?'),
    unfinished: answer('price-objection', strong, false),
  };
  const manager = core.people.add('Morgan Manager', ['manager', 'rep']);
  core.people.use(manager.id);
  const own = answer('price-objection', strong); // a manager practises too: never in their own queue
  return { core, rep, manager, ids, own };
}

describe('review queue', () => {
  it("lists other people's finished attempts not reviewed yet, oldest first, with counts per status", () => {
    const { core, ids, own } = seeded();
    const queue = core.review.queue({ limit: 50, offset: 0 });
    expect(queue.items.map((a) => a.id)).toEqual([ids.first, ids.second, ids.drill]);
    expect(queue.items.map((a) => a.id)).not.toContain(own);
    expect(queue.counts).toEqual({ toReview: 3, reviewed: 0, needsAnother: 0 });

    core.review.setStatus(ids.first, 'needs-another', 'Acknowledge before you answer, then try again.');
    const after = core.review.setStatus(ids.second, 'reviewed');
    expect(after.review).toMatchObject({ status: 'reviewed', reviewer: 'Morgan Manager', note: null });
    expect(core.review.queue({ limit: 50, offset: 0 }).items.map((a) => a.id)).toEqual([ids.drill]);
    expect(core.review.queue({ limit: 50, offset: 0, review: 'needs-another' }).items[0]).toMatchObject({
      id: ids.first,
      review: { status: 'needs-another', note: 'Acknowledge before you answer, then try again.' },
    });
    expect(core.review.queue({ limit: 50, offset: 0 }).counts).toEqual({ toReview: 1, reviewed: 1, needsAnother: 1 });
    // Back to the queue.
    core.review.setStatus(ids.second, 'to-review');
    expect(core.review.queue({ limit: 50, offset: 0 }).counts.toReview).toBe(2);
    core.close();
  });

  it('filters by rep, scenario and score band', () => {
    const { core, rep, ids } = seeded();
    expect(
      core.review
        .queue({ limit: 50, offset: 0, repId: rep.id, scenarioId: 'drill-open-questions' })
        .items.map((a) => a.id),
    ).toEqual([ids.drill]);
    const low = core.review.queue({ limit: 50, offset: 0, band: 'below-60' }).items;
    expect(low.every((a) => a.overallScore! < 60)).toBe(true);
    expect(low.map((a) => a.id)).toContain(ids.first);
    core.close();
  });

  it('only a manager, never the rep, sets the review status, and only of a finished attempt', () => {
    const { core, rep, ids, own } = seeded();
    expect(() => core.review.setStatus(own, 'reviewed')).toThrow(/your own attempt/);
    expect(() => core.review.setStatus(ids.unfinished, 'reviewed')).toThrow(/not finished/);
    core.people.use(rep.id);
    expect(() => core.review.setStatus(ids.first, 'reviewed')).toThrow(/your own attempt/);
    core.close();
  });
});
