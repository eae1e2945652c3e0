// Alert subscribers (#19): personal data under the pledges' rules. A sign-up is taken in as a plain insert
// into subscription_intake and answered at once (202, the same for a new address, a known one and a
// retry); 100–400 ms later, on a timer of its own, the intake is sorted: a new address becomes a pending
// subscriber with a confirmation mail, a known one gets a short mail (only its owner reads it; a pending
// one gets a fresh confirmation link), a retry nothing. So neither the answer nor its timing tells whether
// an address was subscribed. Erasure, export and search take the caller's partner scope into the SQL.
import type { Access } from '../console/access.js';
import { tokenHash } from '../email-hash.js';
import type { EmailHasher } from '../email-hash.js';
import { all, run, sqlOf } from '../cases/sql.js';
import type { Sql, Work } from '../cases/sql.js';
import type { Store } from '../store-api.js';
import { newSubscriptionToken } from './confirm-token.js';
import { unsubscribeId } from './unsubscribe-token.js';

export interface SubscriptionInput {
  id: string;
  email: string;
  language: 'en' | 'km' | 'fr';
  partner?: string | undefined;
  consentText: string;
  pageUrl?: string | undefined;
}

export interface SubscriptionOptions {
  now: () => Date;
  confirmDays: number;
  mailsPerDay: number;
  sendDelay: () => number;
  sortDelay: () => number;
  /** After a commit that queued mail. */
  onMail: () => void;
  warn: (what: string, error: unknown) => void;
}

export interface SubscriberRow {
  email: string;
  language: string;
  partner: string;
  consent_text: string;
  page_url: string | null;
  created_at: string;
  confirmed_at: string | null;
}

export interface SubscriberPage {
  total: number;
  pending: number;
  byLanguage: { en: number; km: number; fr: number };
  rows: { email: string; language: string; partner: string; confirmedAt: string | null; createdAt: string }[];
  pages: number;
}

