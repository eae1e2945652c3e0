// The Store interface over the SQLite file (store.ts, synchronous better-sqlite3): each method does its
// work in the same turn and returns a settled promise. One process writes at a time (SQLite's lock).
import type Database from 'better-sqlite3';
import { writeWhenFree } from './busy.js';
import { erasePerson } from './erasure.js';
import { sweep } from './retention.js';
import type { RetentionOptions, SweepResult } from './retention.js';
import { PledgeStore } from './store.js';
import type { ConfirmTarget, PledgeInput, PledgeRow, StoreOptions } from './store.js';
import type { MailOutcome, Outbox, OutboxRow, Store } from './store-api.js';

/** The outbox table of the SQLite file: one process sends, so the next due row is simply read. */
class SqliteOutbox implements Outbox {
  private readonly due: Database.Statement<[number], OutboxRow>;
  private readonly first: Database.Statement<[], number | null>;
  private readonly done: Database.Statement<[number]>;
  private readonly later: Database.Statement<[number, number]>;
  private readonly retry: Database.Statement<[number]>;
  private readonly hold: Database.Statement<[number, string, number]>;

  constructor(
    private readonly db: Database.Database,
    /** The store's writes with the sorter's thread standing aside (store.ts, paused). */
    private readonly paused: <T>(write: () => T) => T,
  ) {
    this.due = db.prepare(
      `SELECT seq, kind, to_addr, campaign, locale, token, attempts FROM mail_outbox
       WHERE next_at <= ? ORDER BY next_at, seq LIMIT 1`,
    );
    this.first = db.prepare<[], number | null>('SELECT min(next_at) FROM mail_outbox').pluck();
    this.done = db.prepare('DELETE FROM mail_outbox WHERE seq = ?');
    this.later = db.prepare('UPDATE mail_outbox SET attempts = attempts + 1, next_at = ? WHERE seq = ?');
    this.retry = db.prepare('UPDATE mail_outbox SET next_at = ? WHERE attempts > 0');
    this.hold = db.prepare('UPDATE mail_outbox SET next_at = ? WHERE kind = ? AND next_at < ?');
  }

  async sendNext(now: number, send: (row: OutboxRow) => Promise<MailOutcome>): Promise<boolean> {
    if (!this.db.open) return false;
    const row = this.due.get(now);
    if (!row) return false;
    const outcome = await send(row);
    // A held write lock must not leave the row unsettled: the mail would go out again.
    await writeWhenFree(
      () => this.paused(() => (outcome.done ? this.done.run(row.seq) : this.later.run(outcome.at, row.seq))),
      () => this.db.open,
    );
    return true;
  }

  async nextAt(): Promise<number | null> {
    return this.db.open ? (this.first.get() ?? null) : null;
  }

  async retryNow(now: number): Promise<void> {
    await writeWhenFree(
      () => this.paused(() => this.retry.run(now)),
      () => this.db.open,
    );
  }

  async postpone(kind: string, until: number): Promise<void> {
    await writeWhenFree(
      () => this.paused(() => this.hold.run(until, kind, until)),
      () => this.db.open,
    );
  }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly inner: PledgeStore;
  readonly outbox: Outbox;
  /** Unused: the SQLite store's background failures show in /healthz (writeFailing). */
  warn: (what: string, error: unknown) => void = () => {};

  constructor(options: StoreOptions) {
    this.inner = new PledgeStore(options);
    this.outbox = new SqliteOutbox(this.inner.db, (write) => this.inner.paused(write));
  }

  get confirmOn(): boolean {
    return this.inner.confirmOn;
  }
  get hash() {
    return this.inner.hash;
  }
  get writeFailing(): boolean {
    return this.inner.writeFailing;
  }

  add(pledge: PledgeInput): Promise<void> {
    return this.inner.addSoon(pledge);
  }

  async sortNow(): Promise<void> {
    this.inner.sortIntake();
  }

  async count(campaign: string, partner?: string): Promise<number> {
    return this.inner.count(campaign, partner);
  }

  async *pledges(campaign: string, pageSize?: number): AsyncGenerator<PledgeRow> {
    yield* this.inner.pledges(campaign, pageSize);
  }

  async confirmTarget(token: string): Promise<ConfirmTarget | undefined> {
    return this.inner.confirmTarget(token);
  }

  async confirm(token: string): Promise<ConfirmTarget | undefined> {
    return this.inner.confirm(token);
  }

  async erase(campaign: string, email: string): Promise<number> {
    return erasePerson(this.inner, campaign, email);
  }

  async sweep(options: RetentionOptions): Promise<SweepResult> {
    if (!this.inner.db.open) return { expired: 0, stripped: 0 };
    return sweep(this.inner, options);
  }

  async canWrite(): Promise<boolean> {
    return this.inner.canWrite();
  }

  async close(): Promise<void> {
    await this.inner.stopSorter();
    this.inner.close();
  }
}
