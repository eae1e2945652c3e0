// Sorting accepted pledges into new and known, after their answer is sent (see the README, "Privacy"):
// every POST is answered alike from the intake table, and only then, in one transaction per batch, is a
// pledge stored (new address), dropped with a short "you had already pledged" mail to the address (known
// address), or dropped silently (the same pledge id again: a retry). A kill -9 between the answer and the
// sorting leaves the rows in the intake, which the next start sorts.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EmailHasher } from './email-hash.js';
import { tokenHash } from './email-hash.js';
import { enqueueMail } from './mail/queue.js';
import type { PledgeInput } from './store.js';

export interface IntakeOptions {
  /** Confirmation by e-mail is on: new pledges wait as pending, and mails are queued. */
  confirm: boolean;
  /** Mails per address per UTC day (default 3). */
  mailsPerDay: number;
  /** Delay before a queued mail may go (ms), so a mail's timing does not tell when its pledge came. */
  sendDelay: () => number;
  now: () => Date;
}

export class Intake {
  private readonly take: Database.Statement<[], { seq: number; pledge: string }>;
  private readonly drop: Database.Statement<[number]>;
  private readonly idKnown: Database.Statement<[string], number>;
  private readonly emailKnown: Database.Statement<[string, string], number>;
  private readonly insert: Database.Statement;
  private readonly sortAll: () => number;

  constructor(
    private readonly db: Database.Database,
    private readonly hash: EmailHasher,
    private readonly options: IntakeOptions,
  ) {
    this.take = db.prepare('SELECT seq, pledge FROM pledge_intake ORDER BY seq LIMIT 500');
    this.drop = db.prepare('DELETE FROM pledge_intake WHERE seq = ?');
    this.idKnown = db.prepare<[string], number>('SELECT 1 FROM pledges WHERE id = ?').pluck();
    this.emailKnown = db
      .prepare<[string, string], number>('SELECT 1 FROM pledges WHERE campaign = ? AND email_hash = ?')
      .pluck();
    this.insert = db.prepare(`
      INSERT INTO pledges (id, campaign, partner, name, email, email_hash, country, phone, city, comment,
                           consent_text, consent_at, locale, page_url, confirmed_at, token_hash)
      VALUES (@id, @campaign, @partner, @name, @email, @emailHash, @country, @phone, @city, @comment,
              @consentText, @consentAt, @locale, @pageUrl, @confirmedAt, @tokenHash)`);
    this.sortAll = db.transaction(() => {
      let sorted = 0;
      for (;;) {
        const rows = this.take.all();
        for (const row of rows) {
          this.sortOne(JSON.parse(row.pledge) as PledgeInput & { receivedAt: string });
          this.drop.run(row.seq);
        }
        sorted += rows.length;
        if (rows.length < 500) return sorted;
      }
    });
  }

  /** Sorts every pledge in the intake; returns how many there were. */
  sort(): number {
    return this.sortAll();
  }

  private sortOne(pledge: PledgeInput & { receivedAt: string }): void {
    const id = pledge.id.toLowerCase();
    if (this.idKnown.get(id)) return; // a retry of a stored pledge: its answer was the same
    const emailHash = this.hash(pledge.email);
    const mail = (kind: 'confirm' | 'known', token?: string) =>
      enqueueMail(this.db, {
        pledgeId: id,
        kind,
        to: pledge.email,
        addrHash: emailHash,
        campaign: pledge.campaign,
        locale: pledge.locale,
        token,
        now: this.options.now(),
        delay: this.options.sendDelay(),
        perDay: this.options.mailsPerDay,
      });
    if (this.emailKnown.get(pledge.campaign, emailHash)) {
      // A known address: nothing changes, and only the address's owner hears of it.
      if (this.options.confirm) mail('known');
      return;
    }
    const token = this.options.confirm ? randomBytes(24).toString('base64url') : undefined;
    this.insert.run({
      id,
      campaign: pledge.campaign,
      partner: pledge.partner ?? '',
      name: pledge.name,
      email: pledge.email,
      emailHash,
      country: pledge.country ?? null,
      phone: pledge.phone ?? null,
      city: pledge.city ?? null,
      comment: pledge.comment ?? null,
      consentText: pledge.consentText,
      consentAt: pledge.receivedAt,
      locale: pledge.locale,
      pageUrl: pledge.pageUrl ?? null,
      // Single opt-in (no mail settings): confirmed, and counted, at once.
      confirmedAt: token ? null : pledge.receivedAt,
      tokenHash: token ? tokenHash(token) : null,
    });
    if (token) mail('confirm', token);
  }
}
