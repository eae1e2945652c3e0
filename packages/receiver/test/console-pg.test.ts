// The console's erasure on PostgreSQL while another receiver's sorter holds the person's row: what only a
// database shared by several receivers can meet. PostgreSQL only (one SQLite process sorts and erases in
// turn).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { erasePledge } from '../src/console/queries.js';
import { PgStore } from '../src/pg/store.js';
import { freshDatabase, postgresOnly, scalar, TEST_EMAIL_KEY } from './db.js';

/** Resolves once a session of `url` waits for a row lock in a statement starting with `prefix`. */
async function waitingOnLock(url: string, prefix: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    const n = await scalar(
      url,
      "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ? AND datname = current_database()",
      [`${prefix}%`],
    );
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no statement "${prefix}…" waited for a lock`);
}

describe('console erasure on PostgreSQL', { skip: postgresOnly }, () => {
  it('a partner erases a pledge that a sorter is sorting at that moment: the row and its mail go', async () => {
    const url = await freshDatabase();
    let release = () => {};
    let paused = () => {};
    const pausedOnce = new Promise<void>((resolve) => (paused = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    let holdNext = true;
    // Confirmation on, so the sorting also queues a mail for the person; nothing sends it here.
    const store = await PgStore.open({
      url,
      emailKey: TEST_EMAIL_KEY,
      confirm: true,
      sortDelay: () => 3_600_000,
      beforeSortWrite: async () => {
        if (!holdNext) return;
        holdNext = false;
        paused();
        await held;
      },
    });
    after(() => store.close());
    await store.add({
      id: randomUUID(),
      campaign: 'held',
      partner: 'amis-du-cambodge',
      name: 'Held Person',
      email: 'held@example.org',
      consentText: 't',
      locale: 'fr',
    });
    const sorting = store.sortNow();
    await pausedOnce; // the sorter holds the unsorted row (FOR UPDATE) and is about to mark it sorted
    const erasing = erasePledge(store, 'held', 'held@example.org', { partner: 'amis-du-cambodge' });
    await waitingOnLock(url, 'DELETE FROM pledges');
    release();
    await sorting; // sorted, and its confirmation mail queued, in one commit the DELETE waited for
    assert.equal(await erasing, 1);
    assert.equal(await scalar(url, "SELECT count(*) FROM pledges WHERE campaign = 'held'"), 0);
    assert.equal(await scalar(url, "SELECT count(*) FROM mail_outbox WHERE campaign = 'held'"), 0);
    assert.equal(await store.count('held'), 0);
  });
});
