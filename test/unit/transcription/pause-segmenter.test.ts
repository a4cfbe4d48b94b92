import { describe, expect, it } from 'vitest';
import { joinSegments } from '../../../src-main/core/transcription/live-transcriber';
import { PauseSegmenter } from '../../../src-main/core/transcription/pause-segmenter';

const RATE = 16000;

/** A signal of tone ("speech") and silence stretches, in seconds. */
function signal(parts: [kind: 'tone' | 'silence', seconds: number][]): Int16Array {
  const out: number[] = [];
  for (const [kind, seconds] of parts) {
    for (let i = 0; i < seconds * RATE; i++)
      out.push(kind === 'tone' ? Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE)) : 0);
  }
  return Int16Array.from(out);
}

/** Feeds the signal in 250 ms chunks, as the app does, and returns the cuts in seconds. */
function cutsOf(samples: Int16Array, segmenter = new PauseSegmenter()): number[] {
  for (let i = 0; i < samples.length; i += 4000) segmenter.push(samples.subarray(i, i + 4000));
  return segmenter.cuts.map((c) => c / RATE);
}

describe('pause segmenter', () => {
  it('cuts in the middle of each pause long enough, once the segment is long enough', () => {
    const cuts = cutsOf(
      signal([
        ['tone', 4],
        ['silence', 1],
        ['tone', 3.5],
        ['silence', 0.8],
        ['tone', 2],
      ]),
    );
    expect(cuts).toHaveLength(2);
    // First pause is 4.0-5.0 s: the cut is 0.3 s into it (half the 0.6 s needed to call it a pause).
    expect(cuts[0]).toBeGreaterThan(4.0);
    expect(cuts[0]).toBeLessThan(5.0);
    expect(cuts[1]).toBeGreaterThan(8.5);
    expect(cuts[1]).toBeLessThan(9.3);
  });

  it('never cuts inside speech, at pauses under 0.3 s, or before a segment is 1.5 s long', () => {
    expect(
      cutsOf(
        signal([
          ['tone', 2],
          ['silence', 0.2],
          ['tone', 2],
          ['silence', 0.26],
          ['tone', 2],
        ]),
      ),
    ).toEqual([]);
    expect(
      cutsOf(
        signal([
          ['tone', 1],
          ['silence', 1],
          ['tone', 1],
        ]),
      ),
    ).toEqual([]);
    expect(cutsOf(signal([['silence', 5]]))).toEqual([]); // nothing said yet: nothing to transcribe
  });

  it('cuts at a breath (0.3 s) once the segment is 1.5 s long, in the middle of it, so the tail stays short', () => {
    const cuts = cutsOf(
      signal([
        ['tone', 1.6],
        ['silence', 0.34],
        ['tone', 2],
        ['silence', 0.4],
        ['tone', 0.5],
      ]),
    );
    expect(cuts).toHaveLength(2);
    expect(cuts[0]).toBeGreaterThan(1.6);
    expect(cuts[0]).toBeLessThan(1.94);
    expect(cuts[1]).toBeGreaterThan(3.94);
    expect(cuts[1]).toBeLessThan(4.34);
  });

  it('cuts a long stretch without pauses at its quietest moment', () => {
    const long = signal([
      ['tone', 21],
      ['silence', 0.1],
      ['tone', 10],
    ]);
    const cuts = cutsOf(long);
    expect(cuts.length).toBeGreaterThanOrEqual(1);
    expect(cuts[0]).toBeGreaterThanOrEqual(21);
    expect(cuts[0]).toBeLessThanOrEqual(21.12);
  });
});

describe('joining segment transcripts', () => {
  it('puts each word on the recording timeline, in order, none lost or doubled at a boundary', () => {
    const joined = joinSegments([
      {
        startSeconds: 0,
        endSeconds: 4.3,
        transcript: {
          text: 'How is it going',
          words: [
            { word: 'How', start: 0.1, end: 0.4 },
            { word: 'is', start: 0.4, end: 0.6 },
            { word: 'it', start: 0.6, end: 0.8 },
            { word: 'going?', start: 0.8, end: 3.9 },
          ],
        },
      },
      {
        startSeconds: 4.3,
        endSeconds: 8.1,
        transcript: {
          text: 'Tell me more',
          words: [
            { word: 'Tell', start: 0.2, end: 0.5 },
            { word: 'me', start: 0.5, end: 0.7 },
            { word: 'more.', start: 0.7, end: 9.9 },
          ],
        },
      },
    ]);
    expect(joined.text).toBe('How is it going? Tell me more.');
    expect(joined.words.map((w) => w.start)).toEqual([0.1, 0.4, 0.6, 0.8, 4.5, 4.8, 5]);
    expect(joined.words.at(-1)!.end).toBe(8.1); // kept inside its segment
    const starts = joined.words.map((w) => w.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });
});
