// The pledge store: one SQLite file through better-sqlite3 (synchronous, so each request's statements run
// back to back without interleaving; UNIQUE constraints keep it right across processes too).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isBusy, StoreBusyError, writeWithRetry } from './busy.js';
import { emailHasher, loadEmailKey, tokenHash } from './email-hash.js';
import type { EmailHasher } from './email-hash.js';
import { Intake } from './intake.js';
import { migrate } from './migrations.js';
import { MAIN_BUSY_MS, Sorter } from './sorter.js';
import type { SortReport } from './sorter.js';

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
  confirmed_at: string | null;
}

export { emailKey } from './email-hash.js';

/** What a confirmation link points at. */
export interface ConfirmTarget {
  state: 'pending' | 'confirmed';
  campaign: string;
  locale: string;
}

export interface StoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  now?: () => Date;
  /** Confirmation by e-mail (double opt-in); off: every pledge is confirmed when stored. */
  confirm?: boolean;
  /** Mails per address per UTC day (default 3). */
  mailsPerDay?: number;
  /** ms before a queued mail may go (default: random 1–5 s). */
  sendDelay?: () => number;
  /** Days a confirmation link is valid (default 7). */
  confirmDays?: number;
  /**
   * ms between a pledge's answer and its sorting (default: random 100–400 ms), so that the sorting's work
   * (heavier for a new address) never runs next to an answer or a count that would show it. 0: at once,
   * and a count sorts first (tests that read a count right after a pledge).
   */
  sortDelay?: () => number;
  /** Called after a commit that may have queued mail. */
  onMail?: () => void;
  /**
   * Sort on a thread of its own (sorter.ts). Default: on for a file with the real clock and delays, as the
   * CLI runs it; off for `:memory:` and for tests that set the clock or the delays.
   */
  sortInWorker?: boolean;
}

/**
 * Without the sorter's thread (tests, `:memory:`): WAL pages after which a commit copies the WAL into the
 * database file (SQLite's default is 1,000). A checkpoint fsyncs, and requests behind that commit wait:
 * small, frequent ones keep each wait short. In the benchmark at 2,000 pledges/s, p99 was 37 ms with 1,000
 * pages, 19 ms with 300, 17 ms with 100 (which cost a fifth of the peak throughput). (A thread that only
 * checkpointed, tried before the sorter had one, was worse: its fsync stalled commits in bigger lumps.)
 */
const CHECKPOINT_PAGES = 300;

/**
 * With the sorter on its own thread, that thread checkpoints (sort-worker.ts: PASSIVE, then FULL);
 * the main connection only past this many pages (about 40 MB), a safety net should that thread stall. At
 * 3,000 pages it fired during bursts, inside a group commit that answers waited for: the peak's p99 was
 * 32–43 ms, and 19–21 ms with 10,000 (README, "Figures").
 */
const MAIN_CHECKPOINT_PAGES = 10_000;

/**
 * With the sorter's thread, a group commit takes the pledges of 2 ms, not of one turn of the event loop:
 * fewer, larger commits, so fewer WAL pages to write and to checkpoint. Alternating with one turn in the
 * benchmark (README, "Figures"): 163–170 instead of 176–204 µs of CPU per pledge, 5,900–6,200 instead of
 * 4,800–5,700 pledges/s at peak, p99 at 2,000/s 28–29 instead of 30–52 ms; the p50 1–2 ms later.
 */
const GROUP_COMMIT_MS = 2;

/*
 * Without the sorter's thread, the timer sorts all unsorted pledges in one transaction (intake.ts). Slices
 * of 100 pledges in the main thread, one transaction each with a turn of the event loop between them, were
 * tried: the same CPU, but about twice the wall time (more commits, more checkpoints), and answers waited
 * longer (README, "Figures"). On the sorter's thread, slices cost the main thread nothing but the wait
 * for one slice's lock.
 */

