// Erasure means gone: from the tables, from the mail outbox, and from every file of the database's folder.
// secure_delete (set by the store) overwrites a deleted row in its page, but SQLite's write-ahead log
// keeps old versions of the pages (and a WAL restarted after a checkpoint is overwritten from the start,
// not cut: frames from before stay at its end). So after each erasure the WAL is checkpointed into the
// database file and truncated to zero bytes. The -shm file holds only the WAL's index, never row data.
import type { PledgeStore } from './store.js';

/** Copies the WAL into the database file and cuts it to zero bytes; false if a reader kept it open. */
export function truncateWal(store: PledgeStore): boolean {
  const [result] = store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result === undefined || result.busy === 0;
}

/** Erases a person's pledge in a campaign and any mail waiting for them; returns pledges removed (0 or 1). */
export function erasePerson(store: PledgeStore, campaign: string, email: string): number {
  const hash = store.hash(email);
  const removed = store.db.transaction(() => {
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
  })();
  truncateWal(store);
  return removed;
}
