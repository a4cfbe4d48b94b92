import { cpus } from 'node:os';

/** Busy and total CPU time of the machine so far (ms, all cores), and when it was read. */
export interface CpuSnapshot {
  at: number;
  busyMs: number;
  totalMs: number;
  /** The worker's own CPU time so far, estimated (see FreeCores). */
  ownMs: number;
}

export type ReadCpuTimes = () => { busyMs: number; totalMs: number; cores: number };

/** The machine's CPU times from Node (every platform): busy = everything but idle. */
export const readCpuTimes: ReadCpuTimes = () => {
  let busyMs = 0;
  let totalMs = 0;
  const all = cpus();
  for (const { times } of all) {
    const total = times.user + times.nice + times.sys + times.irq + times.idle;
    totalMs += total;
    busyMs += total - times.idle;
  }
  return { busyMs, totalMs, cores: all.length };
};

/** The shortest window worth judging the load on (os.cpus() counts in 10 ms ticks). */
const MIN_WINDOW_MS = 300;
/** Snapshots older than this say nothing about now. */
const KEEP_MS = 3000;

/**
 * How many cores other programs leave free, for choosing whisper's threads per request.
 *
 * Why: ggml's threads wait for each other by spinning, so when another program keeps one of two
 * cores busy, a 2-thread decode shares that core and each step waits for the slow thread: measured
 * here, a 3 s tail went from 0.22 s to 0.8–1.1 s, where 1 thread took 0.38 s.
 *
 * How: the machine's busy time over the last window, minus the worker's own (its busy wall time ×
 * the threads it ran with: ggml's threads spin at full speed while it computes), is the other
 * programs' load in cores.
 */
export class FreeCores {
  private readonly snapshots: CpuSnapshot[] = [];
  private ownMs = 0;
  private runningSince: number | null = null;
  private runningThreads = 0;

  constructor(
    private readonly read: ReadCpuTimes = readCpuTimes,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The worker started computing with this many threads. */
  started(threads: number): void {
    this.snapshot();
    this.runningSince = this.now();
    this.runningThreads = threads;
  }

  /** The worker stopped computing. */
  stopped(): void {
    if (this.runningSince !== null) this.ownMs += (this.now() - this.runningSince) * this.runningThreads;
    this.runningSince = null;
    this.snapshot();
  }

  /** Records the machine's times now (called at each start and stop, and by a timer while recording). */
  snapshot(): CpuSnapshot {
    const { busyMs, totalMs } = this.read();
    const at = this.now();
    const running = this.runningSince === null ? 0 : (at - this.runningSince) * this.runningThreads;
    const s = { at, busyMs, totalMs, ownMs: this.ownMs + running };
    this.snapshots.push(s);
    while (this.snapshots.length > 2 && at - this.snapshots[0]!.at > KEEP_MS) this.snapshots.shift();
    return s;
  }

  /** Cores busy with other programs over the last window (null: no window long enough yet). */
  othersBusyCores(): number | null {
    const last = this.snapshot();
    const { cores } = this.read();
    const from = [...this.snapshots].reverse().find((s) => last.at - s.at >= MIN_WINDOW_MS);
    if (!from || last.totalMs <= from.totalMs) return null;
    // Core-time per core: the total over all cores divided by their number is the window's length.
    const windowMs = (last.totalMs - from.totalMs) / cores;
    const others = last.busyMs - from.busyMs - (last.ownMs - from.ownMs);
    return Math.max(0, others / windowMs);
  }

  /**
   * Threads for the next request: at most `max`, and no more than the cores other programs leave
   * (a core more than 60% busy counts as taken). At least one.
   */
  threadsFor(max: number): number {
    const busy = this.othersBusyCores();
    if (busy === null) return max;
    const { cores } = this.read();
    const free = cores - Math.floor(busy + 0.4);
    return Math.max(1, Math.min(max, free));
  }
}
