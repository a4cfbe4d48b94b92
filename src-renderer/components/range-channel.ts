/** A range of an answer, in seconds. */
export type Range = { start: number; end: number };

/**
 * Ranges dragged on an answer's waveform, handed to whatever takes them: a reviewer's comment form.
 * Nothing takes them for a rep (no form), and then the waveform does not let a range be dragged.
 */
export class RangeChannel {
  private readonly takers = new Set<(range: Range) => void>();

  /** Takes every range selected from now on; returns the function that stops taking them. */
  take(taker: (range: Range) => void): () => void {
    this.takers.add(taker);
    return () => void this.takers.delete(taker);
  }

  get wanted(): boolean {
    return this.takers.size > 0;
  }

  select(range: Range): void {
    for (const taker of this.takers) taker(range);
  }
}
