/** Comments pinned to moments of an answer: who may write, reply, edit, delete and resolve them (real SQLite). */
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

function seeded() {
  const core = makeCore(tempDir(), { modelPath: null });
  const rep = core.people.setUpMe('Riley Rep', ['rep']);
  const { attemptId } = core.practice.start('price-objection');
  const typed = core.practice.submitTyped(attemptId, 0, 'I hear you. Teams your size cut onboarding time by 40%.').turn;
  // As if it had been spoken: 12 s of audio on disk.
  const { id: _id, ...rest } = typed;
  const spoken = core.storage.turns.save(attemptId, {
    ...rest,
    audioPath: `audio/00/${'0'.repeat(64)}.wav`,
    durationSeconds: 12,
  });
  core.practice.finish(attemptId);
  const manager = core.people.add('Morgan Manager', ['manager']);
  core.people.use(manager.id);
  return { core, rep, manager, attemptId, turnId: spoken.id };
}

describe('comments', () => {
  it(
    'a manager pins comments to a moment or a range, tagged with a criterion; the attempt carries them in time ' +
      'order',
    () => {
      const { core, attemptId, turnId } = seeded();
      const at7 = core.comments.add({ attemptId, turnId, atSeconds: 7, body: 'Nice pause before the number.' });
      const range = core.comments.add({
        attemptId,
        turnId,
        atSeconds: 2,
        endSeconds: 4.5,
        criterionId: 'acknowledge-objection',
        body: 'Good acknowledgement.',
      });
      expect(at7).toMatchObject({ atSeconds: 7, endSeconds: null, author: 'Morgan Manager', parentId: null });
      expect(range).toMatchObject({ atSeconds: 2, endSeconds: 4.5, criterionId: 'acknowledge-objection' });
      expect(core.history.get(attemptId).comments.map((c) => c.atSeconds)).toEqual([2, 7]);
      expect(() => core.comments.add({ attemptId, turnId, atSeconds: 13, body: 'x' })).toThrow(
        /within the answer \(0 to 12.0 s\)/,
      );
      expect(() => core.comments.add({ attemptId, turnId, atSeconds: 5, endSeconds: 4, body: 'x' })).toThrow(
        /ending after it starts/,
      );
      expect(() =>
        core.comments.add({ attemptId, turnId, atSeconds: 1, criterionId: 'mind-reading', body: 'x' }),
      ).toThrow(/not scored on/);
      expect(() => core.comments.add({ attemptId, turnId, atSeconds: 1, body: '  ' })).toThrow(/Write the comment/);
      core.close();
    },
  );

  it('the rep replies but does not comment, edit, delete or resolve what is not theirs', () => {
    const { core, rep, manager, attemptId, turnId } = seeded();
    const comment = core.comments.add({ attemptId, turnId, atSeconds: 7, body: 'Try a question here.' });
    core.people.use(rep.id);
    expect(() => core.comments.add({ attemptId, turnId, atSeconds: 1, body: 'Self-review' })).toThrow(
      /your own attempt/,
    );
    const reply = core.comments.reply(comment.id, 'Got it, I will.');
    expect(reply).toMatchObject({ parentId: comment.id, atSeconds: 7, author: 'Riley Rep' });
    expect(() => core.comments.edit(comment.id, 'changed')).toThrow(/Morgan Manager's: only its author/);
    expect(() => core.comments.remove(comment.id)).toThrow(/only its author/);
    expect(() => core.comments.resolve(comment.id, true)).toThrow(/your own attempt/);
    expect(core.comments.edit(reply.id, 'Got it, I will next time.').updatedAt).not.toBeNull();

    core.people.use(manager.id);
    expect(core.comments.resolve(comment.id, true)).toMatchObject({ resolvedBy: 'Morgan Manager' });
    expect(core.comments.resolve(comment.id, false).resolvedAt).toBeNull();
    core.comments.remove(comment.id); // its replies go with it
    expect(core.history.get(attemptId).comments).toEqual([]);
    core.close();
  });

  it('a typed answer has no moment to pin a comment to', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('price-objection');
    const turn = core.practice.submitTyped(attemptId, 0, 'Okay.').turn;
    core.practice.finish(attemptId);
    core.people.use(core.people.add('Morgan Manager', ['manager']).id);
    expect(() => core.comments.add({ attemptId, turnId: turn.id, atSeconds: 0, body: 'x' })).toThrow(/typed/);
    core.close();
  });
});
