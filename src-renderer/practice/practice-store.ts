import { create } from 'zustand';
import type { Scenario, ScenarioTurn } from '../../src-main/core/domain';
import { type PracticeEvent, practiceReducer, type PracticeState, startState } from './practice-machine';

interface PracticeStore {
  /** The role-play on screen, or null when the rep is choosing one. */
  session: PracticeState | null;
  open(attemptId: number, scenario: Scenario, step: number, turn: ScenarioTurn, mode: 'voice' | 'typed'): void;
  close(): void;
  send(event: PracticeEvent): void;
}

/** The practice slice: the state machine's current state, and the one way to change it (send). */
export const usePractice = create<PracticeStore>((set) => ({
  session: null,
  open: (attemptId, scenario, step, turn, mode) => set({ session: startState(attemptId, scenario, step, turn, mode) }),
  close: () => set({ session: null }),
  send: (event) => set((s) => (s.session ? { session: practiceReducer(s.session, event) } : s)),
}));

/** The current session (the practice view renders only while there is one). */
export const useSession = () => usePractice((s) => s.session!);
export const sendPractice = (event: PracticeEvent) => usePractice.getState().send(event);

/**
 * Is the screen still on this attempt and step? A result that arrives after the rep left the
 * role-play (or moved past the step) is dropped instead of shown in whatever is on screen now.
 */
export function isShowing(s: { attemptId: number; step: number }): boolean {
  const session = usePractice.getState().session;
  return session?.attemptId === s.attemptId && session.step === s.step;
}

/** Is the screen still on this attempt (at any step)? Feedback for an answer moved on from still lands. */
export function isSameAttempt(s: { attemptId: number }): boolean {
  return usePractice.getState().session?.attemptId === s.attemptId;
}
