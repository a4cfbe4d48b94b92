import { SparringError } from '../errors';

/** The transcription was stopped for the rep to type the answer; the recording stays with the step. */
export const typedInstead = () =>
  new SparringError(
    'typed_instead',
    'The transcription of this answer was stopped so you could type it instead. The recording is kept.',
  );

/**
 * Spoken answers stopped but not scored yet (being transcribed), by attempt and step. The
 * recording service adds and removes them; a typed answer to the same step ("type instead")
 * cancels its transcription, and moving on past a step still being scored asks here whether it is.
 */
export class AnswersInFlight {
  private readonly answers = new Map<string, { cancelled: boolean; cancel(): void }>();

  private static key(attemptId: number, step: number): string {
    return `${attemptId}:${step}`;
  }

  /** Registers an answer being transcribed; returns how to ask whether it was cancelled meanwhile. */
  add(attemptId: number, step: number, cancel: () => void): { cancelled(): boolean; done(): void } {
    const key = AnswersInFlight.key(attemptId, step);
    const entry = { cancelled: false, cancel };
    this.answers.set(key, entry);
    return {
      cancelled: () => entry.cancelled,
      done: () => {
        if (this.answers.get(key) === entry) this.answers.delete(key);
      },
    };
  }

  has(attemptId: number, step: number): boolean {
    return this.answers.has(AnswersInFlight.key(attemptId, step));
  }

  /** Stops waiting for a transcription (the rep typed the answer instead); true when one was running. */
  cancel(attemptId: number, step: number): boolean {
    const key = AnswersInFlight.key(attemptId, step);
    const entry = this.answers.get(key);
    if (!entry) return false;
    this.answers.delete(key);
    entry.cancelled = true;
    entry.cancel();
    return true;
  }
}