export class PledgeStore {
  readonly db: Database.Database;
  readonly hash: EmailHasher;
  readonly confirmOn: boolean;
  private readonly now: () => Date;
  private readonly confirmDays: number;
  private readonly intake: Intake;
  private readonly onMail: () => void;
  private readonly insert: Database.Statement;
  private readonly total: Database.Statement<[string], number>;
  private readonly partnerTotal: Database.Statement<[string, string], number>;
  private readonly page: Database.Statement<[string, number, number], PledgeRow & { seq: number }>;
  private readonly target: Database.Statement<
    [string],
    { confirmed_at: string | null; consent_at: string; campaign: string; locale: string }
  >;
  private readonly confirmOne: Database.Statement<[string, string, string]>;
  private readonly addTransaction: (pledges: readonly PledgeInput[]) => void;
  private sortScheduled = false;
  private readonly sortDelay: () => number;
  private readonly eager: boolean;
  /** The sorting's own thread, when on (sorter.ts). */
  private sorter: Sorter | undefined;
  /** Pledges waiting for the next group commit. */
  private queue: {
    pledge: PledgeInput;
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];

  constructor(options: StoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.confirmOn = options.confirm ?? false;
    this.confirmDays = options.confirmDays ?? 7;
    this.sortDelay = options.sortDelay ?? (() => 100 + Math.random() * 300);
    this.eager = options.sortDelay !== undefined && options.sortDelay() === 0;
    this.onMail = options.onMail ?? (() => {});
    if (options.path !== ':memory:') mkdirSync(dirname(resolve(options.path)), { recursive: true });
    // While opening and migrating, another process holding the write lock is waited for; after that,
    // never inside a call (busy.ts).
    this.db = new Database(options.path, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives a crash of this process; only a power cut can lose the last
    // few commits. FULL would fsync every pledge (see README, "Durability").
    this.db.pragma('synchronous = NORMAL');
    // Erased pledges are overwritten on disk, not just unlinked (right to erasure; see erasure.ts for
    // the WAL).
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    this.hash = emailHasher(loadEmailKey(options.path));
    // Migration 2 re-keys existing rows by the HMAC of their address.
    this.db.function('samleng_email_hash', { deterministic: true }, (key: unknown) => this.hash(String(key)));
    // Migration 5 keeps only the SHA-256 of the unsubscribe tokens mailed before it.
    this.db.function('samleng_token_hash', { deterministic: true }, (token: unknown) =>
      tokenHash(String(token)),
    );
    migrate(this.db, this.now);
    this.db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    this.db.pragma('busy_timeout = 0');

    this.intake = new Intake(this.db, {
      confirm: this.confirmOn,
      mailsPerDay: options.mailsPerDay ?? 3,
      sendDelay: options.sendDelay ?? (() => 1000 + Math.random() * 4000),
      now: this.now,
    });
    // Unsorted (intake.ts): the same insert for a new address, a known one and a retry of a stored id.
    this.insert = this.db.prepare(`
      INSERT INTO pledges (id, campaign, partner, name, email, email_hash, country, phone, city, comment,
                           consent_text, consent_at, locale, page_url, sorted)
      VALUES (@id, @campaign, @partner, @name, @email, @emailHash, @country, @phone, @city, @comment,
              @consentText, @consentAt, @locale, @pageUrl, 0)`);
    this.total = this.db
      .prepare<[string], number>("SELECT n FROM pledge_counts WHERE campaign = ? AND partner = ''")
      .pluck();
    this.partnerTotal = this.db
      .prepare<[string, string], number>('SELECT n FROM pledge_counts WHERE campaign = ? AND partner = ?')
      .pluck();
    this.page = this.db.prepare(`
      SELECT seq, id, campaign, partner, name, email, country, phone, city, comment, consent_text, consent_at,
             locale, page_url, confirmed_at
      FROM pledges WHERE campaign = ? AND seq > ? AND sorted = 1 AND confirmed_at IS NOT NULL
      ORDER BY seq LIMIT ?`);
    this.target = this.db.prepare(
      'SELECT confirmed_at, consent_at, campaign, locale FROM pledges WHERE token_hash = ? AND sorted = 1',
    );
    this.confirmOne = this.db.prepare(
      `UPDATE pledges SET confirmed_at = ?
       WHERE token_hash = ? AND sorted = 1 AND confirmed_at IS NULL AND consent_at >= ?`,
    );
    this.addTransaction = this.db.transaction((pledges: readonly PledgeInput[]): void => {
      const consentAt = this.now().toISOString();
      for (const pledge of pledges) {
        this.insert.run({
          id: pledge.id.toLowerCase(),
          campaign: pledge.campaign,
          partner: pledge.partner ?? '',
          name: pledge.name,
          email: pledge.email,
          emailHash: this.hash(pledge.email),
          country: pledge.country ?? null,
          phone: pledge.phone ?? null,
          city: pledge.city ?? null,
          comment: pledge.comment ?? null,
          consentText: pledge.consentText,
          consentAt,
          locale: pledge.locale,
          pageUrl: pledge.pageUrl ?? null,
        });
      }
    });
    // Pledges a crash left unsorted, and mails it left in the outbox, go on now.
    this.sortIntake();
    const inWorker =
      options.sortInWorker ??
      (options.path !== ':memory:' && !options.sortDelay && !options.now && !options.sendDelay);
    if (inWorker) {
      // A write that starts during one of the sorter's slices waits for it (a few ms), not SQLite's error.
      this.db.pragma(`busy_timeout = ${MAIN_BUSY_MS}`);
      this.db.pragma(`wal_autocheckpoint = ${MAIN_CHECKPOINT_PAGES}`);
      this.sorter = new Sorter(
        {
          path: resolve(options.path),
          confirm: this.confirmOn,
          mailsPerDay: options.mailsPerDay ?? 3,
        },
        (report) => this.sorted(report),
      );
    }
  }

  /**
   * Runs a write of this connection with the sorter's thread standing aside (sorter.ts): the group
   * commits, confirmations, erasure and the console's writes.
   */
  paused<T>(write: () => T): T {
    if (!this.sorter || this.pausing) return write();
    return this.sorter.pause((inSlice) => {
      this.pausing = true;
      // No slice under way, and none starts: a lock held now is another process's, refused at once as
      // without the thread (busy.ts); the busy timeout is only for waiting out a slice.
      if (!inSlice) this.db.pragma('busy_timeout = 0');
      try {
        return write();
      } finally {
        this.pausing = false;
        if (!inSlice) this.db.pragma(`busy_timeout = ${MAIN_BUSY_MS}`);
      }
    });
  }

  /** Inside paused(): a nested call runs as part of it. */
  private pausing = false;

  /** A pass of the sorter's thread ended. */
  private sorted(report: SortReport): void {
    if (report.sorted > 0 && this.confirmOn) this.onMail();
    if (!report.error) return;
    // The pledges stay unsorted: a held lock, or a failing disk (shown by /healthz), only delays.
    if (!report.error.busy) this.writeFailing = true;
    this.scheduleSort();
  }

  /**
   * Accepts a pledge, unsorted (the answer is the same whatever happens next), and sorts it right
   * away. For tests and scripts; the server uses addSoon().
   */
  add(pledge: PledgeInput): void {
    this.addTransaction([pledge]);
    this.sortIntake();
  }

  /**
   * Like add(), with group commit: pledges that arrive while the event loop is busy are written in one
   * transaction on the next turn (setImmediate), so a burst costs one WAL commit instead of one each; with
   * the sorter's thread (the receiver), those of the next GROUP_COMMIT_MS. A caller's answer waits for the
   * commit that holds its pledge; the sorting comes after.
   */
  addSoon(pledge: PledgeInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ pledge, resolve, reject });
      if (this.queue.length > 1) return;
      if (this.sorter) setTimeout(() => this.flush(), GROUP_COMMIT_MS);
      else setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const sorter = this.sorter;
    if (!sorter) return this.commitQueue();
    // A slice under way is waited for off the event loop (Sorter.hold), the queue still open: pledges
    // arriving meanwhile join this commit. Blocking in SQLite's busy handler instead held every request for
    // the slice's lock, and its sleeps overshot (an 8–20 ms stall for a 6–14 ms slice under load).
    void sorter.hold().then((release) => {
      try {
        this.commitQueue();
      } finally {
        release();
      }
    });
  }

  /** Commits the queued pledges (close() commits them at once, without waiting for a slice). */
  private commitQueue(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    // A held write lock is retried on timers (busy.ts); pledges arriving meanwhile make their own batch.
    writeWithRetry(
      () => this.paused(() => this.addTransaction(batch.map((item) => item.pledge))),
      (error) => {
        // A held lock is seen live by canWrite(); other failures (a full disk) stay until a write succeeds.
        this.writeFailing = error !== undefined && !(error instanceof StoreBusyError);
        if (error !== undefined) {
          for (const item of batch) item.reject(error);
          return;
        }
        for (const item of batch) item.resolve();
        this.scheduleSort();
      },
    );
  }

  /**
   * Sorts unsorted pledges later, on a timer of its own: the decision never holds an answer back, and its work
   * does not run right behind the answer (on a busy host it would delay the answer's delivery, heavier for
   * a new address: measured by bench/membership.mjs). A held write lock postpones it (busy.ts).
   */
  private scheduleSort(): void {
    if (this.sortScheduled) return;
    this.sortScheduled = true;
    const timer = setTimeout(() => {
      this.sortScheduled = false;
      if (!this.db.open) return;
      if (this.sorter) return this.sorter.sort();
      try {
        this.sortIntake();
      } catch (error) {
        // The pledges stay unsorted: a held lock, or a failing disk (shown by /healthz), only delays.
        if (!isBusy(error)) this.writeFailing = true;
        this.scheduleSort();
      }
    }, this.sortDelay());
    timer.unref();
  }

  /** Whether the last write failed for another reason than a held lock: /healthz says unhealthy meanwhile. */
  writeFailing = false;

  /** Whether a write could start now: takes and releases the write lock, without waiting for it. */
  canWrite(): boolean {
    return this.paused(() => {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        this.db.exec('ROLLBACK');
        return true;
      } catch {
        return false;
      }
    });
  }

  /** Sorts unsorted pledges now (new or known); wakes the mailer when mail may have been queued. */
  sortIntake(): void {
    if (this.paused(() => this.intake.sort()) > 0 && this.confirmOn) this.onMail();
  }

  /** Confirmed pledges in a campaign, or those a partner brought to it. */
  count(campaign: string, partner?: string): number {
    // Tests only (sortDelay 0): the count read right after a pledge holds it. Never in production: the
    // count's own time would then show the sorting's work.
    if (this.eager && this.sortScheduled) this.sortIntake();
    return (partner ? this.partnerTotal.get(campaign, partner) : this.total.get(campaign)) ?? 0;
  }

  /** What a confirmation token points at, if anything. */
  confirmTarget(token: string): ConfirmTarget | undefined {
    const row = this.target.get(tokenHash(token));
    if (!row) return undefined;
    // An expired link is invalid at once, before the hourly sweep deletes its pledge.
    if (!row.confirmed_at && row.consent_at < this.expiry()) return undefined;
    return { state: row.confirmed_at ? 'confirmed' : 'pending', campaign: row.campaign, locale: row.locale };
  }

  /** Confirms the pledge of a token (a second time changes nothing); returns what it points at now. */
  confirm(token: string): ConfirmTarget | undefined {
    this.paused(() => this.confirmOne.run(this.now().toISOString(), tokenHash(token), this.expiry()));
    return this.confirmTarget(token);
  }

  /** Pending pledges received before this time have expired. */
  private expiry(): string {
    return new Date(this.now().getTime() - this.confirmDays * 86_400_000).toISOString();
  }

  /**
   * A campaign's confirmed pledges in storage order, a page at a time: each page is read synchronously, so
   * an export of any size never holds the connection while the response streams.
   */
  *pledges(campaign: string, pageSize = 1000): Generator<PledgeRow> {
    this.sortIntake();
    let after = 0;
    for (;;) {
      const rows = this.page.all(campaign, after, pageSize);
      yield* rows; // each row also carries its seq, which the CSV columns ignore
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Stops the sorter's thread, if any, after its current slice (then close() sorts what is left). */
  async stopSorter(): Promise<void> {
    const sorter = this.sorter;
    this.sorter = undefined;
    await sorter?.stop();
  }

  /** Writes what is pending and closes the file (the last connection folds the WAL in). */
  close(): void {
    if (!this.db.open) return;
    // Without stopSorter() first: the thread ends at once, and a slice it was in rolls back (sorted below).
    this.sorter?.terminate();
    this.sorter = undefined;
    this.commitQueue();
    this.sortIntake();
    this.db.close();
  }
}
