import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api';
import { ExampleAnswers } from './ExampleAnswers';
import { TurnView } from '../components/TurnView';
import { discardWithUndo } from '../history/discard-attempt';
import { useApp } from '../store';
import { AnswerControls } from './AnswerControls';
import { LeaveDialog } from './LeaveDialog';
import { continueOn, retryStep, retryTurn } from './practice-actions';
import { sendPractice, useSession } from './practice-store';
import { SessionDone } from './SessionDone';
import { TypedAnswer } from './TypedAnswer';
import { Processing } from './Processing';
import { EarlierAnswers } from './EarlierAnswers';
import { useBuyerLine } from './use-buyer-line';
import { useMicrophones } from './use-microphones';
import { usePushToTalk } from './use-push-to-talk';
import { useRecorder } from './use-recorder';

/**
 * One role-play on screen: the buyer speaks, the rep answers (out loud or typed), the answer is scored, on to the next
 * step.
 */
export function PracticeSession({ onExit }: { onExit(): void }) {
  const s = useSession();
  const { setLeaveGuard, showToast } = useApp();
  const modelReady = useApp((st) => st.model?.ready);
  const mics = useMicrophones();
  const heldRef = useRef<() => boolean>(() => false);
  const recorder = useRecorder({ micId: mics.micId, onMicsChanged: mics.refresh, held: () => heldRef.current() });
  const ptt = usePushToTalk(
    s.phase,
    s.mode === 'voice',
    () => void recorder.start(),
    () => void recorder.stop(),
  );
  heldRef.current = ptt.held;
  const line = useBuyerLine();
  // Keyboard focus starts on the role-play (not lost on the page body when the picker goes away).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // Without a speech model, answers are typed (scored the same way) until one is installed.
  useEffect(() => {
    if (modelReady === false) sendPractice({ type: 'mode', mode: 'typed' });
  }, [modelReady]);

  // Progress of this attempt's answers, and model-graded checks arriving later.
  const { attemptId } = s;
  useEffect(
    () =>
      api.events.subscribe((e) => {
        if (e.type === 'turn.stage' && e.attemptId === attemptId)
          sendPractice({ type: 'stage', step: e.step, stage: e.stage });
        if (e.type === 'turn.progress' && e.attemptId === attemptId)
          sendPractice({ type: 'progress', step: e.step, done: e.done, total: e.total });
        if (e.type === 'turn.updated' && e.attemptId === attemptId)
          sendPractice({ type: 'turn-updated', turn: e.turn });
      }),
    [attemptId],
  );

  // Leaving, by the Leave button or by going elsewhere in the app: the microphone goes off at once
  // (what was said is kept and scored), then the rep decides whether to keep the attempt.
  const proceed = useRef<() => void>(onExit);
  const stopRecording = recorder.stop;
  const askLeave = useCallback(
    (then: () => void) => {
      void stopRecording();
      proceed.current = then;
      sendPractice({ type: 'leave-asked' });
    },
    [stopRecording],
  );
  const finished = s.phase === 'done';
  useEffect(() => {
    if (finished) return;
    setLeaveGuard(askLeave);
    return () => setLeaveGuard(null);
  }, [finished, askLeave, setLeaveGuard]);
  const leaveWith = async (keep: boolean) => {
    if (keep) await api.attempts.leave({ attemptId }).catch((e: Error) => showToast({ message: e.message }));
    else await discardWithUndo({ id: attemptId });
    setLeaveGuard(null);
    proceed.current();
  };

  if (finished) return <SessionDone onExit={onExit} />;

  // The answer being finished when the rep left counts: it is saved before it is scored.
  const answered = s.step + (s.phase === 'result' || s.phase === 'processing' ? 1 : 0);
  return (
    <div className="session" data-testid="session" data-phase={s.phase}>
      <div className="session-head">
        <h2 ref={heading} tabIndex={-1}>
          {s.scenario.title}
        </h2>
        <span className="muted">
          <span data-testid="turn-of">{turnOf(s.step, s.scenario.turnsToEnd?.[s.turn.id])}</span> ·{' '}
          {s.scenario.persona.name}, {s.scenario.persona.role}
        </span>
        <button className="link" onClick={() => askLeave(onExit)} data-testid="leave">
          Leave
        </button>
      </div>
      <EarlierAnswers earlier={s.earlier} />
      {line.noVoice && (
        <p className="muted small" data-testid="no-voice">
          No system voice is available, so the buyer's lines are shown as text.
        </p>
      )}
      {line.problem && <p className="muted small">{line.problem}</p>}
      <blockquote
        className="buyer"
        data-testid="buyer-line"
        data-voice={line.voice ?? 'speaking'}
        data-plays={line.plays}
      >
        {s.turn.buyer}
        <span className="buyer-controls">
          {s.phase === 'buyer' && (
            <button className="link" onClick={line.skip} data-testid="skip-line">
              Skip ▸▸
            </button>
          )}
          {s.phase === 'ready' && line.voice !== 'none' && (
            <button className="link" onClick={line.replay} title="Hear the line again" data-testid="replay-line">
              ↻ Replay
            </button>
          )}
        </span>
      </blockquote>

      {(s.phase === 'buyer' || s.phase === 'ready') && s.mode === 'typed' && (
        <TypedAnswer
          phase={s.phase}
          modelMissing={modelReady === false}
          onVoice={() => sendPractice({ type: 'mode', mode: 'voice' })}
        />
      )}
      {(s.phase === 'buyer' || s.phase === 'ready' || s.phase === 'recording') && s.mode === 'voice' && (
        <AnswerControls
          phase={s.phase}
          level={recorder.level}
          seconds={recorder.seconds}
          silenceSeconds={recorder.silenceSeconds}
          mics={mics.mics}
          micId={mics.micId}
          onStart={() => void recorder.start()}
          onStop={() => void recorder.stop()}
          onSilence={recorder.chooseSilence}
          onMic={mics.choose}
          onTypeInstead={() => sendPractice({ type: 'mode', mode: 'typed' })}
        />
      )}
      {s.phase === 'processing' && <Processing s={s} />}
      {s.notice && (
        <p className="banner warning" role="status">
          {s.notice}
        </p>
      )}
      {s.error && (
        <div className="banner error" role="alert" data-testid="turn-error">
          {s.error}
          {s.phase === 'result' && (
            <div className="actions">
              <button onClick={() => void retryStep()}>Try transcribing again</button>
            </div>
          )}
        </div>
      )}
      {s.phase === 'result' && s.result && <TurnView turn={s.result} showBuyerLine={false} />}
      {s.phase === 'result' && s.result && <ExampleAnswers attemptId={s.attemptId} step={s.result.index} />}
      {s.phase === 'result' && (
        <div className="actions">
          <button className="primary" onClick={() => void continueOn()} data-testid="next">
            Continue
          </button>
          {s.result?.transcript && (
            <button
              onClick={() => void retryTurn()}
              title="Answer the same line again; every answer is kept and the better one counts"
              data-testid="retry-turn"
            >
              Retry this turn
            </button>
          )}
        </div>
      )}
      {s.leaving && (
        <LeaveDialog
          answered={answered}
          onKeep={() => void leaveWith(true)}
          onDiscard={() => void leaveWith(false)}
          onStay={() => sendPractice({ type: 'leave-cancelled' })}
        />
      )}
    </div>
  );
}

/** "Turn 2 of 4", or "Turn 2 of 3–4" where the buyer's branches make the role-play shorter or longer. */
function turnOf(step: number, left: { min: number; max: number } | undefined): string {
  if (!left) return `Turn ${step + 1}`;
  const [min, max] = [step + left.min, step + left.max];
  return `Turn ${step + 1} of ${min === max ? max : `${min}–${max}`}`;
}
