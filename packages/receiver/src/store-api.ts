// The one interface the HTTP side speaks to, whichever database holds the pledges: the SQLite file
// (sqlite-store.ts, the default) or PostgreSQL (pg/store.ts, for several receivers on one database). Every
// method is async so that a network database fits; the SQLite one answers from the same turn.
import type { EmailHasher } from './email-hash.js';
import type { RetentionOptions, SweepResult } from './retention.js';
import type { ConfirmTarget, PledgeInput, PledgeRow } from './store.js';

export type { ConfirmTarget, PledgeInput, PledgeRow };

/** One mail waiting in the outbox. */
export interface OutboxRow {
  seq: number;
  /** Pledges' mails, and the alerts' (#19: alerts/compose.ts). */
  kind: 'confirm' | 'known' | 'sub-confirm' | 'sub-known' | 'alert';
  to_addr: string;
  campaign: string;
  locale: string;
  token: string | null;
  attempts: number;
}

/** What became of a mail handed to the SMTP server: its row is deleted, or it is tried again at `at`. */
export type MailOutcome = { done: true } | { done: false; at: number };

/** The mail outbox as the mailer (mail/outbox.ts) sees it. */
export interface Outbox {
  /**
   * Takes the next mail due at `now` so that no other sender (another receiver on the same database) can
   * take it meanwhile, hands it to `send`, and settles its row by the outcome. False when none was due.
   */
  sendNext(now: number, send: (row: OutboxRow) => Promise<MailOutcome>): Promise<boolean>;
  /** When the earliest waiting mail is due (ms since the epoch), or null. */
  nextAt(): Promise<number | null>;
  /** At start: what waited for a retry goes now (a restart is often what fixed the mail settings). */
  retryNow(now: number): Promise<void>;
  /** Holds every waiting mail of `kind` due before `until` back to `until` (the alerts' per-minute cap). */
  postpone(kind: string, until: number): Promise<void>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Confirmation by e-mail is on: pledges wait for their owner's confirmation before they count. */
  readonly confirmOn: boolean;
  readonly hash: EmailHasher;
  readonly outbox: Outbox;
  /**
   * Takes a pledge in (group-committed with those arriving at the same time); resolves once it is
   * durable. Whether it was new, a retry or a known address is decided later, never in this answer.
   * Rejects with StoreBusyError (answered 503 + Retry-After) when the database cannot take it now.
   */
  add(pledge: PledgeInput): Promise<void>;
  /** Sorts what was taken in (new, retry, known address) now, instead of on its timer. */
  sortNow(): Promise<void>;
  /** Confirmed pledges in a campaign, or those a partner brought to it. */
  count(campaign: string, partner?: string): Promise<number>;
  /** A campaign's confirmed pledges in storage order, read a page at a time. */
  pledges(campaign: string, pageSize?: number): AsyncIterable<PledgeRow>;
  confirmTarget(token: string): Promise<ConfirmTarget | undefined>;
  /** Confirms the pledge of a token (a second time changes nothing); returns what it points at now. */
  confirm(token: string): Promise<ConfirmTarget | undefined>;
  /** Erases a person's pledge in a campaign and any mail waiting for them; returns 0 or 1. */
  erase(campaign: string, email: string): Promise<number>;
  /** One retention pass (retention.ts). */
  sweep(options: RetentionOptions): Promise<SweepResult>;
  /** Whether a write could start now, without waiting long (for /healthz). */
  canWrite(): Promise<boolean>;
  /** The last write failed for another reason than a short lock: /healthz says unhealthy meanwhile. */
  readonly writeFailing: boolean;
  /** Where failures of background work (sorting) are told; set by the server to its log. */
  warn: (what: string, error: unknown) => void;
  /** Writes what is pending and closes. */
  close(): Promise<void>;
}
