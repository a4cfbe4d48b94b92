/**
 * What the rep does between answers: type one, transcribe one again, move on, finish. Each goes through the API and the
 * state machine.
 */
import { api } from '../api';
import { isShowing, sendPractice, usePractice } from './practice-store';

const session = () => usePractice.getState().session;

export async function submitTyped(text: string): Promise<boolean> {
  const s = session();
  if (!s || !text.trim()) return false;
  sendPractice({ type: 'typed-submit' });
  try {
    const answered = await api.turns.submitTyped({ attemptId: s.attemptId, step: s.step, text });
    if (isShowing(s)) sendPractice({ type: 'answered', ...answered });
    return true;
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: false });
    return false;
  }
}

/** Transcribes the step's stored answer again (after a failure, or one left untranscribed by a crash). */
export async function retryStep(): Promise<void> {
  const s = session();
  if (!s) return;
  sendPractice({ type: 'retry' });
  try {
    const answered = await api.turns.retry({ attemptId: s.attemptId, step: s.step });
    if (isShowing(s)) sendPractice({ type: 'answered', ...answered });
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: true });
  }
}

/** "Retry this turn": the answer just given is put aside and the same buyer line answered again. */
export async function retryTurn(): Promise<void> {
  const s = session();
  if (!s || s.phase !== 'result') return;
  sendPractice({ type: 'retry-turn-asked' });
  try {
    const { tries } = await api.turns.retryTurn({ attemptId: s.attemptId, step: s.step });
    if (isShowing(s)) sendPractice({ type: 'retry-turn', tries });
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: true });
  }
}

/** On to the step the answer led to, or the end of the role-play (which finishes the attempt). */
export async function continueOn(): Promise<void> {
  const s = session();
  if (!s) return;
  try {
    // The answer's result says where it leads; without one (transcription failed) core decides now.
    const next = s.next ?? (await api.attempts.next({ attemptId: s.attemptId }));
    if (!isShowing(s)) return;
    if (next.kind === 'turn') return sendPractice({ type: 'continue', next });
    const summary = await api.attempts.finish({ attemptId: s.attemptId });
    if (isShowing(s))
      sendPractice({ type: 'finished', summary, ending: next.end.id === 'end' ? null : next.end.title });
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: s.phase === 'result' });
  }
}
