// The intake's sorting (intake.ts) on a thread of its own, with its own connection to the SQLite file, so
// that a pass over hundreds of pledges never holds the event loop that answers them (README, "Figures").
//
// SQLite lets one connection write at a time. The worker sorts in slices, one short transaction each, and
// between slices it stands aside while the main thread wants to write: the main thread counts its writes
// in a shared flag (pause()), and the worker waits on that flag before each slice. A main-thread write that
// starts during a slice waits for it in SQLite's busy handler (MAIN_BUSY_MS, longer than a slice).
import { Worker } from 'node:worker_threads';

/** Pledges per slice: a slice holds the write lock for a few ms (the main thread's longest wait for it). */
export const SORT_SLICE = 64;

/** The main connection's busy timeout when a sorter runs beside it: a slice, with room to spare. */
export const MAIN_BUSY_MS = 50;

/** What the worker is started with. */
export interface SorterData {
  path: string;
  confirm: boolean;
  mailsPerDay: number;
  /**
   * Int32Array over it: [0] writes the main thread has waiting or running, [1] 1 when asked to stop, [2] 1
   * while the worker is in a slice (or about to start one).
   */
  flags: SharedArrayBuffer;
}

/** A pass's outcome, as the worker reports it. */
export interface SortReport {
  sorted: number;
  /** Slices (transactions), the longest one's ms (the main thread's longest wait), the pass's ms. */
  slices: number;
  longestMs: number;
  ms: number;
  /** Set when the pass stopped on an error; `busy`: another process held the write lock. */
  error?: { busy: boolean; message: string };
}

export const WANT = 0;
export const STOP = 1;
export const HELD = 2;

/**
 * Lowers HELD (no slice under way) and wakes a group commit waiting for that (Sorter.hold): the worker
 * after each slice, and the main thread when the worker has exited.
 */
export function endSlice(flags: Int32Array): void {
  Atomics.store(flags, HELD, 0);
  Atomics.notify(flags, HELD);
}

export class Sorter {
  private readonly worker: Worker;
  private readonly flags: Int32Array;
  private running = false;
  private again = false;
  private readonly exited: Promise<void>;

  constructor(
    data: Omit<SorterData, 'flags'>,
    private readonly onReport: (report: SortReport) => void,
  ) {
    const flags = new SharedArrayBuffer(12);
    this.flags = new Int32Array(flags);
    this.worker = new Worker(new URL('./sort-worker.js', import.meta.url), {
      workerData: { ...data, flags } satisfies SorterData,
    });
    // It must not keep a process alive that has nothing else to do.
    this.worker.unref();
    this.worker.on('message', (report: SortReport) => {
      this.running = false;
      this.onReport(report);
      if (this.again && !report.error) this.sort();
    });
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        // A thread that ended in a slice (a crash, terminate()) left its flag up, and its connection closed
        // with it, rolling the slice back: no slice is under way, and a waiting group commit goes on now
        // instead of after hold()'s timeout, for every commit.
        endSlice(this.flags);
        resolve();
      }),
    );
    this.worker.on('error', (error) => {
      // A crash of the thread: the pledges stay unsorted, and the next start sorts them.
      this.running = false;
      this.onReport({
        sorted: 0,
        slices: 0,
        longestMs: 0,
        ms: 0,
        error: { busy: false, message: String(error) },
      });
    });
  }

  /** Starts a pass, or asks for another when one is running (pledges committed during it). */
  sort(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.again = false;
    this.running = true;
    this.worker.postMessage('sort');
  }

  /**
   * Runs a main-thread write with the sorter standing aside (after the slice it is in, if any). `write`
   * learns whether a slice was under way: if not, none starts until it is done, so a lock held meanwhile is
   * another process's. (The worker raises HELD before it looks at WANT, and the main thread raises WANT
   * before it looks at HELD: one of the two always sees the other.)
   */
  pause<T>(write: (inSlice: boolean) => T): T {
    Atomics.add(this.flags, WANT, 1);
    try {
      return write(Atomics.load(this.flags, HELD) === 1);
    } finally {
      this.unwant();
    }
  }

  /**
   * Raises WANT, like pause(), and resolves once no slice is under way: at once, or when the worker ends its
   * slice (at most MAIN_BUSY_MS), waiting without holding the event loop. The group commit's way in: its
   * answers wait for the slice, the other requests go on meanwhile. The caller calls the release it gets.
   */
  async hold(): Promise<() => void> {
    Atomics.add(this.flags, WANT, 1);
    const waiting = Atomics.waitAsync(this.flags, HELD, 1, MAIN_BUSY_MS);
    if (waiting.async) await waiting.value;
    return () => this.unwant();
  }

  /** Ends one write's WANT; the last one wakes the worker waiting to start a slice. */
  private unwant(): void {
    if (Atomics.sub(this.flags, WANT, 1) === 1) Atomics.notify(this.flags, WANT);
  }

  /** Ends the thread now; a slice it was in rolls back when its connection closes. */
  terminate(): void {
    Atomics.store(this.flags, STOP, 1);
    void this.worker.terminate();
  }

  /** Stops after the current slice and closes the worker's connection. */
  async stop(): Promise<void> {
    Atomics.store(this.flags, STOP, 1);
    Atomics.notify(this.flags, WANT);
    // Waited for: it must keep the process alive until it has closed its connection.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
