// Sorting accepted pledges into new and known, after their answer is sent (see the README, "Privacy").
//
// The design, in plain SQL so that another store can mirror it:
// 1. Answer. POST /api/pledges waits for the group commit (store.ts, addTransaction) that inserts the
//    pledge straight into `pledges` with sorted = 0, its address's HMAC (email_hash), confirmed_at NULL and
//    no token: a plain INSERT. It is the same insert for a new address, a known one and a retry of a stored
//    id, and it cannot fail on either: one pledge per id and one per person and campaign are *partial*
//    unique indexes over sorted rows, `pledges_id (id) WHERE sorted = 1` and
//    `pledges_person (campaign, email_hash) WHERE sorted = 1`. Then the answer (201, the same for all
//    three) goes out. (Why no unique id at insert, as `ON CONFLICT (id) DO NOTHING` would need: an index
//    on a random UUID costs a page write at a random place for every pledge; in the small commits that
//    answers wait for, that doubled their cost, while the sorter's one transaction for a whole batch
//    shares pages between pledges. Measured in the README, "Benchmark".)
// 2. Sort, later, on a timer of its own (store.ts, scheduleSort: a random 100–400 ms after the commit),
//    so its work, heavier for a new address, never runs right behind the answer it decides. A receiver
//    on a file sorts on a thread of its own, in slices of a few dozen pledges (sorter.ts); tests and
//    `:memory:` sort in the main thread, all at once. In each transaction, unsorted rows are taken in
//    seq order (`WHERE sorted = 0 ORDER BY seq`, index pledges_unsorted); for each:
//    - a sorted row has the same id, or an earlier unsorted one had it: a retry. The row is deleted,
//      silently;
//    - another sorted row of the same campaign has the same email_hash: a known address. The unsorted row
//      is deleted (secure_delete overwrites it) and, with confirmation on, a short "you had already
//      pledged" mail is queued to the address, which only its owner reads;
//    - otherwise a new address: `UPDATE pledges SET sorted = 1, ...` with the confirmation token's hash and
//      a confirm mail (confirmation on), or confirmed_at = consent_at (single opt-in, counted at once).
// 3. Everything else treats only sorted rows as pledges: the counts' triggers, the export, confirmation
//    links (unsorted rows have no token), retention's expiry and stripping. Erasure (erasure.ts) deletes
//    an address's sorted and unsorted rows alike.
// A kill -9 between the answer and the sorting leaves unsorted rows, which the next start sorts.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { tokenHash } from './email-hash.js';
import { enqueueMail } from './mail/queue.js';

export interface IntakeOptions {
  /** Confirmation by e-mail is on: new pledges wait as pending, and mails are queued. */
  confirm: boolean;
  /** Mails per address per UTC day (default 3). */
  mailsPerDay: number;
  /** Delay before a queued mail may go (ms), so a mail's timing does not tell when its pledge came. */
  sendDelay: () => number;
  now: () => Date;
}

interface Unsorted {
  seq: number;
  id: string;
  campaign: string;
  email: string;
  email_hash: string;
  locale: string;
  consent_at: string;
}

const BATCH = 500;

export class Intake {
  private readonly stored: Database.Statement<[string], number>;
  private readonly known: Database.Statement<[string, string], number>;
  private readonly drop: Database.Statement<[number]>;
  private readonly confirmed: Database.Statement<[string, number]>;
  private readonly pending: Database.Statement<[string, number]>;
  private readonly take: Database.Statement<[number], Unsorted>;
  private readonly sortAll: () => number;
  private readonly sortSome: (max: number, dropped: Set<string>) => number;

  constructor(
    private readonly db: Database.Database,
    private readonly options: IntakeOptions,
  ) {
    this.take = db.prepare(`
      SELECT seq, id, campaign, email, email_hash, locale, consent_at
      FROM pledges WHERE sorted = 0 ORDER BY seq LIMIT ?`);
    this.stored = db.prepare<[string], number>('SELECT 1 FROM pledges WHERE id = ? AND sorted = 1').pluck();
    this.known = db
      .prepare<[string, string], number>(
        'SELECT 1 FROM pledges WHERE campaign = ? AND email_hash = ? AND sorted = 1',
      )
      .pluck();
    this.drop = db.prepare('DELETE FROM pledges WHERE seq = ?');
    // Two statements: a column left out of SET costs no index write (token_hash in single opt-in).
    this.confirmed = db.prepare('UPDATE pledges SET sorted = 1, confirmed_at = ? WHERE seq = ?');
    this.pending = db.prepare('UPDATE pledges SET sorted = 1, token_hash = ? WHERE seq = ?');
    // IMMEDIATE: the write lock from the start. A deferred transaction that read first could not take it
    // after another connection's commit (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
    /** Sorts the next `max` unsorted rows at most; returns how many there were. */
    const sortRows = (max: number, dropped: Set<string>): number => {
      const rows = this.take.all(max);
      for (const row of rows) this.sortOne(row, dropped);
      return rows.length;
    };
    const sortSome = db.transaction(sortRows);
    this.sortSome = (max, dropped) => sortSome.immediate(max, dropped);
    const sortAll = db.transaction(() => {
      let sorted = 0;
      // Ids of rows dropped in this pass: a later row with the same id is a retry of it.
      const dropped = new Set<string>();
      for (;;) {
        const n = sortRows(BATCH, dropped);
        sorted += n;
        if (n < BATCH) return sorted;
      }
    });
    this.sortAll = () => sortAll.immediate();
  }

  /** Sorts every unsorted pledge, in one transaction; returns how many there were. */
  sort(): number {
    return this.sortAll();
  }

  /**
   * Sorts up to `max` unsorted pledges in one transaction (the sorter's thread, sorter.ts); returns how
   * many. `dropped` carries the pass's dropped ids from slice to slice.
   */
  sortSlice(max: number, dropped: Set<string>): number {
    return this.sortSome(max, dropped);
  }

  private sortOne(row: Unsorted, dropped: Set<string>): void {
    if (dropped.has(row.id) || this.stored.get(row.id)) {
      // A retry of a pledge already sorted: its answer was the same, and nothing more happens.
      dropped.add(row.id);
      this.drop.run(row.seq);
      return;
    }
    const mail = (kind: 'confirm' | 'known', token?: string) =>
      enqueueMail(this.db, {
        pledgeId: row.id,
        kind,
        to: row.email,
        addrHash: row.email_hash,
        campaign: row.campaign,
        locale: row.locale,
        token,
        now: this.options.now(),
        delay: this.options.sendDelay(),
        perDay: this.options.mailsPerDay,
      });
    if (this.known.get(row.campaign, row.email_hash)) {
      // A known address: the pledge it had stays as it was, and only the address's owner hears of it.
      dropped.add(row.id);
      this.drop.run(row.seq);
      if (this.options.confirm) mail('known');
      return;
    }
    if (!this.options.confirm) {
      // Single opt-in (no mail settings): confirmed, and counted, at once.
      this.confirmed.run(row.consent_at, row.seq);
      return;
    }
    const token = randomBytes(24).toString('base64url');
    this.pending.run(tokenHash(token), row.seq);
    mail('confirm', token);
  }
}
