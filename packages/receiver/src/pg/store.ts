// The pledge store in PostgreSQL (node-postgres), for several receivers on one database. The same design
// as the SQLite store: a pledge is written once, unsorted, in a group commit the POST answer waits for;
// 100–400 ms later a sorter marks it sorted (a new address) or deletes it (a retry, a known address),
// so neither the answer nor its timing tells which. Correctness across receivers comes from the
// database, never from a lock held in one process:
// - the pledge id is UNIQUE over all rows: a retry sent to another receiver is `ON CONFLICT (id) DO
//   NOTHING` at once. (The SQLite store keeps the id unique over sorted rows only, and its sorter drops
//   retries: one process writes there, and a random index write in the answer's commit doubled its cost.
//   Here, with several receivers, an id unique at insert keeps idempotency one constraint; the bench
//   measures it, README "PostgreSQL figures".)
// - one sorted pledge per person and campaign is a unique index over sorted rows: two receivers sorting
//   two pledges of one address at once cannot both mark theirs sorted (the second gets a unique
//   violation, runs again, and sees the first as known);
// - sorters take unsorted rows with FOR UPDATE SKIP LOCKED, mailers take mails the same way.
import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PoolClient } from 'pg';
import { ConfigError } from '../config-error.js';
import { emailHasher, tokenHash } from '../email-hash.js';
import type { EmailHasher } from '../email-hash.js';
import type { RetentionOptions, SweepResult } from '../retention.js';
import type { ConfirmTarget, PledgeInput, PledgeRow, StoreOptions } from '../store.js';
import type { Outbox, Store } from '../store-api.js';
import { classify, inTransaction, isUnavailable } from './errors.js';
import { migratePg } from './migrations.js';
import { PgOutbox } from './outbox.js';

const DAY = 86_400_000;
/** Rows a sorter takes per transaction. */
const SORT_BATCH = 500;

export interface PgStoreOptions extends Omit<StoreOptions, 'path'> {
  /** postgres://user:password@host:5432/database */
  url: string;
  /** The e-mail HMAC's key: the same on every receiver of the database (SAMLENG_EMAIL_KEY). */
  emailKey: Buffer;
  /** Connections per receiver (default 10). */
  poolSize?: number;
  /**
   * Tests only: awaited in a sorter's transaction between its reads (what is unsorted, which addresses are
   * known) and its writes, to hold two receivers' sorters in the race they can meet in production.
   */
  beforeSortWrite?: () => Promise<void>;
}

/** Whether SAMLENG_DB names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** A fingerprint of the key, kept in the database so that a receiver started with another key refuses. */
function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('samleng-receiver key check').digest('base64url').slice(0, 16);
}

interface Queued {
  pledge: PledgeInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface UnsortedRow {
  seq: number;
  id: string;
  campaign: string;
  email: string;
  email_hash: string;
  locale: string;
}

export class PgStore implements Store {
  readonly kind = 'postgres';
  readonly hash: EmailHasher;
  readonly confirmOn: boolean;
  readonly outbox: Outbox;
  readonly pool: pg.Pool;
  writeFailing = false;
  /** Where background failures are told (the server's log): a code only, never a message. */
  warn: (what: string, error: unknown) => void = () => {};
  private readonly now: () => Date;
  private readonly confirmDays: number;
  private readonly mailsPerDay: number;
  private readonly sendDelay: () => number;
  private readonly sortDelay: () => number;
  private readonly eager: boolean;
  private readonly onMail: () => void;
  private readonly beforeSortWrite: (() => Promise<void>) | undefined;
  private queue: Queued[] = [];
  private flushing: Promise<void> | undefined;
  private sortTimer: NodeJS.Timeout | undefined;
  private sorting: Promise<void> | undefined;
  private closed = false;

