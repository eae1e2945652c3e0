// What is kept, and for how long: pending pledges whose link expired are deleted (with their mail), and
// with SAMLENG_RETENTION_DAYS the personal fields of older pledges are removed. A stripped pledge keeps
// its campaign, partner, consent sentence and times, and the HMAC of its address (so the same person
// cannot be counted twice): the counts stay right. Runs at start and then every hour. Only sorted rows
// are pledges here (intake.ts): an unsorted one is sorted within a second, or at the next start.
import { isBusy, StoreBusyError } from './busy.js';
import { truncateWal } from './erasure.js';
import type { PledgeStore } from './store.js';
import type { Store } from './store-api.js';

const DAY = 86_400_000;

export interface RetentionOptions {
  /** Days a confirmation link is valid; pending pledges older than that are deleted. */
  confirmDays: number;
  /** Days after which personal fields are removed; undefined keeps them. */
  retentionDays?: number | undefined;
  now: () => Date;
}

export interface SweepResult {
  expired: number;
  stripped: number;
}

/** One pass: expire pending pledges, strip old ones, forget old mail quotas. */
export function sweep(store: PledgeStore, options: RetentionOptions): SweepResult {
  const now = options.now().getTime();
  const db = store.db;
  const result = store.paused(() =>
    db
      .transaction((): SweepResult => {
        const before = new Date(now - options.confirmDays * DAY).toISOString();
        db.prepare(
          `DELETE FROM mail_outbox WHERE pledge_id IN
         (SELECT id FROM pledges WHERE confirmed_at IS NULL AND sorted = 1 AND consent_at < ?)`,
        ).run(before);
        const expired = db
          .prepare('DELETE FROM pledges WHERE confirmed_at IS NULL AND sorted = 1 AND consent_at < ?')
          .run(before).changes;
        let stripped = 0;
        if (options.retentionDays !== undefined) {
          const old = new Date(now - options.retentionDays * DAY).toISOString();
          stripped = db
            .prepare(
              `UPDATE pledges SET name = '', email = '', country = NULL, phone = NULL, city = NULL,
                  comment = NULL, page_url = NULL, token_hash = NULL, stripped_at = ?
           WHERE stripped_at IS NULL AND sorted = 1 AND consent_at < ?`,
            )
            .run(new Date(now).toISOString(), old).changes;
        }
        const yesterday = new Date(now - DAY).toISOString().slice(0, 10);
        db.prepare('DELETE FROM mail_quota WHERE day < ?').run(yesterday);
        return { expired, stripped };
      })
      .immediate(),
  );
  if (result.expired > 0 || result.stripped > 0) truncateWal(store);
  return result;
}

/** Sweeps now and every `everyMs` (with either store); resolves after the first sweep with a stop function. */
export async function scheduleSweeps(
  store: Store,
  options: RetentionOptions,
  onSweep: (result: SweepResult) => void = () => {},
  everyMs = 3_600_000,
): Promise<() => void> {
  const run = async () => {
    try {
      onSweep(await store.sweep(options));
    } catch (error) {
      // Another process holds SQLite's write lock (busy.ts), or PostgreSQL is unreachable: the next
      // sweep does the work.
      if (!isBusy(error) && !(error instanceof StoreBusyError)) throw error;
    }
  };
  await run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
