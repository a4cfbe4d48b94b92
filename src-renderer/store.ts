import { create } from 'zustand';
import type { ModelStatus } from '../src-main/core/domain';
import { api } from './api';

export type View = { name: 'practice' } | { name: 'history' } | { name: 'attempt'; id: number };

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
