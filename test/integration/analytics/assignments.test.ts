/** Assignments on one computer: a manager assigns, the rep sees it, it goes overdue, a finished attempt does it. */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

describe('assignments', () => {
  it('a manager assigns a drill; the rep sees it open, then overdue, then done by their next attempt at it', () => {
    let clock = new Date('2026-11-24T10:00:00');
    const core = makeCore(tempDir(), { modelPath: null, now: () => clock });
    const riley = core.people.setUpMe('Riley Rep', ['rep']);
    const morgan = core.people.add('Morgan Manager', ['manager']);
    core.people.use(morgan.id);
    const [made] = core.assignments.assign({
      scenarioId: 'drill-next-step',
      repIds: [riley.id],
      dueOn: '2026-11-26',
      note: 'Before Thursday’s call',
    });
    expect(made).toMatchObject({
      status: 'open',
      rep: 'Riley Rep',
      manager: 'Morgan Manager',
      title: expect.any(String),
    });

    core.people.use(riley.id);
    expect(core.assignments.mine().map((a) => [a.scenarioId, a.status, a.note])).toEqual([
      ['drill-next-step', 'open', 'Before Thursday’s call'],
    ]);
    clock = new Date('2026-11-27T09:00:00');
    expect(core.assignments.mine()[0]!.status).toBe('overdue');
    // An attempt at another scenario does not count; one at the assigned drill does.
    const other = core.practice.start('drill-open-questions').attemptId;
    core.practice.submitTyped(other, 0, 'How do you onboard drivers today?');
    core.practice.finish(other);
    expect(core.assignments.mine()[0]!.status).toBe('overdue');
    const { attemptId } = core.practice.start('drill-next-step');
    core.practice.submitTyped(attemptId, 0, 'Could we book Thursday at 2pm?');
    core.practice.finish(attemptId);
    expect(core.assignments.mine()[0]).toMatchObject({ status: 'done', doneAttemptId: attemptId });

    core.people.use(morgan.id);
    expect(core.assignments.given().map((a) => a.status)).toEqual(['done']);
    core.close();
  });

  it('refuses what makes no sense, saying why', () => {
    const core = makeCore(tempDir(), { modelPath: null, now: () => new Date('2026-11-24T10:00:00') });
    const riley = core.people.setUpMe('Riley Rep', ['rep']);
    const morgan = core.people.add('Morgan Manager', ['manager']);
    const dana = core.people.add('Dana Manager', ['manager']);
    // A rep cannot assign.
    expect(() =>
      core.assignments.assign({ scenarioId: 'drill-next-step', repIds: [morgan.id], dueOn: '2026-12-01' }),
    ).toThrow(/not a manager/);
    core.people.use(morgan.id);
    expect(() =>
      core.assignments.assign({ scenarioId: 'drill-next-step', repIds: [riley.id], dueOn: '2026-11-01' }),
    ).toThrow(/has passed/);
    expect(() =>
      core.assignments.assign({ scenarioId: 'drill-next-step', repIds: [morgan.id], dueOn: '2026-12-01' }),
    ).toThrow(/your own attempt|own/);
    expect(() =>
      core.assignments.assign({
        scenarioId: 'drill-next-step',
        repIds: [riley.id],
        dueOn: '2026-12-01',
        kind: 'certification',
      }),
    ).toThrow(/has no certification/);
    const [a] = core.assignments.assign({
      scenarioId: 'price-objection',
      repIds: [riley.id],
      dueOn: '2026-12-01',
      kind: 'certification',
    });
    core.people.use(dana.id);
    expect(() => core.assignments.cancel(a!.id)).toThrow(/Only Morgan Manager/);
    core.people.use(morgan.id);
    expect(core.assignments.cancel(a!.id).status).toBe('cancelled');
    core.people.use(riley.id);
    expect(core.assignments.mine()).toEqual([]);
    core.close();
  });
});
