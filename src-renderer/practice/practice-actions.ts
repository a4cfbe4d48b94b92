/**
 * What the rep does between answers: type one, transcribe one again, move on, finish. Each goes through the API and the
 * state machine.
 */
import { api } from '../api';
import { isSameAttempt, isShowing, sendPractice, usePractice } from './practice-store';

const session = () => usePractice.getState().session;

/** Spoken answers on their way to a score; the role-play's end waits for them. */
const scoring = new Set<Promise<unknown>>();

/** Keeps track of an answer being transcribed and scored until it settles. */
export function trackScoring<T>(finish: Promise<T>): Promise<T> {
  scoring.add(finish);
  void finish.catch(() => undefined).finally(() => scoring.delete(finish));
  return finish;
}

/** "Cancel and type instead": the transcription stops now; the recording stays with the step. */
export async function cancelAndType(): Promise<void> {
  const s = session();
  if (!s || s.phase !== 'processing') return;
  sendPractice({ type: 'type-instead', on: true });
  await api.turns.cancelTranscription({ attemptId: s.attemptId, step: s.step }).catch(() => undefined);
}

/** Changed their mind after cancelling: the stored recording is transcribed after all. */
export async function transcribeAfterAll(): Promise<void> {
  sendPractice({ type: 'type-instead', on: false });
  await retryStep();
}

/** The typed answer to a step whose transcription was cancelled: scored, the recording kept with it. */
export async function typeInstead(text: string): Promise<boolean> {
  const s = session();
  if (!s || !text.trim() || s.phase !== 'processing') return false;
  sendPractice({ type: 'typed-submit' });
  try {
    const answered = await api.turns.submitTyped({ attemptId: s.attemptId, step: s.step, text });
    if (isShowing(s)) sendPractice({ type: 'answered', ...answered });
    return true;
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: true });
    return false;
  }
}

/** On to the next line while the last answer is still being scored (its feedback follows). */
export async function moveOnEarly(): Promise<void> {
  const s = session();
  if (!s) return;
  try {
    const next = await api.attempts.next({ attemptId: s.attemptId });
    if (!isShowing(s)) return;
    // The last line: nothing to move on to; the end waits for the score.
    if (next.kind === 'turn' && next.step > s.step) sendPractice({ type: 'continue-early', next });
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'notice', message: (e as Error).message });
  }
}

/** Transcribes again an earlier answer whose transcription failed after the rep moved on. */
export async function retryEarlier(step: number): Promise<void> {
  const s = session();
  if (!s) return;
  try {
    const answered = await api.turns.retry({ attemptId: s.attemptId, step });
    if (isSameAttempt(s)) sendPractice({ type: 'answered', ...answered });
  } catch (e) {
    if (isSameAttempt(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: true, step });
  }
}

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
    // The end: answers moved on from are scored first, so the summary counts them.
    while (scoring.size) await Promise.allSettled([...scoring]);
    const summary = await api.attempts.finish({ attemptId: s.attemptId });
    if (isShowing(s))
      sendPractice({ type: 'finished', summary, ending: next.end.id === 'end' ? null : next.end.title });
  } catch (e) {
    if (isShowing(s)) sendPractice({ type: 'failed', message: (e as Error).message, answerKept: s.phase === 'result' });
  }
}
