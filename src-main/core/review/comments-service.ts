import type { CoreContext } from '../context';
import type { ReviewComment } from '../domain';
import { SparringError, notFound } from '../errors';
import type { PeopleService } from '../people/people-service';

export interface NewComment {
  attemptId: number;
  turnId: number;
  atSeconds: number;
  endSeconds?: number;
  criterionId?: string;
  body: string;
}

/**
 * Comments pinned to moments of an answer (a point, or a dragged range), optionally tagged with a
 * criterion. A manager comments on another person's attempt; anyone who can see it (the rep too)
 * replies; each person edits and deletes only their own; resolving is the reviewer's, never the rep's.
 */
export class CommentsService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'attempts' | 'turns' | 'comments' | 'records'>,
    private readonly people: PeopleService,
  ) {}

  list(attemptId: number): ReviewComment[] {
    return this.ctx.comments.ofAttempt(attemptId);
  }

  add(c: NewComment): ReviewComment {
    const ref = this.ctx.records.ref(c.attemptId);
    const author = this.people.reviewerFor(ref.repId);
    const found = this.ctx.turns.byId(c.turnId);
    if (!found || found.attemptId !== c.attemptId) throw notFound(`Answer ${c.turnId} of attempt ${c.attemptId}`);
    const length = found.turn.durationSeconds;
    if (length === null)
      throw new SparringError('no_audio', 'This answer was typed: there is no moment to pin a comment to.');
    const end = c.endSeconds ?? null;
    if (
      c.atSeconds < 0 ||
      c.atSeconds > length + 0.05 ||
      (end !== null && (end <= c.atSeconds || end > length + 0.05))
    ) {
      throw new SparringError(
        'outside_answer',
        `A comment must fall within the answer (0 to ${length.toFixed(1)} s)` +
          `${end !== null ? ', ending after it starts' : ''}.`,
      );
    }
    if (c.criterionId && !found.turn.score?.criteria.some((k) => k.id === c.criterionId)) {
      throw new SparringError('no_such_criterion', `This answer was not scored on "${c.criterionId}".`);
    }
    const id = this.ctx.comments.add({
      attemptId: c.attemptId,
      turnId: c.turnId,
      authorId: author.id,
      atSeconds: c.atSeconds,
      endSeconds: end,
      criterionId: c.criterionId ?? null,
      parentId: null,
      body: requireBody(c.body),
    });
    return this.ctx.comments.byId(id)!;
  }

  /** A reply, at the same moment as the comment it answers; the rep may reply to their manager. */
  reply(parentId: number, body: string): ReviewComment {
    const parent = this.ctx.comments.byId(parentId);
    if (!parent) throw notFound(`Comment ${parentId}`);
    const root = parent.parentId === null ? parent : this.ctx.comments.byId(parent.parentId)!;
    const id = this.ctx.comments.add({
      attemptId: root.attemptId,
      turnId: root.turnId,
      authorId: this.people.me().id,
      atSeconds: root.atSeconds,
      endSeconds: root.endSeconds,
      criterionId: root.criterionId,
      parentId: root.id,
      body: requireBody(body),
    });
    return this.ctx.comments.byId(id)!;
  }

  edit(id: number, body: string): ReviewComment {
    this.own(id);
    this.ctx.comments.edit(id, requireBody(body));
    return this.ctx.comments.byId(id)!;
  }

  remove(id: number): { id: number; removed: true } {
    this.own(id);
    this.ctx.comments.remove(id);
    return { id, removed: true };
  }

  /** Marks a comment dealt with (or not); only a reviewer of the attempt, never its rep. */
  resolve(id: number, resolved: boolean): ReviewComment {
    const comment = this.ctx.comments.byId(id);
    if (!comment) throw notFound(`Comment ${id}`);
    const reviewer = this.people.reviewerFor(this.ctx.attempts.attemptRef(comment.attemptId)!.repId);
    this.ctx.comments.resolve(id, resolved ? reviewer.id : null);
    return this.ctx.comments.byId(id)!;
  }

  private own(id: number): ReviewComment {
    const comment = this.ctx.comments.byId(id);
    if (!comment) throw notFound(`Comment ${id}`);
    if (comment.authorId !== this.people.me().id) {
      throw new SparringError('not_yours', `This comment is ${comment.author}'s: only its author edits or deletes it.`);
    }
    return comment;
  }
}

function requireBody(body: string): string {
  const text = body.trim();
  if (!text) throw new SparringError('empty_comment', 'Write the comment first.');
  return text;
}
