// The sorter's thread (sorter.ts): sorts unsorted pledges in slices when asked, and reports each pass.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { isBusy } from './busy.js';
import { Intake } from './intake.js';
import { endSlice, HELD, SORT_SLICE, STOP, WANT } from './sorter.js';
import type { SortReport, SorterData } from './sorter.js';

const data = workerData as SorterData;
const flags = new Int32Array(data.flags);
// Blocking here blocks only this thread. A lock held by another process is waited for briefly: the sorting
// is tried again later (store.ts), and meanwhile the main thread's writes take it for a slice's lock.
const db = new Database(data.path, { timeout: 200 });
db.pragma('synchronous = NORMAL');
// Rows it drops (a retry, a known address) are overwritten on disk, as everywhere (erasure.ts).
db.pragma('secure_delete = ON');
db.pragma('foreign_keys = ON');
// The checkpoints happen here (checkpoint() below), not after some commit of the main thread's.
db.pragma('wal_autocheckpoint = 0');
const intake = new Intake(db, {
  confirm: data.confirm,
  mailsPerDay: data.mailsPerDay,
  sendDelay: () => 1000 + Math.random() * 4000,
  now: () => new Date(),
});

/** Ends a slice (or the intent to start one), waking a group commit waiting for it (Sorter.hold). */
const release = (): void => endSlice(flags);

/**
 * Waits while the main thread has a write waiting or running, then marks a slice as under way (HELD, raised
 * before WANT is read: see Sorter.pause); false once asked to stop.
 */
function standAside(): boolean {
  for (;;) {
    Atomics.store(flags, HELD, 1);
    const want = Atomics.load(flags, WANT);
    if (want === 0) break;
    release();
    Atomics.wait(flags, WANT, want, 100);
  }
  if (Atomics.load(flags, STOP) === 0) return true;
  release();
  return false;
}

/**
 * ms between two looks at the WAL, while sorting and while idle. At 200 ms, a sorting pass after a burst
 * left 2,000–3,200 pages between looks, past the main connection's safety net then (3,000 pages), whose
 * checkpoint ran inside a group commit: 28–35 ms stalls of the event loop. At 100 ms, the steady p99 in
 * the benchmark went from 16–31 to 15–20 ms, alternating (README, "Figures").
 */
const CHECKPOINT_EVERY_MS = 100;
let lastCheckpoint = 0;
/** WAL pages from which FULL follows PASSIVE (each costs the main thread a wait of about 5–25 ms). */
const FULL_PAGES = 1000;

/**
 * Copies the WAL into the database file once it holds FULL_PAGES, so that it starts again from the
 * beginning. First PASSIVE, beside the main thread's commits (the bulk of the copying and its fsync, on this
 * thread); then FULL for the few pages committed meanwhile: FULL keeps writers out while it runs, so it
 * ends with the whole WAL copied, and the main thread's next commit restarts it. (PASSIVE alone, with
 * commits landing all the time, hardly ever caught up: the WAL grew to thousands of pages and the main
 * connection's own checkpoint, its safety net, ran inside a commit that answers waited for.)
 */
function checkpoint(): void {
  const now = performance.now();
  if (now - lastCheckpoint < CHECKPOINT_EVERY_MS) return;
  lastCheckpoint = now;
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    if ((passive?.log ?? 0) < FULL_PAGES) return;
    if (!standAside()) return;
    try {
      db.pragma('wal_checkpoint(FULL)');
    } finally {
      release();
    }
  } catch {
    // A busy database: the next look tries again.
  }
}

function pass(): SortReport {
  const start = performance.now();
  let sorted = 0;
  let slices = 0;
  let longestMs = 0;
  // Ids dropped in this pass: a later row with the same id is a retry of it (intake.ts).
  const dropped = new Set<string>();
  try {
    while (standAside()) {
      const sliceStart = performance.now();
      let n: number;
      try {
        n = intake.sortSlice(SORT_SLICE, dropped);
      } finally {
        release();
      }
      longestMs = Math.max(longestMs, performance.now() - sliceStart);
      checkpoint();
      slices++;
      sorted += n;
      if (n < SORT_SLICE) break;
    }
    return { sorted, slices, longestMs, ms: performance.now() - start };
  } catch (error) {
    const failure = { busy: isBusy(error), message: String(error) };
    return { sorted, slices, longestMs, ms: performance.now() - start, error: failure };
  }
}

const port = parentPort;
if (!port) throw new Error('sort-worker.js runs as a worker thread (sorter.ts)');
// While no pass runs, the main thread's own commits still fill the WAL.
const idle = setInterval(checkpoint, CHECKPOINT_EVERY_MS);
port.on('message', (message: 'sort' | 'stop') => {
  if (message === 'stop') {
    clearInterval(idle);
    db.close();
    port.close();
    return;
  }
  port.postMessage(pass());
});
