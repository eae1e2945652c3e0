// The sorting on its own thread (sorter.ts): the same decisions as in the main thread, in slices, while
// the main thread keeps writing; and erasure still leaves nothing in the files.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import { sqliteOnly } from './db.js';
import { tempDir } from './helpers.js';
import { erasePerson } from '../src/erasure.js';
import { HELD, SORT_SLICE, WANT } from '../src/sorter.js';
import { PledgeStore } from '../src/store.js';
import type { PledgeInput } from '../src/store.js';

const base = { campaign: 'slices', name: 'Sok Dara', consentText: 'I agree.', locale: 'km' };

function fresh(email = `${randomUUID()}@example.org`): PledgeInput {
  return { ...base, id: randomUUID(), email };
}

function unsorted(store: PledgeStore): number {
  return store.db.prepare('SELECT count(*) FROM pledges WHERE sorted = 0').pluck().get() as number;
}

/** Resolves once the sorter's thread has sorted every pledge: the condition itself, polled. */
async function sortedAll(store: PledgeStore): Promise<void> {
  for (let tries = 0; unsorted(store) > 0; tries++) {
    assert.ok(tries < 300, 'the sorter sorted everything within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function mails(store: PledgeStore): Record<string, number> {
  const rows = store.db.prepare('SELECT kind, count(*) AS n FROM mail_outbox GROUP BY kind').all() as {
    kind: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
}

describe('the sorter on its own thread', { skip: sqliteOnly }, () => {
  it('sorts new, known and retried pledges across slices exactly as one pass would', async () => {
    const store = new PledgeStore({
      path: join(tempDir(), 'p.db'),
      confirm: true,
      mailsPerDay: 100,
      sortInWorker: true,
    });
    try {
      const newOnes = Array.from({ length: 3 * SORT_SLICE }, () => fresh());
      // A second pledge from a known address, and retries of some of those and of new ones, each more
      // than a slice after the pledge it repeats.
      const known = newOnes.slice(0, 30).map((pledge) => fresh(pledge.email));
      const retriesOfKnown = known.slice(0, 10).map((pledge) => ({ ...pledge }));
      const retriesOfNew = newOnes
        .slice(40, 60)
        .map((pledge) => ({ ...pledge, id: pledge.id.toUpperCase() }));
      const filler = Array.from({ length: SORT_SLICE + 1 }, () => fresh());
      const all = [...newOnes, ...known, ...filler, ...retriesOfKnown, ...retriesOfNew];
      // One group commit: the whole set is unsorted when the sorter's pass starts.
      await Promise.all(all.map((pledge) => store.addSoon(pledge)));
      await sortedAll(store);

      const people = newOnes.length + filler.length;
      assert.equal(store.db.prepare('SELECT count(*) FROM pledges').pluck().get(), people);
      assert.deepEqual(mails(store), { confirm: people, known: known.length });
    } finally {
      await store.stopSorter();
      store.close();
    }
  });

  it('lets the main thread commit, confirm and erase while it sorts a backlog, and erasure leaves no byte', async () => {
    const path = join(tempDir(), 'p.db');
    const store = new PledgeStore({ path, mailsPerDay: 100, sortInWorker: true });
    try {
      await Promise.all(Array.from({ length: 40 * SORT_SLICE }, () => store.addSoon(fresh())));
      // The sorter's pass starts 100–400 ms after the commit: wait until it is under way.
      const backlog = unsorted(store);
      for (let tries = 0; unsorted(store) === backlog; tries++) {
        assert.ok(tries < 200, 'the sorter started');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const marked = fresh('erase-me-7f3a@example.org');
      for (let i = 0; i < 20; i++) await store.addSoon(i === 10 ? marked : fresh());
      assert.ok(unsorted(store) > 0, 'the writes above ran while the backlog was still being sorted');
      assert.equal(erasePerson(store, marked.campaign, marked.email), 1);
      // At once, with the sorter's thread still writing: the WAL was folded in and cut under it.
      for (const file of [path, `${path}-wal`]) {
        const bytes = readFileSync(file);
        assert.equal(bytes.includes('erase-me-7f3a'), false, `${file} holds no trace of the erased address`);
      }
      await sortedAll(store);
      assert.equal(store.count(base.campaign), 40 * SORT_SLICE + 19);
    } finally {
      await store.stopSorter();
      store.close();
    }
  });

  it('lets a group commit go on at once when the thread ends in a slice', async () => {
    const store = new PledgeStore({ path: join(tempDir(), 'p.db'), sortInWorker: true });
    try {
      const sorter = (store as unknown as { sorter: { flags: Int32Array; worker: Worker } }).sorter;
      // The thread ends with its slice flag up, as a crash in a slice would leave it.
      Atomics.store(sorter.flags, HELD, 1);
      await sorter.worker.terminate();
      assert.equal(Atomics.load(sorter.flags, HELD), 0, 'no slice is under way once the thread is gone');
      await store.addSoon(fresh());
      assert.equal(store.db.prepare('SELECT count(*) FROM pledges').pluck().get(), 1);
    } finally {
      store.close();
    }
  });

  it('keeps a group commit that waits for a slice open to later pledges, and close() commits it', async () => {
    const store = new PledgeStore({ path: join(tempDir(), 'p.db'), sortInWorker: true });
    // A slice under way, as the worker marks it: the group commit waits for its end (Sorter.hold).
    const flags = (store as unknown as { sorter: { flags: Int32Array } }).sorter.flags;
    Atomics.store(flags, HELD, 1);
    const first = store.addSoon(fresh());
    // Past the 2 ms group-commit window, the commit raises WANT and waits for the slice (up to 50 ms: looked
    // at every turn of the event loop, not after a sleep that a slow machine could stretch past that).
    while (Atomics.load(flags, WANT) === 0) await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 5 }, () => store.addSoon(fresh()));
    assert.equal(store.db.prepare('SELECT count(*) FROM pledges').pluck().get(), 0, 'nothing committed yet');
    // Closing meanwhile (a shutdown) commits every waiting pledge once; the wait then finds nothing.
    store.close();
    const outcomes = await Promise.allSettled([first, ...later]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      Array(6).fill('fulfilled'),
    );
    const reopened = new PledgeStore({ path: store.db.name, sortInWorker: false });
    try {
      assert.equal(reopened.count(base.campaign), 6);
    } finally {
      reopened.close();
    }
  });
});
