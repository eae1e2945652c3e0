// Erasure means gone: from the tables, from the mail outbox, and from every file of the database's folder.
// secure_delete (set by the store) overwrites a deleted row in its page, but SQLite's write-ahead log
// keeps old versions of the pages (and a WAL restarted after a checkpoint is overwritten from the start,
// not cut: frames from before stay at its end). So after each erasure the WAL is checkpointed into the
// database file and truncated to zero bytes. The -shm file holds only the WAL's index, never row data.
import type { PledgeStore } from './store.js';

/** How long an erasure waits, in the main thread, for a checkpoint already running to end (a few ms). */
const TRUNCATE_WAIT_MS = 1000;
const RETRY_LATER_MS = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Copies the WAL into the database file and cuts it to zero bytes; false if that could not be done now (a
 * reader in another process keeps the WAL), and then it is tried again every second until it is done.
 */
export function truncateWal(store: PledgeStore, waitMs = TRUNCATE_WAIT_MS): boolean {
  // The sorter's thread (sorter.ts) stands aside meanwhile. A checkpoint it is running (after its last
  // commit) makes SQLite refuse this one at once, without its busy timeout: wait for that one to end.
  const done = store.paused(() => {
    const until = performance.now() + waitMs;
    for (;;) {
      if (!store.db.open) return true;
      const [result] = store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result === undefined || result.busy === 0) return true;
      if (performance.now() > until) return false;
      Atomics.wait(pause, 0, 0, 2);
    }
  });
  // Later tries do not wait: a reader that stays would otherwise stall the main thread each time.
  if (!done) setTimeout(() => truncateWal(store, 0), RETRY_LATER_MS).unref();
  return done;
}

/** Erases a person's pledge in a campaign and any mail waiting for them; returns pledges removed (0 or 1). */
export function erasePerson(store: PledgeStore, campaign: string, email: string): number {
  const hash = store.hash(email);
  const removed = store.paused(() =>
    store.db
      .transaction(() => {
        // The pledge, and any of the address's pledges not yet sorted (intake.ts): each would become its pledge,
        // or a duplicate of it. Two statements so that each uses its index (pledges_person, pledges_unsorted).
        const kept = store.db
          .prepare('DELETE FROM pledges WHERE campaign = ? AND email_hash = ? AND sorted = 1')
          .run(campaign, hash).changes;
        const unsorted = store.db
          .prepare('DELETE FROM pledges WHERE sorted = 0 AND campaign = ? AND email_hash = ?')
          .run(campaign, hash).changes;
        store.db.prepare('DELETE FROM mail_outbox WHERE campaign = ? AND addr_hash = ?').run(campaign, hash);
        return kept > 0 || unsorted > 0 ? 1 : 0;
      })
      .immediate(),
  );
  truncateWal(store);
  return removed;
}
