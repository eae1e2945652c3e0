// The mail sender: takes due rows from the `mail_outbox` table one at a time, hands each to the SMTP
// server with nodemailer, and deletes the row once the server accepted it. A server that is down or
// answers 4xx is tried again with backoff (30 s doubling to 30 min); a 5xx (the address is refused for
// good) drops the mail. Rows survive a crash: a restart sends what is left.
//
// Never doubled, within one bound: a kill -9 after the SMTP server accepted a mail and before its row
// is deleted sends that one mail again at the next start. Mails go one at a time, so a crash can double
// at most one mail (README, "Mail"). Several receivers on one PostgreSQL database each run a mailer: the
// outbox hands a row to one of them only (pg/outbox.ts, FOR UPDATE SKIP LOCKED).
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { MailOutcome, Outbox, OutboxRow } from '../store-api.js';
import { composeMail } from './compose.js';

export interface MailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465 */
  smtpUrl: string;
  /** The From address, e.g. `Campaign <pledges@example.org>`. */
  from: string;
  /** The receiver's public base URL: links are `{publicUrl}/confirm/{token}`. */
  publicUrl: string;
  /** Days a link is valid (said in the mail). */
  confirmDays: number;
  /** First retry after this many ms (default 30 s), doubling up to retryMaxMs (default 30 min). */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/** Mails of other kinds than the pledges' (the alerts', #19), and the cap on one kind. */
export interface MailExtension {
  /** The mail for a row of another kind, or null to drop the row unsent (its case is gone). */
  compose(row: OutboxRow, publicUrl: string): Promise<ExtraMail | null>;
  /** At most `perMinute` mails of `kind` a minute from this receiver; the rest wait their turn. */
  cap?: { kind: string; perMinute: number };
}

export interface ExtraMail {
  subject: string;
  text: string;
  html: string;
  lang: string;
  headers?: Record<string, string>;
}

export interface MailLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export class Mailer {
  private readonly transport: Transporter;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** The run in progress: close() waits for it, so a mail the server accepted has its row deleted. */
  private current: Promise<void> | undefined;
  private again = false;
  private closed = false;
  /** When the capped kind's last mails went (ms), within the last minute. */
  private readonly capWindow: number[] = [];
  /** Set when the cap was reached: its kind waits until then. */
  private held: number | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly settings: MailSettings,
    private readonly log: MailLog,
    private readonly now: () => number = Date.now,
    private readonly extension?: MailExtension,
  ) {
    this.transport = nodemailer.createTransport(settings.smtpUrl, {
      // Short timeouts: a hung server is a server that is down, tried again later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as object);
  }

  /** At start: what waited for a retry goes now, then the outbox is looked at. */
  async start(): Promise<void> {
    try {
      await this.outbox.retryNow(this.now());
    } catch (error) {
      this.log.warn({ code: (error as { code?: string }).code }, 'mail outbox not reachable, will retry');
    }
    this.wake();
  }

  /** Looks at the outbox now (after a pledge was sorted, and at start). */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.begin(), 0);
  }

  private begin(): void {
    if (this.running || this.closed) return;
    this.current = this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    let next: number | null = null;
    try {
      for (;;) {
        this.again = false;
        if (this.closed) return;
        if (!(await this.outbox.sendNext(this.now(), (row) => this.send(row)))) break;
        if (this.held !== undefined && this.extension?.cap) {
          // Over the cap: every waiting mail of that kind moves to the end of the minute in one update.
          await this.outbox.postpone(this.extension.cap.kind, this.held);
          this.held = undefined;
        }
      }
      if (this.closed) return;
      next = await this.outbox.nextAt();
    } catch (error) {
      // The database is unreachable (PostgreSQL restarting): look again in a few seconds.
      this.log.warn({ code: (error as { code?: string }).code }, 'mail outbox not reachable, will retry');
      next = this.now() + 5_000;
    } finally {
      this.running = false;
    }
    if (this.closed) return;
    if (this.again) return this.wake();
    // Another receiver on the same database may queue mails too: look at least once a minute.
    const wait = Math.max(0, Math.min((next ?? Infinity) - this.now(), 60_000));
    this.timer = setTimeout(() => this.begin(), wait);
    this.timer.unref();
  }

  /** Whether the capped kind had its mails this minute; if so, when it may go again. */
  private capped(row: OutboxRow): number | undefined {
    const cap = this.extension?.cap;
    if (!cap || row.kind !== cap.kind) return undefined;
    const now = this.now();
    while (this.capWindow.length > 0 && this.capWindow[0] <= now - 60_000) this.capWindow.shift();
    return this.capWindow.length >= cap.perMinute ? this.capWindow[0] + 60_000 : undefined;
  }

  private async send(row: OutboxRow): Promise<MailOutcome> {
    const base = this.settings.publicUrl.replace(/\/+$/, '');
    let mail: ExtraMail;
    if (row.kind === 'confirm' || row.kind === 'known') {
      mail = composeMail({
        kind: row.kind,
        campaign: row.campaign,
        locale: row.locale,
        link: row.token ? `${base}/confirm/${row.token}` : undefined,
        confirmDays: this.settings.confirmDays,
      });
    } else {
      const until = this.capped(row);
      if (until !== undefined) {
        this.held = until;
        return { done: false, at: until };
      }
      const extra = this.extension ? await this.extension.compose(row, base) : null;
      if (!extra) return { done: true }; // nothing to send any more (its case was unpublished or deleted)
      mail = extra;
    }
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: row.to_addr,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { ...mail.headers, 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
      });
      if (row.kind === this.extension?.cap?.kind) this.capWindow.push(this.now());
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) {
        // Refused for good (no such mailbox…): trying again would not help.
        this.log.warn({ responseCode: code, kind: row.kind }, 'mail refused by the SMTP server, dropped');
        return { done: true };
      }
      const base = this.settings.retryBaseMs ?? 30_000;
      const max = this.settings.retryMaxMs ?? 1_800_000;
      const wait = Math.min(max, base * 2 ** Math.min(row.attempts, 20));
      this.log.warn(
        { responseCode: code, code: (error as { code?: string }).code, retryInMs: wait },
        'mail not sent, will retry',
      );
      return { done: false, at: this.now() + wait };
    }
    return { done: true };
  }

  /** Stops taking mails; waits for the one being sent, so that its row is settled before the DB closes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.current;
    this.transport.close();
  }
}
