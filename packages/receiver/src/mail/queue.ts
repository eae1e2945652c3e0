// Putting a mail in the outbox table (inside the caller's transaction), within the per-address quota.
import type Database from 'better-sqlite3';

export interface QueuedMail {
  pledgeId: string;
  kind: 'confirm' | 'known';
  to: string;
  addrHash: string;
  campaign: string;
  locale: string;
  token?: string | undefined;
  now: Date;
  /** ms before it may go */
  delay: number;
  /** mails per address per UTC day */
  perDay: number;
}

/** Queues the mail unless the address had its quota today; returns whether it was queued. */
export function enqueueMail(db: Database.Database, mail: QueuedMail): boolean {
  const day = mail.now.toISOString().slice(0, 10);
  const sent = db
    .prepare<[string, string], number>('SELECT n FROM mail_quota WHERE addr_hash = ? AND day = ?')
    .pluck()
    .get(mail.addrHash, day);
  if ((sent ?? 0) >= mail.perDay) return false;
  const { changes } = db
    .prepare(
      `INSERT INTO mail_outbox (pledge_id, kind, to_addr, addr_hash, campaign, locale, token, next_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(
      mail.pledgeId,
      mail.kind,
      mail.to,
      mail.addrHash,
      mail.campaign,
      mail.locale,
      mail.token ?? null,
      mail.now.getTime() + mail.delay,
    );
  if (changes === 0) return false; // one mail per pledge
  db.prepare(
    `INSERT INTO mail_quota (addr_hash, day, n) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1`,
  ).run(mail.addrHash, day);
  return true;
}
