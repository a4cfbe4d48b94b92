import { create } from 'zustand';
import type { ModelStatus } from '../src-main/core/domain';
import { api } from './api';

/** Where the app is. `startScenarioId` opens the practice view straight into that scenario ("try it"). */
export type View = { name: 'practice'; startScenarioId?: string } | { name: 'history' } | { name: 'attempt'; id: number } | { name: 'designer' } | { name: 'settings' };

interface AppState {
  view: View;
  model: ModelStatus | null;
  go(view: View): void;
  refreshModel(): Promise<void>;
}

export const useApp = create<AppState>((set) => ({
  view: { name: 'practice' },
  model: null,
  go: (view) => set({ view }),
  refreshModel: async () => set({ model: await api.model.status() }),
}));
