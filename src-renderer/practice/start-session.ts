import { api } from '../api';
import { useApp } from '../store';
import { retryStep } from './practice-actions';
import { sendPractice, usePractice } from './practice-store';

const startMode = () => (useApp.getState().model?.ready === false ? 'typed' : 'voice');

/**
 * Once a "try" or "resume" address has opened its role-play, the address becomes the plain practice
 * screen, so Back and Forward never start (or reopen) an attempt again. The history entry is
 * replaced without a hashchange, so the leave guard is not asked about its own role-play.
 */
function settleAddress() {
  if (location.hash === '#/practice') return;
  history.replaceState(history.state, '', '#/practice');
  useApp.setState({ view: { name: 'practice' } });
}

/** A fresh attempt of a scenario, on screen at its first turn. */
export async function openAttempt(scenarioId: string): Promise<void> {
  const { attemptId, scenario } = await api.attempts.start({ scenarioId });
  usePractice.getState().open(attemptId, scenario, 0, scenario.turns[0]!, startMode());
  settleAddress();
}

/**
 * An attempt that was left or cut short, on screen at the step it stopped at (on the scenario
 * version it was started on). An answer a crash left untranscribed is transcribed first; an
 * attempt whose every step is answered is finished.
 */
export async function resumeAttempt(attemptId: number): Promise<void> {
  const { scenario, next, untranscribed } = await api.attempts.resume({ attemptId });
  if (next.kind === 'turn') {
    usePractice.getState().open(attemptId, scenario, next.step, next.turn, startMode());
    settleAddress();
    if (untranscribed !== null) await retryStep();
    return;
  }
  // Every step was answered before it was cut short: only the finishing is left.
  const summary = await api.attempts.finish({ attemptId });
  usePractice.getState().open(attemptId, scenario, 0, scenario.turns[0]!, startMode());
  sendPractice({ type: 'finished', summary, ending: next.end.id === 'end' ? null : next.end.title });
  settleAddress();
}