  private constructor(options: PgStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.confirmOn = options.confirm ?? false;
    this.confirmDays = options.confirmDays ?? 7;
    this.mailsPerDay = options.mailsPerDay ?? 3;
    this.sendDelay = options.sendDelay ?? (() => 1000 + Math.random() * 4000);
    this.sortDelay = options.sortDelay ?? (() => 100 + Math.random() * 300);
    this.eager = options.sortDelay !== undefined && options.sortDelay() === 0;
    this.onMail = options.onMail ?? (() => {});
    this.beforeSortWrite = options.beforeSortWrite;
    this.hash = emailHasher(options.emailKey);
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // An unreachable server fails a request within 2 s (503 + Retry-After) instead of holding it.
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      application_name: 'samleng-receiver',
    });
    // An idle connection cut by a restart: the pool drops it and connects anew on the next query.
    this.pool.on('error', () => {});
    this.outbox = new PgOutbox(this.pool);
  }

  /** Connects, migrates, checks the e-mail key, and sorts what a previous run left unsorted. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const store = new PgStore(options);
    try {
      const client = await store.pool.connect();
      try {
        await migratePg(client, store.now);
        const check = keyCheck(options.emailKey);
        await client.query(
          "INSERT INTO samleng_settings (name, value) VALUES ('email_key_check', $1) ON CONFLICT DO NOTHING",
          [check],
        );
        const { rows } = await client.query<{ value: string }>(
          "SELECT value FROM samleng_settings WHERE name = 'email_key_check'",
        );
        if (rows[0]?.value !== check) {
          throw new ConfigError(
            'SAMLENG_EMAIL_KEY is not the key this database was started with: every receiver of one database needs the same key',
          );
        }
      } finally {
        client.release();
      }
      // What a previous run (or a receiver killed meanwhile) left unsorted is sorted before the first answer.
      await store.sortNow();
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  /** Runs `work` in a transaction; a conflict with another receiver (unique, deadlock) runs it again. */
  private transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw classify(error);
    }
  }

  add(pledge: PledgeInput): Promise<void> {
    if (this.closed) return Promise.reject(classify(new Error('Client was closed')));
    return new Promise((resolve, reject) => {
      this.queue.push({ pledge, resolve, reject });
      if (this.queue.length === 1 && !this.flushing) setImmediate(() => void this.flush());
    });
  }

  /**
   * Group commit: what arrived while the last insert was on its way goes in the next one, so a burst
   * costs a few round trips instead of one each. One insert at a time per receiver.
   */
  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.insert(batch.map((item) => item.pledge)).then(
      () => {
        this.writeFailing = false;
        for (const item of batch) item.resolve();
        this.scheduleSort();
      },
      (error: unknown) => {
        // An outage is seen live by canWrite(); another failure stays until a write succeeds.
        this.writeFailing = !isUnavailable(error);
        for (const item of batch) item.reject(classify(error));
      },
    );
    await this.flushing;
    this.flushing = undefined;
    if (this.queue.length > 0) void this.flush();
  }

  private async insert(pledges: readonly PledgeInput[]): Promise<void> {
    const receivedAt = this.now().toISOString();
    // One JSON parameter for the whole batch: JSON.stringify is native, where node-postgres escapes text
    // arrays element by element in JavaScript (15 arrays cost about 100 µs of the receiver's CPU a pledge).
    const rows = pledges.map((p) => ({
      id: p.id.toLowerCase(),
      campaign: p.campaign,
      partner: p.partner ?? '',
      name: p.name,
      email: p.email,
      email_hash: this.hash(p.email),
      country: p.country ?? null,
      phone: p.phone ?? null,
      city: p.city ?? null,
      comment: p.comment ?? null,
      consent_text: p.consentText,
      consent_at: receivedAt,
      locale: p.locale,
      page_url: p.pageUrl ?? null,
      // Single opt-in (no mail settings): confirmed when received, counted once sorted.
      confirmed_at: this.confirmOn ? null : receivedAt,
    }));
    await this.pool.query(
      `INSERT INTO pledges (id, campaign, partner, name, email, email_hash, country, phone, city, comment,
                            consent_text, consent_at, locale, page_url, confirmed_at)
       SELECT id, campaign, partner, name, email, email_hash, country, phone, city, comment,
              consent_text, consent_at, locale, page_url, confirmed_at
       FROM json_to_recordset($1::json) AS r (id text, campaign text, partner text, name text, email text,
         email_hash text, country text, phone text, city text, comment text, consent_text text,
         consent_at text, locale text, page_url text, confirmed_at text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  /** Sorts later, on a timer of its own (see store.ts: the sorting's work never runs next to an answer). */
  private scheduleSort(delay = this.sortDelay()): void {
    if (this.sortTimer || this.closed) return;
    this.sortTimer = setTimeout(() => {
      this.sortTimer = undefined;
      this.sort(false).catch((error: unknown) => {
        // Unreachable or failing: the rows wait unsorted (they are durable); try again.
        this.warn('sorting failed, will retry', error);
        if (!this.closed) this.scheduleSort(1_000);
      });
    }, delay);
    this.sortTimer.unref();
  }

  /**
   * Sorts every unsorted pledge, waiting for rows another receiver's sorter holds (so that a read after it,
   * an export or a test's count, sees them sorted); with `skipLocked`, as the timer does, skipping them.
   */
  sortNow(options: { skipLocked?: boolean } = {}): Promise<void> {
    return this.sort(!options.skipLocked);
  }

  /**
   * Sorts unsorted pledges; the timer's run (`wait` false) skips rows another receiver's sorter holds
   * (SKIP LOCKED: that one sorts them), so sorters never queue behind each other.
   */
  private async sort(wait: boolean): Promise<void> {
    // One sorting at a time per receiver: a second caller waits for it, then sorts what came since.
    while (this.sorting) await this.sorting;
    this.sorting = (async () => {
      let mailed = false;
      for (;;) {
        const { taken, mails } = await this.transaction((client) => this.sortBatch(client, wait));
        mailed ||= mails > 0;
        if (taken < SORT_BATCH) break;
      }
      if (mailed) this.onMail();
    })();
    try {
      await this.sorting;
    } finally {
      this.sorting = undefined;
    }
  }

  private async sortBatch(client: PoolClient, wait: boolean): Promise<{ taken: number; mails: number }> {
    const { rows } = await client.query<UnsortedRow>(
      `SELECT seq::float8 AS seq, id, campaign, email, email_hash, locale FROM pledges
       WHERE NOT sorted ORDER BY seq LIMIT ${SORT_BATCH} FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`,
    );
    if (rows.length === 0) return { taken: 0, mails: 0 };
    const { rows: known } = await client.query<{ campaign: string; email_hash: string }>(
      `SELECT p.campaign, p.email_hash FROM pledges p
       JOIN json_to_recordset($1::json) AS b (campaign text, email_hash text)
         ON p.campaign = b.campaign AND p.email_hash = b.email_hash
       WHERE p.sorted`,
      [JSON.stringify(rows.map((row) => ({ campaign: row.campaign, email_hash: row.email_hash })))],
    );
    const people = new Set(known.map((row) => `${row.campaign}\n${row.email_hash}`));
    const fresh: { seq: number; tokenHash: string | null }[] = [];
    const dropped: number[] = [];
    const mails: { row: UnsortedRow; kind: 'confirm' | 'known'; token?: string }[] = [];
    for (const row of rows) {
      const person = `${row.campaign}\n${row.email_hash}`;
      if (people.has(person)) {
        // A known address (a retry of a sorted pledge never reaches here: its id was not inserted).
        dropped.push(row.seq);
        if (this.confirmOn) mails.push({ row, kind: 'known' });
        continue;
      }
      people.add(person);
      const token = this.confirmOn ? randomBytes(24).toString('base64url') : undefined;
      fresh.push({ seq: row.seq, tokenHash: token ? tokenHash(token) : null });
      if (token) mails.push({ row, kind: 'confirm', token });
    }
    await this.beforeSortWrite?.();
    if (fresh.length > 0) {
      await client.query(
        `UPDATE pledges SET sorted = true, token_hash = t.h
         FROM json_to_recordset($1::json) AS t (seq bigint, h text) WHERE pledges.seq = t.seq`,
        [JSON.stringify(fresh.map((item) => ({ seq: item.seq, h: item.tokenHash })))],
      );
    }
    if (dropped.length > 0) {
      await client.query('DELETE FROM pledges WHERE seq = ANY($1::bigint[])', [dropped]);
    }
    let queued = 0;
    const now = this.now();
    const day = now.toISOString().slice(0, 10);
    for (const mail of mails) {
      // Within the address's daily quota (counted atomically across receivers), one mail per pledge.
      const result = await client.query(
        `WITH quota AS (
           INSERT INTO mail_quota (addr_hash, day, n) VALUES ($1::text, $2::text, 1)
           ON CONFLICT (addr_hash, day) DO UPDATE SET n = mail_quota.n + 1 WHERE mail_quota.n < $3::int
           RETURNING 1
         )
         INSERT INTO mail_outbox (pledge_id, kind, to_addr, addr_hash, campaign, locale, token, next_at)
         SELECT $4::text, $5::text, $6::text, $1::text, $7::text, $8::text, $9::text, $10::bigint FROM quota
         ON CONFLICT (pledge_id) DO NOTHING`,
        [
          mail.row.email_hash,
          day,
          this.mailsPerDay,
          mail.row.id,
          mail.kind,
          mail.row.email,
          mail.row.campaign,
          mail.row.locale,
          mail.token ?? null,
          Math.round(now.getTime() + this.sendDelay()),
        ],
      );
      queued += result.rowCount ?? 0;
    }
    return { taken: rows.length, mails: queued };
  }

  async count(campaign: string, partner?: string): Promise<number> {
    // Tests only (sortDelay 0): a count read right after a pledge holds it.
    if (this.eager) await this.sortNow();
    const rows = await this.query<{ n: number }>(
      'SELECT n::float8 AS n FROM pledge_counts WHERE campaign = $1 AND partner = $2',
      [campaign, partner ?? ''],
    );
    return rows[0]?.n ?? 0;
  }

  async *pledges(campaign: string, pageSize = 1000): AsyncGenerator<PledgeRow> {
    await this.sortNow();
    let after = 0;
    for (;;) {
      const rows = await this.query<PledgeRow & { seq: number }>(
        `SELECT seq::float8 AS seq, id, campaign, partner, name, email, country, phone, city, comment,
                consent_text, consent_at, locale, page_url, confirmed_at
         FROM pledges WHERE campaign = $1 AND seq > $2 AND sorted AND confirmed_at IS NOT NULL
         ORDER BY seq LIMIT $3`,
        [campaign, after, pageSize],
      );
      yield* rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  private expiry(): string {
    return new Date(this.now().getTime() - this.confirmDays * DAY).toISOString();
  }

  async confirmTarget(token: string): Promise<ConfirmTarget | undefined> {
    const rows = await this.query<{
      confirmed_at: string | null;
      consent_at: string;
      campaign: string;
      locale: string;
    }>('SELECT confirmed_at, consent_at, campaign, locale FROM pledges WHERE token_hash = $1 AND sorted', [
      tokenHash(token),
    ]);
    const row = rows[0];
    if (!row) return undefined;
    if (!row.confirmed_at && row.consent_at < this.expiry()) return undefined;
    return { state: row.confirmed_at ? 'confirmed' : 'pending', campaign: row.campaign, locale: row.locale };
  }

  async confirm(token: string): Promise<ConfirmTarget | undefined> {
    await this.query(
      'UPDATE pledges SET confirmed_at = $1 WHERE token_hash = $2 AND sorted AND confirmed_at IS NULL AND consent_at >= $3',
      [this.now().toISOString(), tokenHash(token), this.expiry()],
    );
    return this.confirmTarget(token);
  }

  /**
   * Deletes the person's rows (sorted or still waiting to be sorted) and mails. A row another receiver is
   * sorting right now is locked: the DELETE waits for that sorting and deletes the row after it.
   * PostgreSQL keeps the deleted row's bytes in the table's pages until VACUUM reuses them, and in its
   * write-ahead log until the segment is recycled (README, "PostgreSQL": what erasure means there).
   */
  async erase(campaign: string, email: string): Promise<number> {
    const hash = this.hash(email);
    const removed = await this.transaction(async (client) => {
      const { rowCount } = await client.query('DELETE FROM pledges WHERE campaign = $1 AND email_hash = $2', [
        campaign,
        hash,
      ]);
      await client.query('DELETE FROM mail_outbox WHERE campaign = $1 AND addr_hash = $2', [campaign, hash]);
      return rowCount ?? 0;
    });
    // Dead rows out of the pages now rather than at autovacuum's leisure.
    if (removed > 0) await this.query('VACUUM pledges, mail_outbox').catch(() => {});
    return removed > 0 ? 1 : 0;
  }

  async sweep(options: RetentionOptions): Promise<SweepResult> {
    const now = options.now().getTime();
    const result = await this.transaction(async (client): Promise<SweepResult> => {
      const before = new Date(now - options.confirmDays * DAY).toISOString();
      await client.query(
        `DELETE FROM mail_outbox WHERE pledge_id IN
           (SELECT id FROM pledges WHERE confirmed_at IS NULL AND sorted AND consent_at < $1)`,
        [before],
      );
      const expired =
        (
          await client.query(
            'DELETE FROM pledges WHERE confirmed_at IS NULL AND sorted AND consent_at < $1',
            [before],
          )
        ).rowCount ?? 0;
      let stripped = 0;
      if (options.retentionDays !== undefined) {
        const old = new Date(now - options.retentionDays * DAY).toISOString();
        stripped =
          (
            await client.query(
              `UPDATE pledges SET name = '', email = '', country = NULL, phone = NULL, city = NULL,
                      comment = NULL, page_url = NULL, token_hash = NULL, stripped_at = $1
               WHERE stripped_at IS NULL AND sorted AND consent_at < $2`,
              [new Date(now).toISOString(), old],
            )
          ).rowCount ?? 0;
      }
      const yesterday = new Date(now - DAY).toISOString().slice(0, 10);
      await client.query('DELETE FROM mail_quota WHERE day < $1', [yesterday]);
      return { expired, stripped };
    });
    if (result.expired > 0 || result.stripped > 0) {
      await this.query('VACUUM pledges, mail_outbox').catch(() => {});
    }
    return result;
  }

  /** The server answers, and takes writes (not a standby), within a second. */
  async canWrite(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), 1_000);
    });
    const probe = this.pool
      .query<{ ok: boolean }>('SELECT NOT pg_is_in_recovery() AS ok')
      .then((result) => result.rows[0]?.ok === true)
      .catch(() => false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => {});
    while (this.flushing) await this.flushing;
    clearTimeout(this.sortTimer);
    this.sortTimer = undefined;
    await this.sortNow().catch(() => {});
    this.closed = true;
    await this.pool.end();
  }
}
