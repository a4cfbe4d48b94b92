import type { AppEvent } from './domain';

/**
 * What core tells its front ends as things happen (transcription stages, a turn graded later,
 * download progress). One bus per core; each transport forwards it to its UI.
 */
export class EventBus {
  private readonly listeners = new Set<(e: AppEvent) => void>();

  on(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