/** The mails a subscriber's address may get (erasure and unsubscribing remove those waiting). */
const SUB_KINDS = "('sub-confirm', 'sub-known', 'alert')";
/** The partner filter: `?` twice, the admin's partner being NULL. */
const SCOPE = '(CAST(? AS TEXT) IS NULL OR partner = ?)';
const BATCH = 200;

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class Subscriptions {
  private readonly sql: Sql;
  private readonly hash: EmailHasher;
  private timer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sorting: Promise<void> | undefined;
  private closed = false;

  constructor(
    store: Store,
    private readonly options: SubscriptionOptions,
  ) {
    this.sql = sqlOf(store);
    this.hash = store.hash;
    // What a previous run left in the intake, and pending subscriptions past their link's validity.
    this.schedule(0);
    this.sweepTimer = setInterval(() => void this.sweep().catch(() => {}), 3_600_000);
    this.sweepTimer.unref();
  }

  /** Takes a sign-up in; resolves once it is durable. What it was is decided later (sortSoon). */
  async take(input: SubscriptionInput): Promise<void> {
    const at = this.options.now().toISOString();
    const emailHash = this.hash(input.email);
    await this.sql.transaction(function* (): Work<void> {
      yield run(
        'INSERT INTO subscription_intake (id, email_hash, partner, body, received_at) VALUES (?, ?, ?, ?, ?)',
        [input.id.toLowerCase(), emailHash, input.partner ?? '', JSON.stringify(input), at],
      );
    });
    this.schedule(this.options.sortDelay());
  }

  private schedule(delay: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sortNow().catch((error: unknown) => {
        this.options.warn('sorting subscriptions failed, will retry', error);
        this.schedule(1_000);
      });
    }, delay);
    this.timer.unref();
  }

  /** Sorts the intake now (tests, and before reads that should see it). */
  async sortNow(): Promise<void> {
    while (this.sorting) await this.sorting;
    this.sorting = (async () => {
      let mailed = 0;
      for (;;) {
        const { taken, mails } = await this.sql.transaction(() => this.sortBatch());
        mailed += mails;
        if (taken < BATCH) break;
      }
      if (mailed > 0) this.options.onMail();
    })();
    try {
      await this.sorting;
    } finally {
      this.sorting = undefined;
    }
  }

  private *sortBatch(): Work<{ taken: number; mails: number }> {
    const rows = (yield all(
      `SELECT seq, id, email_hash, body FROM subscription_intake ORDER BY seq LIMIT ${BATCH}`,
      [],
      `SELECT seq::float8 AS seq, id, email_hash, body FROM subscription_intake ORDER BY seq
       LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    )) as { seq: number; id: string; email_hash: string; body: string }[];
    const now = this.options.now();
    const at = now.toISOString();
    let mails = 0;
    for (const row of rows) {
      yield run('DELETE FROM subscription_intake WHERE seq = ?', [row.seq]);
      const input = JSON.parse(row.body) as SubscriptionInput;
      const known = (yield all('SELECT id, confirmed_at FROM subscribers WHERE email_hash = ?', [
        row.email_hash,
      ])) as { id: string; confirmed_at: string | null }[];
      const mail = (kind: 'sub-confirm' | 'sub-known', token?: string) =>
        this.queueMail(kind, `${kind}:${row.id}:${now.getTime()}`, input, row.email_hash, now, token);
      if (known[0]) {
        if (known[0].id === row.id) continue; // a retry of the same sign-up: its answer was the same
        if (known[0].confirmed_at) {
          mails += (yield* mail('sub-known')) ? 1 : 0;
        } else {
          // Still pending: a fresh link (the first mail may be lost), valid from now.
          const token = newSubscriptionToken();
          yield run('UPDATE subscribers SET token_hash = ?, created_at = ? WHERE email_hash = ?', [
            tokenHash(token),
            at,
            row.email_hash,
          ]);
          mails += (yield* mail('sub-confirm', token)) ? 1 : 0;
        }
        continue;
      }
      const token = newSubscriptionToken();
      const inserted = (yield run(
        `INSERT INTO subscribers (id, email, email_hash, language, partner, consent_text, page_url, created_at,
                                  token_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          row.id,
          input.email,
          row.email_hash,
          input.language,
          input.partner ?? '',
          input.consentText,
          input.pageUrl ?? null,
          at,
          tokenHash(token),
        ],
      )) as number;
      if (inserted > 0) mails += (yield* mail('sub-confirm', token)) ? 1 : 0;
    }
    return { taken: rows.length, mails };
  }

  /** Queues a mail within the address's daily quota (shared with pledges' mails); whether it was queued. */
  private *queueMail(
    kind: string,
    key: string,
    input: SubscriptionInput,
    addrHash: string,
    now: Date,
    token?: string,
  ): Work<boolean> {
    const day = now.toISOString().slice(0, 10);
    const sent = (yield all('SELECT n FROM mail_quota WHERE addr_hash = ? AND day = ?', [addrHash, day])) as {
      n: number;
    }[];
    if ((sent[0]?.n ?? 0) >= this.options.mailsPerDay) return false;
    yield run(
      `INSERT INTO mail_quota (addr_hash, day, n) VALUES (?, ?, 1)
       ON CONFLICT (addr_hash, day) DO UPDATE SET n = mail_quota.n + 1`,
      [addrHash, day],
    );
    const queued = (yield run(
      `INSERT INTO mail_outbox (pledge_id, kind, to_addr, addr_hash, campaign, locale, token, next_at)
       VALUES (?, ?, ?, ?, '', ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        key,
        kind,
        input.email,
        addrHash,
        input.language,
        token ?? null,
        Math.round(now.getTime() + this.options.sendDelay()),
      ],
    )) as number;
    return queued > 0;
  }

  private expiry(): string {
    return new Date(this.options.now().getTime() - this.options.confirmDays * 86_400_000).toISOString();
  }

  /** What a confirmation token points at: a subscription pending or confirmed, in its language. */
  async confirmTarget(
    token: string,
  ): Promise<{ state: 'pending' | 'confirmed'; language: string } | undefined> {
    const expiry = this.expiry();
    return this.sql.transaction(function* () {
      const rows = (yield all(
        'SELECT confirmed_at, created_at, language FROM subscribers WHERE token_hash = ?',
        [tokenHash(token)],
      )) as { confirmed_at: string | null; created_at: string; language: string }[];
      const row = rows[0];
      if (!row || (!row.confirmed_at && row.created_at < expiry)) return undefined;
      return {
        state: row.confirmed_at ? ('confirmed' as const) : ('pending' as const),
        language: row.language,
      };
    });
  }

  async confirm(token: string): Promise<{ state: 'pending' | 'confirmed'; language: string } | undefined> {
    const at = this.options.now().toISOString();
    const expiry = this.expiry();
    await this.sql.transaction(function* () {
      yield run(
        'UPDATE subscribers SET confirmed_at = ? WHERE token_hash = ? AND confirmed_at IS NULL AND created_at >= ?',
        [at, tokenHash(token), expiry],
      );
    });
    return this.confirmTarget(token);
  }

  /**
   * Who an unsubscribe token names: one query whatever the token, so a made-up one costs what a real one
   * does. A token made since migration 5 carries its subscriber's id and a MAC (unsubscribe-token.ts);
   * one mailed before it is found by its SHA-256 (`unsub_old_hash`, what that migration kept of it).
   */
  private *unsubscriber(
    token: string,
  ): Work<{ id: string; email_hash: string; language: string } | undefined> {
    const rows = (yield all(
      'SELECT id, email_hash, language FROM subscribers WHERE id = ? OR unsub_old_hash = ?',
      [unsubscribeId(this.hash, token) ?? null, tokenHash(token)],
    )) as { id: string; email_hash: string; language: string }[];
    return rows[0];
  }

  /** The language of an unsubscribe token's subscriber, if any. */
  async unsubscribeTarget(token: string): Promise<string | undefined> {
    const row = await this.sql.transaction(() => this.unsubscriber(token));
    return row?.language;
  }

  /** Unsubscribes (the row is erased, and the mails waiting for the address); the language it had. */
  async unsubscribe(token: string): Promise<string | undefined> {
    const lookup = () => this.unsubscriber(token);
    const result = await this.sql.transaction(function* () {
      const row = yield* lookup();
      if (!row) return undefined;
      yield run('DELETE FROM subscribers WHERE id = ?', [row.id]);
      yield run(`DELETE FROM mail_outbox WHERE addr_hash = ? AND kind IN ${SUB_KINDS}`, [row.email_hash]);
      return row.language;
    });
    if (result) await this.sql.scrub(['subscribers', 'mail_outbox']);
    return result;
  }

  /** Erases an address within the access's scope; 0 or 1. */
  async erase(email: string, access: Access): Promise<number> {
    await this.sortNow();
    const hash = this.hash(email);
    const partner = access.partner ?? null;
    const removed = await this.sql.transaction(function* () {
      const kept = (yield run(`DELETE FROM subscribers WHERE email_hash = ? AND ${SCOPE}`, [
        hash,
        partner,
        partner,
      ])) as number;
      const waiting = (yield run(`DELETE FROM subscription_intake WHERE email_hash = ? AND ${SCOPE}`, [
        hash,
        partner,
        partner,
      ])) as number;
      // Nothing of theirs is left to send once their subscription is gone (a partner who removed only
      // what it holds leaves another partner's subscriber's mail alone).
      if (kept > 0 || partner === null) {
        yield run(`DELETE FROM mail_outbox WHERE addr_hash = ? AND kind IN ${SUB_KINDS}`, [hash]);
      }
      return kept > 0 || waiting > 0 ? 1 : 0;
    });
    await this.sql.scrub(['subscribers', 'subscription_intake', 'mail_outbox']);
    return removed;
  }

  /** A page (from 1) of confirmed subscribers in scope whose address contains `search`, newest first. */
  async search(search: string, page: number, pageSize: number, access: Access): Promise<SubscriberPage> {
    await this.sortNow();
    const partner = access.partner ?? null;
    const like = search ? likePattern(search) : null;
    return this.sql.transaction(function* () {
      const where = `${SCOPE} AND confirmed_at IS NOT NULL`;
      const tally = (yield all(
        `SELECT language, CAST(count(*) AS INTEGER) AS n FROM subscribers WHERE ${where} GROUP BY language`,
        [partner, partner],
      )) as { language: string; n: number }[];
      const pending = (yield all(
        `SELECT CAST(count(*) AS INTEGER) AS n FROM subscribers WHERE ${SCOPE} AND confirmed_at IS NULL`,
        [partner, partner],
      )) as { n: number }[];
      const matching = `${where} AND (CAST(? AS TEXT) IS NULL OR lower(email) LIKE ? ESCAPE '\\')`;
      const total = (yield all(`SELECT CAST(count(*) AS INTEGER) AS n FROM subscribers WHERE ${matching}`, [
        partner,
        partner,
        like,
        like,
      ])) as { n: number }[];
      const rows = (yield all(
        `SELECT email, language, partner, confirmed_at, created_at FROM subscribers WHERE ${matching}
         ORDER BY seq DESC LIMIT ? OFFSET ?`,
        [partner, partner, like, like, pageSize, (page - 1) * pageSize],
      )) as SubscriberRow[];
      const byLanguage = { en: 0, km: 0, fr: 0 };
      for (const row of tally) {
        if (row.language === 'en' || row.language === 'km' || row.language === 'fr')
          byLanguage[row.language] = row.n;
      }
      const count = total[0]?.n ?? 0;
      return {
        total: count,
        pending: pending[0]?.n ?? 0,
        byLanguage,
        rows: rows.map((row) => ({
          email: row.email,
          language: row.language,
          partner: row.partner,
          confirmedAt: row.confirmed_at,
          createdAt: row.created_at,
        })),
        pages: Math.max(1, Math.ceil(count / pageSize)),
      };
    });
  }

  /** Confirmed subscribers in scope, in storage order, a page at a time (the CSV export). */
  async *exportRows(access: Access, pageSize = 1000): AsyncGenerator<SubscriberRow> {
    await this.sortNow();
    const partner = access.partner ?? null;
    let after = 0;
    for (;;) {
      const rows = await this.sql.transaction(function* () {
        return (yield all(
          `SELECT seq, email, language, partner, consent_text, page_url, created_at, confirmed_at
           FROM subscribers WHERE ${SCOPE} AND confirmed_at IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?`,
          [partner, partner, after, pageSize],
          `SELECT seq::float8 AS seq, email, language, partner, consent_text, page_url, created_at, confirmed_at
           FROM subscribers WHERE ${SCOPE} AND confirmed_at IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?`,
        )) as (SubscriberRow & { seq: number })[];
      });
      yield* rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Pending subscriptions whose link has expired are deleted. */
  async sweep(): Promise<void> {
    const expiry = this.expiry();
    await this.sql.transaction(function* () {
      yield run('DELETE FROM subscribers WHERE confirmed_at IS NULL AND created_at < ?', [expiry]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.sweepTimer);
    // A sorting under way that fails (the database gone meanwhile) must not fail the close: its sign-ups
    // stay in the intake, and the next start sorts them.
    await this.sorting?.catch(() => {});
    await this.sortNow().catch(() => {});
  }
}
