import { create } from 'zustand';
import type { ModelStatus, Profile } from '../src-main/core/domain';
import { api } from './api';
import { DEFAULT_HISTORY, hashFromView, type HistoryQuery, type View, viewFromHash } from './router';

export type { View };

/** A notice at the bottom of the screen, with an optional undo (it outlives the screen that raised it). */
export interface Toast {
  message: string;
  undo?: () => Promise<void> | void;
}

/**
 * Asked before the app leaves a screen that holds work in progress (a role-play): it may stop
 * things at once and ask the rep; `proceed` navigates when they have decided.
 */
export type LeaveGuard = (proceed: () => void) => void;

interface AppState {
  view: View;
  /** The history page last shown, so "back to history" returns to the same page and filters. */
  lastHistory: HistoryQuery;
  model: ModelStatus | null;
  /** The person using Sparring (null until loaded). */
  me: Profile | null;
  toast: Toast | null;
  leaveGuard: LeaveGuard | null;
  /** Shows a view; `replace` corrects the current address instead of adding a history entry. */
  go(view: View, options?: { replace?: boolean }): void;
  setLeaveGuard(guard: LeaveGuard | null): void;
  showToast(toast: Toast | null): void;
  refreshModel(): Promise<void>;
  refreshMe(): Promise<Profile>;
}

const leavesPractice = (from: View, to: View) => from.name === 'practice' && hashFromView(from) !== hashFromView(to);

const initial = viewFromHash(location.hash);

export const useApp = create<AppState>((set, get) => ({
  view: initial,
  lastHistory: initial.name === 'history' ? initial.query : DEFAULT_HISTORY,
  model: null,
  me: null,
  toast: null,
  leaveGuard: null,
  go: (view, options) => {
    const target = hashFromView(view);
    if (location.hash === target) return set({ view });
    const { leaveGuard, view: current } = get();
    if (leaveGuard && leavesPractice(current, view)) return leaveGuard(() => (location.hash = target));
    // The hashchange listener below updates the view.
    if (options?.replace) location.replace(target);
    else location.hash = target;
  },
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
  showToast: (toast) => set({ toast }),
  refreshModel: async () => set({ model: await api.model.status() }),
  refreshMe: async () => {
    const me = await api.people.me();
    set({ me });
    return me;
  },
}));

/**
 * Follows the URL: links, reloads and the back/forward buttons. Leaving a role-play that way asks
 * first too: the address is put back while the rep decides.
 */
window.addEventListener('hashchange', (e) => {
  const { view: current, leaveGuard } = useApp.getState();
  const next = viewFromHash(location.hash);
  if (leaveGuard && leavesPractice(current, next)) {
    const target = location.hash;
    history.replaceState(history.state, '', new URL(e.oldURL).hash || '#/practice');
    leaveGuard(() => (location.hash = target));
    return;
  }
  useApp.setState((s) => ({ view: next, lastHistory: next.name === 'history' ? next.query : s.lastHistory }));
});
