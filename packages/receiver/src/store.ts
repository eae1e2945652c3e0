// The pledge store: one SQLite file through better-sqlite3 (synchronous, so each request's statements run
// back to back without interleaving; UNIQUE constraints keep it right across processes too).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreBusyError, writeWithRetry } from './busy.js';
import { migrate } from './migrations.js';

/** A validated pledge, as the HTTP layer hands it over. */
export interface PledgeInput {
  id: string;
  campaign: string;
  partner?: string;
  name: string;
  email: string;
  country?: string;
  phone?: string;
  city?: string;
  comment?: string;
  consentText: string;
  locale: string;
  pageUrl?: string;
}

export interface PledgeRow {
  id: string;
  campaign: string;
  partner: string;
  name: string;
  email: string;
  country: string | null;
  phone: string | null;
  city: string | null;
  comment: string | null;
  consent_text: string;
  consent_at: string;
  locale: string;
  page_url: string | null;
}

export interface AddResult {
  stored: boolean;
  count: number;
}

/** The key that makes "the same person" in a campaign: trimmed, Unicode NFC, lower case. */
export function emailKey(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

export interface StoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  now?: () => Date;
}

/**
 * WAL pages after which a commit copies the WAL into the database file (SQLite's default is 1,000). A
 * checkpoint fsyncs, and requests behind that commit wait: small, frequent ones keep each wait short. In
 * the benchmark at 2,000 pledges/s, p99 was 37 ms with 1,000 pages, 19 ms with 300, 17 ms with 100 (which
 * cost a fifth of the peak throughput). A checkpoint in a worker thread was worse: its fsync stalled the
 * commits all the same, and in bigger lumps.
 */
const CHECKPOINT_PAGES = 300;

export class PledgeStore {
  readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly insert: Database.Statement;
  private readonly total: Database.Statement<[string], number>;
  private readonly partnerTotal: Database.Statement<[string, string], number>;
  private readonly remove: Database.Statement;
  private readonly page: Database.Statement<[string, number, number], PledgeRow & { seq: number }>;
  private readonly addTransaction: (pledges: readonly PledgeInput[]) => AddResult[];
  /** Pledges waiting for the next group commit. */
  private queue: {
    pledge: PledgeInput;
    resolve: (result: AddResult) => void;
    reject: (error: unknown) => void;
  }[] = [];

  constructor(options: StoreOptions) {
    this.now = options.now ?? (() => new Date());
    if (options.path !== ':memory:') mkdirSync(dirname(resolve(options.path)), { recursive: true });
    // While opening and migrating, another process holding the write lock is waited for; after that,
    // never inside a call (busy.ts).
    this.db = new Database(options.path, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives a crash of this process; only a power cut can lose the last
    // few commits. FULL would fsync every pledge (see README, "Durability").
    this.db.pragma('synchronous = NORMAL');
    // Erased pledges are overwritten on disk, not just unlinked (right to erasure).
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db, this.now);
    this.db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    this.db.pragma('busy_timeout = 0');

    this.insert = this.db.prepare(`
      INSERT INTO pledges (id, campaign, partner, name, email, email_key, country, phone, city, comment,
                           consent_text, consent_at, locale, page_url)
      VALUES (@id, @campaign, @partner, @name, @email, @emailKey, @country, @phone, @city, @comment,
              @consentText, @consentAt, @locale, @pageUrl)
      ON CONFLICT DO NOTHING`);
    this.total = this.db
      .prepare<[string], number>("SELECT n FROM pledge_counts WHERE campaign = ? AND partner = ''")
      .pluck();
    this.partnerTotal = this.db
      .prepare<[string, string], number>('SELECT n FROM pledge_counts WHERE campaign = ? AND partner = ?')
      .pluck();
    this.remove = this.db.prepare('DELETE FROM pledges WHERE campaign = ? AND email_key = ?');
    this.page = this.db.prepare(`
      SELECT seq, id, campaign, partner, name, email, country, phone, city, comment, consent_text, consent_at,
             locale, page_url
      FROM pledges WHERE campaign = ? AND seq > ? ORDER BY seq LIMIT ?`);
    // Each insert and the count it reports are in one transaction: the count includes this pledge and
    // nothing half-done.
    this.addTransaction = this.db.transaction((pledges: readonly PledgeInput[]): AddResult[] =>
      pledges.map((pledge) => this.insertOne(pledge)),
    );
  }

  private insertOne(pledge: PledgeInput): AddResult {
    const { changes } = this.insert.run({
      id: pledge.id.toLowerCase(),
      campaign: pledge.campaign,
      partner: pledge.partner ?? '',
      name: pledge.name,
      email: pledge.email,
      emailKey: emailKey(pledge.email),
      country: pledge.country ?? null,
      phone: pledge.phone ?? null,
      city: pledge.city ?? null,
      comment: pledge.comment ?? null,
      consentText: pledge.consentText,
      consentAt: this.now().toISOString(),
      locale: pledge.locale,
      pageUrl: pledge.pageUrl ?? null,
    });
    return { stored: changes === 1, count: this.count(pledge.campaign) };
  }

  /**
   * Stores a pledge unless its id, or its e-mail in the same campaign, is already there
   * (`stored: false`: a duplicate, nothing counted twice).
   */
  add(pledge: PledgeInput): AddResult {
    return this.addTransaction([pledge])[0];
  }

  /**
   * Like add(), with group commit: pledges that arrive while the event loop is busy are written in one
   * transaction on the next turn (setImmediate), so a burst costs one WAL commit instead of one each.
   * A caller's answer waits for the commit that holds its pledge.
   */
  addSoon(pledge: PledgeInput): Promise<AddResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ pledge, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    // A held write lock is retried on timers (busy.ts); pledges arriving meanwhile make their own batch.
    writeWithRetry(
      () => this.addTransaction(batch.map((item) => item.pledge)),
      (error, results) => {
        // A held lock is seen live by canWrite(); other failures (a full disk) stay until a write succeeds.
        this.writeFailing = error !== undefined && !(error instanceof StoreBusyError);
        if (error !== undefined || !results) for (const item of batch) item.reject(error);
        else batch.forEach((item, index) => item.resolve(results[index]));
      },
    );
  }

  /** Whether the last write failed for another reason than a held lock: /healthz says unhealthy meanwhile. */
  writeFailing = false;

  /** Whether a write could start now: takes and releases the write lock, without waiting for it. */
  canWrite(): boolean {
    try {
      this.db.exec('BEGIN IMMEDIATE');
      this.db.exec('ROLLBACK');
      return true;
    } catch {
      return false;
    }
  }

  /** Pledges in a campaign, or those a partner brought to it. */
  count(campaign: string, partner?: string): number {
    return (partner ? this.partnerTotal.get(campaign, partner) : this.total.get(campaign)) ?? 0;
  }

  /** Erases a person's pledge in a campaign; returns how many rows went (0 or 1). */
  erase(campaign: string, email: string): number {
    return this.remove.run(campaign, emailKey(email)).changes;
  }

  /**
   * A campaign's pledges in storage order, a page at a time: each page is read synchronously, so an
   * export of any size never holds the connection while the response streams.
   */
  *pledges(campaign: string, pageSize = 1000): Generator<PledgeRow> {
    let after = 0;
    for (;;) {
      const rows = this.page.all(campaign, after, pageSize);
      yield* rows; // each row also carries its seq, which the CSV columns ignore
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Writes what is pending and closes the file (the last connection folds the WAL in). */
  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}
