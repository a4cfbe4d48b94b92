import { useEffect, useState } from 'react';
import type { AttemptDetail, TurnRecord } from '../../src-main/core/domain';
import { api } from '../api';
import { CertificationBadge } from '../components/CertificationBadge';
import { ReviewStatus } from '../components/ReviewStatus';
import { SPEEDS, useReviewKeys } from '../components/use-review-keys';
import { SkipSilencesToggle } from '../components/SkipSilencesToggle';
import { TurnComments } from '../components/TurnComments';
import { Waveform } from '../components/Waveform';
import { RoleplayScorecard } from '../components/RoleplayScorecard';
import { TurnView } from '../components/TurnView';
import { discardWithUndo } from '../history/discard-attempt';
import { STATUS_LABEL as STATUS } from '../history/status-label';
import { useApp } from '../store';
import { ErrorBanner } from '../components/ErrorBanner';
import { AttemptActions } from '../review/AttemptActions';
import { CoachingPlanPanel } from '../review/CoachingPlanPanel';

/** A stored attempt: every turn with its audio, transcript and scores. */
export function AttemptPage({ id }: { id: number }) {
  const { go, lastHistory, me } = useApp();
  const [attempt, setAttempt] = useState<AttemptDetail | null>(null);
  const [speed, setSpeed] = useState(() => Number(localStorage.getItem('sparring.reviewSpeed')) || 1);
  useReviewKeys(attempt, speed);
  // Compact by default: one line per answer; the first one open.
  const [openTurns, setOpenTurns] = useState<Set<number>>(new Set());
  const firstTurn = attempt?.turns[0]?.id;
  useEffect(() => {
    if (firstTurn !== undefined) setOpenTurns((prev) => (prev.size ? prev : new Set([firstTurn])));
  }, [firstTurn]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => api.attempts.get({ id }).then(setAttempt, (e: Error) => setError(e.message));
    void load();
    // Model-graded checks may arrive after the page opened.
    return api.events.subscribe((e) => e.type === 'turn.updated' && e.attemptId === id && void load());
  }, [id]);

  if (error) return <ErrorBanner message={error} />;
  if (!attempt) return <p className="muted">Loading attempt…</p>;
  const allOpen = attempt.turns.every((t) => openTurns.has(t.id));
  // Only a manager reviews, and never their own attempt (core refuses it too).
  const canReview = Boolean(me?.roles.includes('manager') && me.name !== attempt.rep);
  return (
    <div className="attempt" data-testid="attempt-page">
      <button className="link" onClick={() => go({ name: 'history', query: lastHistory })}>
        ← History
      </button>
      <h2>{attempt.scenarioTitle}</h2>
      <p className="muted">
        {attempt.rep} · {new Date(attempt.startedAt).toLocaleString()} · {STATUS[attempt.status]} · overall{' '}
        <strong data-testid="attempt-score">{attempt.overallScore ?? '–'}</strong>{' '}
        <CertificationBadge certification={attempt.certification} />
      </p>
      {attempt.status !== 'complete' && <Unfinished attempt={attempt} />}
      <AttemptActions attempt={attempt} canReview={canReview} />
      <ReviewStatus attempt={attempt} canReview={canReview} onChange={setAttempt} />
      <CoachingPlanPanel attempt={attempt} canReview={canReview} onChange={setAttempt} />
      {attempt.turns.some((t) => t.audioPath) && (
        <p className="muted small review-keys">
          <label>
            Playback{' '}
            <select
              value={speed}
              onChange={(e) => {
                setSpeed(Number(e.target.value));
                localStorage.setItem('sparring.reviewSpeed', e.target.value);
              }}
              data-testid="speed"
            >
              {SPEEDS.map((v) => (
                <option key={v} value={v}>
                  {v}×
                </option>
              ))}
            </select>
          </label>{' '}
          <SkipSilencesToggle /> Keys: Space play/pause · ← → 5 s · J K previous/next mark · C comment at the playhead
        </p>
      )}
      <VersionNote attempt={attempt} onOpen={(attemptId) => go({ name: 'attempt', id: attemptId })} />
      {attempt.summary && <RoleplayScorecard summary={attempt.summary} />}
      {attempt.turns.length === 0 && <p className="empty">No answers were recorded in this attempt.</p>}
      {attempt.turns.length > 1 && (
        <button
          className="link"
          onClick={() => setOpenTurns(allOpen ? new Set() : new Set(attempt.turns.map((t) => t.id)))}
          data-testid="expand-all"
        >
          {allOpen ? 'Collapse all answers' : 'Expand all answers'}
        </button>
      )}
      {attempt.turns.map((t) => (
        <details
          key={t.id}
          className="turn-details"
          open={openTurns.has(t.id)}
          onToggle={(e) => {
            const isOpen = (e.currentTarget as HTMLDetailsElement).open;
            setOpenTurns((prev) => (isOpen === prev.has(t.id) ? prev : toggled(prev, t.id)));
          }}
          data-testid="turn-details"
        >
          <TurnSummary
            turn={t}
            comments={attempt.comments.filter((c) => c.turnId === t.id && c.parentId === null).length}
          />
          <TurnView
            turn={t}
            underAudio={(player) => <Waveform turn={t} player={player} comments={attempt.comments} />}
            extra={(player) => (
              <>
                <TurnComments
                  attemptId={attempt.id}
                  turn={t}
                  comments={attempt.comments}
                  player={player}
                  meId={me?.id ?? null}
                  canReview={canReview}
                  onChanged={async () => setAttempt(await api.attempts.get({ id: attempt.id }))}
                />
              </>
            )}
            onRetry={async () => {
              await api.turns.retry({ attemptId: attempt.id, step: t.index });
              setAttempt(await api.attempts.get({ id: attempt.id }));
            }}
            review={
              canReview
                ? {
                    override: async (criterionId, score, reason) =>
                      setAttempt(await api.review.overrideScore({ turnId: t.id, criterionId, score, reason })),
                    remove: async (criterionId) =>
                      setAttempt(await api.review.removeOverride({ turnId: t.id, criterionId })),
                  }
                : undefined
            }
          />
        </details>
      ))}
    </div>
  );
}

