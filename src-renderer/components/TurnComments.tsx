import { useEffect, useRef, useState } from 'react';
import type { ReviewComment, TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import type { Player } from './TurnView';
import { ErrorBanner } from './ErrorBanner';

const clock = (s: number) =>
  `${Math.floor(s / 60)}:${Math.floor(s % 60)
    .toString()
    .padStart(2, '0')}`;

/**
 * The review comments on one answer, each at its moment (click to hear it), with replies. A
 * reviewer adds one at the playhead (or over a range) and may tag a criterion; anyone replies;
 * each person edits or deletes their own; the reviewer marks comments resolved.
 */
export function TurnComments(props: {
  attemptId: number;
  turn: TurnRecord;
  comments: ReviewComment[];
  player: Player;
  meId: number | null;
  canReview: boolean;
  onChanged(): Promise<void>;
}) {
  const { attemptId, turn, comments, player, meId, canReview, onChanged } = props;
  const [error, setError] = useState<string | null>(null);
  /** Runs a comment action; false when it was refused (its message is shown, and what was typed is kept). */
  const act = async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
    await onChanged();
    return true;
  };
  const roots = comments.filter((c) => c.turnId === turn.id && c.parentId === null);
  if (!roots.length && !canReview) return null;
  return (
    <section className="comments" aria-label="Review comments" data-testid="comments">
      {roots.map((c) => (
        <div
          key={c.id}
          className={`comment${c.resolvedAt ? ' resolved' : ''}`}
          data-testid="comment"
          data-at={c.atSeconds}
        >
          <CommentLine c={c} player={player} meId={meId} act={act} />
          {comments
            .filter((r) => r.parentId === c.id)
            .map((r) => (
              <div key={r.id} className="reply" data-testid="reply">
                <CommentLine c={r} player={player} meId={meId} act={act} />
              </div>
            ))}
          <div className="comment-actions">
            <ReplyBox onReply={(body) => act(() => api.comments.reply({ parentId: c.id, body }))} />
            {canReview && (
              <button
                className="link"
                onClick={() => void act(() => api.comments.resolve({ id: c.id, resolved: !c.resolvedAt }))}
              >
                {c.resolvedAt ? 'Reopen' : 'Resolve'}
              </button>
            )}
          </div>
        </div>
      ))}
      {canReview && turn.durationSeconds !== null && (
        <NewComment turn={turn} player={player} onAdd={(c) => act(() => api.comments.add({ attemptId, ...c }))} />
      )}
      <ErrorBanner message={error} />
    </section>
  );
}

function CommentLine({
  c,
  player,
  meId,
  act,
}: {
  c: ReviewComment;
  player: Player;
  meId: number | null;
  act(a: () => Promise<unknown>): Promise<boolean>;
}) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(c.body);
  return (
    <div className="comment-line">
      {c.parentId === null && (
        <button
          className="link at"
          onClick={() => player.seek(c.atSeconds)}
          title="Hear this moment"
          data-testid="comment-at"
        >
          {clock(c.atSeconds)}
          {c.endSeconds !== null && `–${clock(c.endSeconds)}`}
        </button>
      )}{' '}
      <strong>{c.author}</strong> {c.criterionId && <CriterionTag id={c.criterionId} />}{' '}
      {editing ? (
        <form
          onSubmit={(e) => (
            e.preventDefault(),
            void act(() => api.comments.edit({ id: c.id, body })).then((done) => done && setEditing(false))
          )}
        >
          <input value={body} onChange={(e) => setBody(e.target.value)} aria-label="Edit comment" />
          <button type="submit">Save</button>
        </form>
      ) : (
        <span data-testid="comment-body">{c.body}</span>
      )}
      {c.resolvedAt && <span className="muted small"> · resolved by {c.resolvedBy}</span>}
      {c.authorId === meId && !editing && (
        <span className="mine">
          {' '}
          <button className="link" onClick={() => setEditing(true)}>
            Edit
          </button>{' '}
          <button className="link" onClick={() => void act(() => api.comments.remove({ id: c.id }))}>
            Delete
          </button>
        </span>
      )}
    </div>
  );
}

const CriterionTag = ({ id }: { id: string }) => <span className="badge">{id.replace(/-/g, ' ')}</span>;

function ReplyBox({ onReply }: { onReply(body: string): Promise<boolean> }) {
  const [body, setBody] = useState('');
  return (
    <form
      className="reply-box"
      onSubmit={(e) => (e.preventDefault(), body.trim() && void onReply(body).then((done) => done && setBody('')))}
    >
      <input
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="Reply"
        aria-label="Reply"
        data-testid="reply-input"
      />
      <button type="submit" disabled={!body.trim()}>
        Reply
      </button>
    </form>
  );
}

/** A moment of the answer, in seconds, typed in. */
function SecondsField(p: {
  label: string;
  placeholder: string;
  ariaLabel: string;
  value: string;
  onChange(v: string): void;
  testId: string;
}) {
  return (
    <label>
      {p.label}{' '}
      <input
        type="number"
        min={0}
        step={0.1}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        placeholder={p.placeholder}
        aria-label={p.ariaLabel}
        data-testid={p.testId}
      />{' '}
      s
    </label>
  );
}

/** A new comment at the playhead (or a moment typed in), optionally over a range and tagged with a criterion. */
function NewComment({
  turn,
  player,
  onAdd,
}: {
  turn: TurnRecord;
  player: Player;
  onAdd(c: {
    turnId: number;
    atSeconds: number;
    endSeconds?: number;
    criterionId?: string;
    body: string;
  }): Promise<boolean>;
}) {
  const [at, setAt] = useState('');
  const [end, setEnd] = useState('');
  const [criterion, setCriterion] = useState('');
  const [body, setBody] = useState('');
  const bodyInput = useRef<HTMLInputElement>(null);
  // A range dragged on the waveform fills the range and moves on to the comment itself.
  useEffect(
    () =>
      player.ranges.take(({ start, end }) => {
        setAt(start.toFixed(1));
        setEnd(end.toFixed(1));
        bodyInput.current?.focus();
      }),
    [player],
  );
  const atPlayhead = () => setAt(player.currentTime().toFixed(1));
  const submit = async () => {
    const atSeconds = Number(at || player.currentTime().toFixed(1));
    const added = await onAdd({
      turnId: turn.id,
      atSeconds,
      ...(end && { endSeconds: Number(end) }),
      ...(criterion && { criterionId: criterion }),
      body,
    });
    if (!added) return; // refused: the message says why, and the comment stays to be corrected
    setBody('');
    setEnd('');
  };
  return (
    <form className="new-comment" onSubmit={(e) => (e.preventDefault(), void submit())} data-testid="new-comment">
      <SecondsField
        label="At"
        placeholder="playhead"
        ariaLabel="At second"
        value={at}
        onChange={setAt}
        testId="comment-at-input"
      />{' '}
      <button type="button" className="link" onClick={atPlayhead}>
        at the playhead
      </button>{' '}
      <SecondsField
        label="to"
        placeholder="(a point)"
        ariaLabel="Until second"
        value={end}
        onChange={setEnd}
        testId="comment-end-input"
      />{' '}
      <select value={criterion} onChange={(e) => setCriterion(e.target.value)} aria-label="About a criterion">
        <option value="">No criterion</option>
        {turn.score?.criteria.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <input
        ref={bodyInput}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="A comment for the rep"
        aria-label="Comment"
        required
        data-testid="comment-input"
      />
      <button type="submit" className="primary" disabled={!body.trim()} data-testid="comment-add">
        Comment
      </button>
    </form>
  );
}
