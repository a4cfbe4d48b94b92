/**
 * Choosing whisper's threads from the other programs' load: a fake clock and fake CPU counters
 * stand in for the machine, so each case says exactly what the machine did.
 */
import { describe, expect, it } from 'vitest';
import { FreeCores } from '../../../src-main/core/transcription/free-cores';

/** A 2-core machine whose counters the test moves: `busyCores` of the 2 busy over each step. */
function machine() {
  let now = 0;
  let busyMs = 0;
  let totalMs = 0;
  const m = {
    read: () => ({ busyMs, totalMs, cores: 2 }),
    now: () => now,
    /** `ms` pass with this many cores busy (all programs, the worker included). */
    pass(ms: number, busyCores: number) {
      now += ms;
      busyMs += ms * busyCores;
      totalMs += ms * 2;
    },
  };
  return m;
}

describe('free cores for whisper', () => {
  it('uses every thread asked for until it has seen a long enough window', () => {
    const m = machine();
    const free = new FreeCores(m.read, m.now);
    expect(free.threadsFor(2)).toBe(2);
    m.pass(100, 2);
    expect(free.threadsFor(2)).toBe(2); // 100 ms says nothing yet
  });

  it('an idle machine gets both threads; one core kept busy by another program leaves one', () => {
    const m = machine();
    const free = new FreeCores(m.read, m.now);
    free.snapshot();
    m.pass(1000, 0.05);
    expect(free.threadsFor(2)).toBe(2);
    m.pass(1000, 1);
    expect(free.threadsFor(2)).toBe(1);
    m.pass(1000, 2);
    expect(free.threadsFor(2)).toBe(1); // never fewer than one
    expect(free.threadsFor(1)).toBe(1);
  });

  it("the worker's own computing is not mistaken for another program's", () => {
    const m = machine();
    const free = new FreeCores(m.read, m.now);
    free.snapshot();
    free.started(2);
    m.pass(800, 2); // whisper alone keeps both cores busy
    free.stopped();
    m.pass(200, 0);
    expect(free.othersBusyCores()).toBeCloseTo(0, 5);
    expect(free.threadsFor(2)).toBe(2);
  });

  it('a busy program next to a 1-thread worker is still seen', () => {
    const m = machine();
    const free = new FreeCores(m.read, m.now);
    free.snapshot();
    free.started(1);
    m.pass(1000, 2); // the worker on one core, another program on the other
    expect(free.othersBusyCores()).toBeCloseTo(1, 5);
    expect(free.threadsFor(2)).toBe(1);
  });

  it('judges the last few seconds, not the whole past', () => {
    const m = machine();
    const free = new FreeCores(m.read, m.now);
    free.snapshot();
    m.pass(60_000, 1); // a busy minute ...
    free.snapshot();
    for (let i = 0; i < 4; i++) {
      m.pass(1000, 0); // ... then quiet, sampled every second
      free.snapshot();
    }
    expect(free.threadsFor(2)).toBe(2);
  });
});