/**
 * Scores are tied to the scenario version they were made with. When the file changed since, say so
 * and offer re-scoring, which adds a new attempt and leaves this one as it is.
 */
function VersionNote({ attempt, onOpen }: { attempt: AttemptDetail; onOpen(id: number): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = attempt.currentScenarioHash !== null && attempt.currentScenarioHash !== attempt.scenarioHash;
  const rescore = async () => {
    setBusy(true);
    setError(null);
    try {
      onOpen((await api.attempts.rescore({ attemptId: attempt.id })).id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="version-note" data-testid="version-note">
      {attempt.rescoredFrom !== null && (
        <p>
          Re-scored from{' '}
          <button className="link" onClick={() => onOpen(attempt.rescoredFrom!)}>
            attempt #{attempt.rescoredFrom}
          </button>{' '}
          with the scenario as it is now; that attempt keeps its original scores.
        </p>
      )}
      {attempt.rescoredBy.length > 0 && (
        <p>
          Re-scored later as{' '}
          {attempt.rescoredBy.map((r) => (
            <button key={r} className="link" onClick={() => onOpen(r)}>
              attempt #{r}
            </button>
          ))}
          .
        </p>
      )}
      {attempt.currentScenarioHash === null && (
        <p className="muted">
          This scenario is no longer in the library (or no longer valid); these scores stay as they were.
        </p>
      )}
      {changed && attempt.status === 'complete' && (
        <p>
          The scenario has changed since this attempt (version {attempt.scenarioHash.slice(0, 8)} →{' '}
          {attempt.currentScenarioHash!.slice(0, 8)}). These scores stay as they were.{' '}
          <button onClick={() => void rescore()} disabled={busy} data-testid="rescore">
            {busy ? 'Re-scoring…' : 'Re-score with the current version'}
          </button>
        </p>
      )}
      <ErrorBanner message={error} />
    </div>
  );
}

/**
 * A role-play that was left or cut short has no overall score (it would read as final): say so,
 * and offer to pick it up where it stopped, or to discard it (with undo).
 */
function Unfinished({ attempt }: { attempt: AttemptDetail }) {
  const { go, lastHistory } = useApp();
  const discard = () =>
    discardWithUndo({ id: attempt.id, title: attempt.scenarioTitle }, (restored) =>
      go(restored ? { name: 'attempt', id: attempt.id } : { name: 'history', query: lastHistory }),
    );
  return (
    <div className="version-note" data-testid="unfinished">
      <p>
        This role-play was not finished: {attempt.turns.length} step{attempt.turns.length === 1 ? '' : 's'} answered, so
        there is no overall score yet.
      </p>
      <div className="actions">
        <button
          className="primary"
          onClick={() => go({ name: 'practice', resumeAttemptId: attempt.id })}
          data-testid="resume"
        >
          Resume from step {attempt.turns.length + 1}
        </button>
        <button onClick={() => void discard()} data-testid="discard">
          Discard
        </button>
      </div>
    </div>
  );
}

const toggled = (set: Set<number>, id: number) => {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

/** One line for a collapsed answer: its step, the buyer's line, its score (reviewed or not), its comments. */
function TurnSummary({ turn, comments }: { turn: TurnRecord; comments: number }) {
  const reviewed = turn.score?.criteria.some((c) => c.override);
  return (
    <summary>
      <span className="turn-step">Turn {turn.index + 1}</span> <span className="turn-line">{turn.buyerLine}</span>
      <span className="turn-score" data-testid="turn-summary-score">
        {turn.score
          ? `${turn.score.overall}${reviewed ? ' (reviewed)' : ''}`
          : turn.audioPath
            ? 'not transcribed'
            : '–'}
        {comments > 0 && ` · ${comments} comment${comments === 1 ? '' : 's'}`}
      </span>
    </summary>
  );
}
