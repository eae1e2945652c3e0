// The sorter's thread (sorter.ts): sorts unsorted pledges in slices when asked, and reports each pass.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { isBusy } from './busy.js';
import { Intake } from './intake.js';
import { SORT_SLICE, STOP, WANT } from './sorter.js';
import type { SortReport, SorterData } from './sorter.js';

const data = workerData as SorterData;
const flags = new Int32Array(data.flags);
// Blocking here blocks only this thread: a lock held by another process is waited for up to 2 s.
const db = new Database(data.path, { timeout: 2000 });
db.pragma('synchronous = NORMAL');
// Rows it drops (a retry, a known address) are overwritten on disk, as everywhere (erasure.ts).
db.pragma('secure_delete = ON');
db.pragma('foreign_keys = ON');
// The checkpoints (and their fsync) happen here, after this thread's commits, not in the main thread's.
db.pragma(`wal_autocheckpoint = ${data.checkpointPages}`);
const intake = new Intake(db, {
  confirm: data.confirm,
  mailsPerDay: data.mailsPerDay,
  sendDelay: () => 1000 + Math.random() * 4000,
  now: () => new Date(),
});

/** Waits while the main thread has a write waiting or running; false once asked to stop. */
function standAside(): boolean {
  for (let want = Atomics.load(flags, WANT); want > 0; want = Atomics.load(flags, WANT)) {
    Atomics.wait(flags, WANT, want, 100);
  }
  return Atomics.load(flags, STOP) === 0;
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
      const n = intake.sortSlice(SORT_SLICE, dropped);
      longestMs = Math.max(longestMs, performance.now() - sliceStart);
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
port.on('message', (message: 'sort' | 'stop') => {
  if (message === 'stop') {
    db.close();
    port.close();
    return;
  }
  port.postMessage(pass());
});
