// Sorting accepted pledges into new and known, after their answer is sent (see the README, "Privacy").
//
// The design, in plain SQL so that another store can mirror it:
// 1. Answer. POST /api/pledges waits for the group commit (store.ts, addTransaction) that inserts the
//    pledge straight into `pledges` with sorted = 0, its address's HMAC (email_hash), confirmed_at NULL and
//    no token: `INSERT ... ON CONFLICT (id) DO NOTHING`. That insert costs the same for a new address, a
//    known one and a retry of a stored id, and cannot fail on the address: one pledge per person and
//    campaign is a *partial* unique index, `pledges_person (campaign, email_hash) WHERE sorted = 1`. Then
//    the answer (201, the same for all three) goes out.
// 2. Sort, later, on a timer of its own (store.ts, scheduleSort: a random 100–400 ms after the commit),
//    so its work, heavier for a new address, never runs right behind the answer it decides. In one
//    transaction, unsorted rows are taken in seq order (`WHERE sorted = 0 ORDER BY seq`, index
//    pledges_unsorted); for each:
//    - another sorted row of the same campaign has the same email_hash: a known address. The unsorted row
//      is deleted (secure_delete overwrites it) and, with confirmation on, a short "you had already
//      pledged" mail is queued to the address, which only its owner reads;
//    - otherwise a new address: `UPDATE pledges SET sorted = 1, ...` with the confirmation token's hash and
//      a confirm mail (confirmation on), or confirmed_at = consent_at (single opt-in, counted at once).
//    A retry of a stored id never got a row (step 1), so it is dropped silently.
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
  private readonly take: Database.Statement<[], Unsorted>;
  private readonly known: Database.Statement<[string, string], number>;
  private readonly drop: Database.Statement<[number]>;
  private readonly keep: Database.Statement<[string | null, string | null, number]>;
  private readonly sortAll: () => number;

  constructor(
    private readonly db: Database.Database,
    private readonly options: IntakeOptions,
  ) {
    this.take = db.prepare(`
      SELECT seq, id, campaign, email, email_hash, locale, consent_at
      FROM pledges WHERE sorted = 0 ORDER BY seq LIMIT ${BATCH}`);
    this.known = db
      .prepare<[string, string], number>(
        'SELECT 1 FROM pledges WHERE campaign = ? AND email_hash = ? AND sorted = 1',
      )
      .pluck();
    this.drop = db.prepare('DELETE FROM pledges WHERE seq = ?');
    this.keep = db.prepare(
      'UPDATE pledges SET sorted = 1, confirmed_at = ?, token_hash = ? WHERE seq = ? AND sorted = 0',
    );
    this.sortAll = db.transaction(() => {
      let sorted = 0;
      for (;;) {
        const rows = this.take.all();
        for (const row of rows) this.sortOne(row);
        sorted += rows.length;
        if (rows.length < BATCH) return sorted;
      }
    });
  }

  /** Sorts every unsorted pledge; returns how many there were. */
  sort(): number {
    return this.sortAll();
  }

  private sortOne(row: Unsorted): void {
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
      this.drop.run(row.seq);
      if (this.options.confirm) mail('known');
      return;
    }
    const token = this.options.confirm ? randomBytes(24).toString('base64url') : undefined;
    // Single opt-in (no mail settings): confirmed, and counted, at once.
    this.keep.run(token ? null : row.consent_at, token ? tokenHash(token) : null, row.seq);
    if (token) mail('confirm', token);
  }
}
