/** The core loop without a UI: start, record chunks, finish, store, list, reopen. Real SQLite and whisper.cpp. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore as makeTestCore } from '../../support/core';
import { feedAnswer } from '../../support/answer-audio';
import { SCENARIOS, speechWav, TINY_MODEL, tempDir } from '../../support/paths';

const makeCore = (dataDir: string, modelPath: string | null = TINY_MODEL) => makeTestCore(dataDir, { modelPath });

describe('practice through core', () => {
  it('stores an answered turn with audio, transcript and scores, and keeps it across a restart', async () => {
    const dataDir = tempDir();
    const core = makeCore(dataDir);
    const { attemptId, scenario } = core.practice.start('price-objection');
    const { recordingId } = core.recording.start(attemptId, 0);
    const seconds = feedAnswer(core, recordingId, speechWav('short-answer'));
    const turn = (await core.recording.finish(recordingId)).turn;
    expect(turn.buyerLine).toBe(scenario.turns[0]!.buyer);
    expect(turn.durationSeconds).toBeCloseTo(seconds, 2);
    expect(turn.audioPath).toMatch(/^audio\/[0-9a-f]{2}\/[0-9a-f]{64}\.wav$/);
    expect(turn.transcript!.words.length).toBeGreaterThan(0);
    expect(turn.score!.criteria.map((c) => c.id)).toEqual(scenario.turns[0]!.criteria.map((c) => c.id));
    expect(turn.score!.rubricVersion).toMatch(/^core@1\+[0-9a-f]{8}$/);
    core.practice.finish(attemptId);
    core.close();

    const reopened = makeCore(dataDir);
    const list = reopened.history.list({ limit: 50, offset: 0 });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: attemptId,
      status: 'complete',
      scenarioTitle: scenario.title,
      turnCount: 1,
      overallScore: turn.score!.overall,
    });
    const detail = reopened.history.get(attemptId);
    // The attempt page's view adds the delivery marks for the waveform; the stored turn is the same.
    const { marks, ...stored } = detail.turns[0]!;
    expect(stored).toEqual(turn);
    expect(marks).toEqual(expect.any(Array));
    expect(existsSync(join(dataDir, turn.audioPath!))).toBe(true);
    reopened.close();
  });

  it('keeps the audio and the turn when transcription fails, and a retry succeeds', async () => {
    const dataDir = tempDir();
    const broken = makeCore(dataDir, join(dataDir, 'no-such-model.bin'));
    const { attemptId } = broken.practice.start('price-objection');
    const { recordingId } = broken.recording.start(attemptId, 0);
    feedAnswer(broken, recordingId, speechWav('short-answer'));
    await expect(broken.recording.finish(recordingId)).rejects.toMatchObject({ code: 'model_not_ready' });
    const saved = broken.history.get(attemptId).turns[0]!;
    expect(saved.transcript).toBeNull();
    expect(existsSync(join(dataDir, saved.audioPath!))).toBe(true);
    broken.close();

    const fixed = makeCore(dataDir);
    const retried = (await fixed.practice.retry(attemptId, 0)).turn;
    expect(retried.transcript!.words.length).toBeGreaterThan(0);
    expect(retried.audioPath).toBe(saved.audioPath);
    fixed.close();
  });

  it('keeps both the automatic and the human score when a manager overrides one, and follows it', async () => {
    const dataDir = tempDir();
    const core = makeCore(dataDir);
    const { attemptId } = core.practice.start('price-objection');
    const { recordingId } = core.recording.start(attemptId, 0);
    feedAnswer(core, recordingId, speechWav('short-answer'));
    const turn = (await core.recording.finish(recordingId)).turn;
    core.practice.finish(attemptId);
    const target = turn.score!.criteria.find((c) => c.score !== null && c.score < 100) ?? turn.score!.criteria[0]!;
    const newScore = target.score === 0 ? 100 : 0;

    // The rep who practised it cannot; a manager sitting down at the same computer can.
    expect(() => core.review.overrideScore(turn.id, target.id, newScore, 'I did it')).toThrow(/your own attempt/);
    core.people.use(core.people.add('Morgan Manager', ['manager']).id);
    expect(() => core.review.overrideScore(turn.id, target.id, newScore, '   ')).toThrow(/Say why/);
    expect(() => core.review.overrideScore(turn.id, 'mind-reading', 50, 'x')).toThrow(/no automatic score/);
    const after = core.review.overrideScore(turn.id, target.id, newScore, 'Acknowledged it, in different words');
    const criterion = after.turns[0]!.score!.criteria.find((c) => c.id === target.id)!;
    expect(criterion.score).toBe(target.score); // automatic score kept
    expect(criterion.override).toMatchObject({
      score: newScore,
      reason: 'Acknowledged it, in different words',
      author: 'Morgan Manager',
    });
    expect(after.turns[0]!.score!.overall).not.toBe(turn.score!.overall);
    expect(after.overallScore).toBe(after.turns[0]!.score!.overall);
    // The rubric text that produced the score is stored with it.
    expect(core.storage.turns.rubricSnapshot(turn.score!.rubricVersion)).toContain('id: core');
    core.close();

    const reopened = makeCore(dataDir);
    expect(
      reopened.history.get(attemptId).turns[0]!.score!.criteria.find((c) => c.id === target.id)!.override?.score,
    ).toBe(newScore);
    const removed = reopened.review.removeOverride(turn.id, target.id);
    expect(removed.turns[0]!.score!.overall).toBe(turn.score!.overall);
    expect(removed.overallScore).toBe(turn.score!.overall);
    reopened.close();
  });

  it('scores a typed answer the same way, with audio-only delivery metrics marked not available', () => {
    const core = makeCore(tempDir(), null);
    const { attemptId } = core.practice.start('price-objection');
    const turn = core.practice.submitTyped(
      attemptId,
      0,
      'I hear you. Teams your size cut onboarding time by 40%.',
    ).turn;
    expect(turn.audioPath).toBeNull();
    expect(turn.score!.delivery).toMatchObject({ typed: true, wordsPerMinute: null, responseLatencySeconds: null });
    expect(turn.score!.criteria.find((c) => c.id === 'acknowledge-objection')!.score).toBe(100);
    expect(turn.score!.criteria.find((c) => c.id === 'composure')!.score).toBeNull();
    expect(() => core.practice.submitTyped(attemptId, 0, '  ')).toThrow(/Type an answer/);
    // An answered step keeps its answer (its branch is decided): a second answer is refused.
    expect(() => core.practice.submitTyped(attemptId, 0, 'Another go')).toThrow(/already answered/);
    core.practice.finish(attemptId);
    expect(core.history.get(attemptId).turns[0]!.transcript!.text).toMatch(/^I hear you/);
    core.close();
  });

  it("an override made before the attempt is finished counts in the attempt's overall score", () => {
    const core = makeCore(tempDir(), null);
    const { attemptId } = core.practice.start('price-objection');
    const turn = core.practice.submitTyped(attemptId, 0, 'Our price is higher because the product is better.').turn;
    expect(turn.score!.criteria.find((c) => c.id === 'acknowledge-objection')!.score).toBe(0);
    core.people.use(core.people.add('Morgan Manager', ['manager']).id);
    const overridden = core.review.overrideScore(
      turn.id,
      'acknowledge-objection',
      100,
      'She acknowledged it in her tone',
    );
    const effective = overridden.turns[0]!.score!.overall;
    expect(effective).toBeGreaterThan(turn.score!.overall);
    expect(core.practice.finish(attemptId).overallScore).toBe(effective);
    core.close();
  });

  it('follows the scenario branches from what each answer did, to a named end', () => {
    const core = makeCore(tempDir(), null);
    const { attemptId } = core.practice.start('not-the-right-time');
    core.practice.submitTyped(attemptId, 0, "Sure, I'll call you next year then.");
    const brushOff = core.practice.next(attemptId);
    expect(brushOff).toMatchObject({ kind: 'turn', step: 1, turn: { id: 'brush-off' } });
    expect(() => core.practice.submitTyped(attemptId, 3, 'x')).toThrow(/not reached yet/);
    const stored = core.practice.submitTyped(
      attemptId,
      1,
      "I understand, you're busy. I'll send a two-line summary today and call you on the 15th at 10am.",
    ).turn;
    expect(stored.turnId).toBe('brush-off');
    expect(core.practice.next(attemptId)).toEqual({
      kind: 'end',
      end: { id: 'follow-up-set', title: 'Priya is busy, but agreed to a dated follow-up.' },
    });
    expect(() => core.practice.submitTyped(attemptId, 2, 'More words.')).toThrow(/already ended/);

    // The other path: acknowledging the timing leads to the audit.
    const other = core.practice.start('not-the-right-time').attemptId;
    core.practice.submitTyped(
      other,
      0,
      'That makes sense. What would need to be true for next year to be a better time?',
    );
    expect(core.practice.next(other)).toMatchObject({ kind: 'turn', turn: { id: 'audit' } });
    core.close();
  });

  it('certifies only on the automatic score of spoken answers, unless the scenario allows typed ones', () => {
    const dataDir = tempDir();
    const strong = [
      'I hear you, the price is higher than you budgeted. Teams your size cut onboarding time by 40%, which paid ' +
        'for the license in three months. Can we book 30 minutes on Thursday at 2pm to go through the numbers?',
      'Help me understand what your CFO will compare it with. For context, customers your size save 9 hours a ' +
        'week per dispatcher.',
      "I'll send a one-page business case by Wednesday, and let's review it with your CFO on Friday at 11am.",
    ];
    // A copy of the certification that allows typed answers.
    const copy = join(dataDir, 'scenarios', 'mine', 'typed-ok.yaml');
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(
      copy,
      readFileSync(join(SCENARIOS, 'starter', 'price-objection.yaml'), 'utf8')
        .replace('id: price-objection', 'id: price-objection-typed')
        .replace('certification:\n  passMark: 80', 'certification:\n  passMark: 80\n  allowTyped: true'),
    );
    const core = makeCore(dataDir, null);
    const take = (scenarioId: string, answers: string[]) => {
      const { attemptId, scenario } = core.practice.start(scenarioId);
      answers.forEach((text, step) => core.practice.submitTyped(attemptId, step, text));
      // Not decided while in progress.
      expect(core.history.get(attemptId).certification).toMatchObject({ passMark: 80, passed: null });
      return { summary: core.practice.finish(attemptId), scenario };
    };
    const typed = take('price-objection', strong);
    expect(typed.summary.overallScore).toBeGreaterThanOrEqual(80);
    expect(typed.summary.certification).toEqual({
      passMark: 80,
      passed: false,
      by: null,
      reviewer: null,
      reason: null,
      validUntil: null,
      label: 'Not certified yet (pass mark 80)',
    });
    const allowed = take('price-objection-typed', strong);
    expect(allowed.scenario.certification).toEqual({ passMark: 80, allowTyped: true, validDays: 90 });
    expect(allowed.summary.certification).toMatchObject({ passed: true, by: 'automatic', reviewer: null });
    expect(take('price-objection-typed', ['Maybe we could talk again sometime.']).summary.certification).toMatchObject({
      passed: false,
    });
    const list = core.history.list({ limit: 50, offset: 0, certification: 'passed' });
    expect(list.items.map((a) => a.scenarioId)).toEqual(['price-objection-typed']);
    // An ordinary scenario is no certification.
    const { attemptId } = core.practice.start('drill-open-questions');
    expect(core.practice.finish(attemptId).certification).toBeNull();
    core.close();
  });

  it(
    "a failed certification is certified by a manager's review, with the reviewer and the reason, never by the " +
      'rep',
    () => {
      const core = makeCore(tempDir(), null);
      const { attemptId } = core.practice.start('price-objection');
      const turn = core.practice.submitTyped(attemptId, 0, 'Maybe we could talk again sometime.').turn;
      expect(core.practice.finish(attemptId).certification).toMatchObject({ passed: false });
      // The rep overriding every criterion of their own failed certification is refused, and nothing changes.
      for (const c of turn.score!.criteria) {
        expect(() => core.review.overrideScore(turn.id, c.id, 100, 'I think I did fine')).toThrow(/your own attempt/);
      }
      expect(core.history.get(attemptId)).toMatchObject({ certification: { passed: false } });
      // A person without the manager role cannot either.
      core.people.use(core.people.add('Pat Peer', ['rep']).id);
      expect(() => core.review.overrideScore(turn.id, turn.score!.criteria[0]!.id, 100, 'Looks fine')).toThrow(
        /not a manager/,
      );
      // A manager can, and the history says who certified it and why.
      core.people.use(core.people.add('Morgan Manager', ['manager', 'rep']).id);
      let after = core.history.get(attemptId);
      for (const c of turn.score!.criteria)
        after = core.review.overrideScore(turn.id, c.id, 100, 'Strong answer in the live call');
      expect(after.certification).toEqual({
        passMark: 80,
        passed: true,
        by: 'review',
        reviewer: 'Morgan Manager',
        reason: 'Strong answer in the live call',
        // The built-in price objection is renewed every 90 days (`certification.validDays`).
        validUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        label: expect.stringMatching(
          new RegExp(
            '^Certified by review: Morgan Manager, “Strong answer in the live call” ' +
              '\\(pass mark 80, valid until \\d{4}-\\d\\d-\\d\\d\\)$',
          ),
        ),
      });
      expect(core.history.list({ limit: 5, offset: 0 }).items[0]!.rep).toBe('Me');
      // Taking the overrides back takes the certification back.
      for (const c of turn.score!.criteria) after = core.review.removeOverride(turn.id, c.id);
      expect(after.certification).toMatchObject({ passed: false, by: null });
      core.close();
    },
  );

  it('refuses chunks out of order and recordings for turns that do not exist', () => {
    const core = makeCore(tempDir());
    const { attemptId } = core.practice.start('price-objection');
    expect(() => core.recording.start(attemptId, 5)).toThrow(/Step 6 is not reached yet/);
    const { recordingId } = core.recording.start(attemptId, 0);
    core.recording.append(recordingId, 0, new Uint8Array(320));
    expect(() => core.recording.append(recordingId, 2, new Uint8Array(320))).toThrow(/expected 1/);
    core.recording.cancel(recordingId);
    expect(() => core.recording.append(recordingId, 1, new Uint8Array(320))).toThrow(/not active/);
    core.close();
  });

  it('reports a missing model as a state with what to do', () => {
    // Core reads no environment: SPARRING_MODEL set for this process changes nothing here.
    const core = makeCore(tempDir(), null);
    const status = core.transcriber.modelStatus();
    expect(status.ready).toBe(false);
    expect(status.problem).toMatch(/npm run model:download -- base.en/);
    core.close();
  });
});
