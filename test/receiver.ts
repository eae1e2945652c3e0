/**
 * Browser side of test/receiver-plugin.mjs: start, stop and restart the real pledge receiver from a test.
 *
 * ```ts
 * let receiver: ReceiverHandle;
 * before(async () => (receiver = await startReceiver()));
 * after(() => closeReceiver(receiver.id));
 * ```
 *
 * Counts are answered with `Cache-Control: max-age=5`: a test that reads a count twice must fetch it with
 * `{cache: 'no-store'}`, or it may see the browser's copy instead of the receiver.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface ReceiverOptions {
  /** Pledges per client IP per minute (default 100,000: effectively none). */
  rateLimit?: number;
  /** Origins allowed to post (default `['*']`, which includes the test page). */
  allowedOrigins?: string[];
  /**
   * Ms the receiver waits before sorting its intake, which is when a pledge enters the count (default 0:
   * at once; in production 100–400 ms, so that no answer's timing tells whether an address had pledged).
   */
  sortDelayMs?: number;
}

export interface ReceiverHandle {
  id: string;
  /** `http://127.0.0.1:<port>`; the port stays the same across a stop and restart. */
  url: string;
  /** `${url}/api/pledges`: where a form posts; `${endpoint}/count?campaign=…` is the count. */
  endpoint: string;
}

/** A pledge as the receiver stored it (the columns of its CSV export, unescaped). */
export interface StoredPledge {
  id: string;
  campaign: string;
  /** `''` when the form named no partner. */
  partner: string;
  name: string;
  email: string;
  country: string | null;
  phone: string | null;
  city: string | null;
  comment: string | null;
  consent_text: string;
  /** ISO 8601, UTC: when the receiver stored it. */
  consent_at: string;
  locale: string;
  page_url: string | null;
}

/** A POST as it reached the receiver (its request log), whatever came of it. */
export interface ReceivedPost {
  /** `/api/pledges` for a pledge. */
  path: string;
  /** The pledge's id, once the receiver had read the body (absent for a body that is not JSON). */
  id?: string;
  /** The answer's status, once it was given. */
  status?: number;
}

type Payload =
  | ({ action: 'start' } & ReceiverOptions)
  | { action: 'stop' | 'restart' | 'close' | 'requests'; id: string }
  | { action: 'rows'; id: string; campaign: string };

// Captured before any test installs sinon's fake timers.
const realSetTimeout = window.setTimeout.bind(window);
const LATE_MS = 15_000;

/**
 * Fails with the action's name when the plugin has not answered in 15 s, so a slow machine reports what
 * was slow instead of a bare hook timeout.
 */
const late = (action: string) =>
  new Promise<never>((_, reject) =>
    realSetTimeout(
      () => reject(new Error(`samleng-receiver: "${action}" had no answer in ${LATE_MS / 1000} s`)),
      LATE_MS,
    ),
  );

/** Runs an action in the plugin; its failures (an unknown id, a port taken) are thrown here, in the test. */
async function command<R>(payload: Payload): Promise<R> {
  const answer = await Promise.race([
    executeServerCommand<R | { error: string }, Payload>('samleng-receiver', payload),
    late(payload.action),
  ]);
  if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(answer.error);
  return answer as R;
}

/** A new receiver on a free port, with an empty database of its own. */
export const startReceiver = (options: ReceiverOptions = {}) =>
  command<ReceiverHandle>({ action: 'start', ...options });

/** Stops listening (connections are refused) but keeps the database and the port for restartReceiver(). */
export const stopReceiver = (id: string) => command<ReceiverHandle>({ action: 'stop', id });

/** Listens again on the same port with the same database. */
export const restartReceiver = (id: string) => command<ReceiverHandle>({ action: 'restart', id });

/** Stops the receiver and deletes its database. */
export const closeReceiver = (id: string) => command<{ id: string; closed: true }>({ action: 'close', id });

/** The pledges stored for a campaign, oldest first (also while the receiver is stopped). */
export const receiverRows = (id: string, campaign: string) =>
  command<StoredPledge[]>({ action: 'rows', id, campaign });

/**
 * Every POST that reached the receiver, oldest first, across its stops and restarts: where the rows
 * show a pledge once however often it came, this shows how often it came (from any tab of the test).
 */
export const receiverPosts = (id: string) => command<ReceivedPost[]>({ action: 'requests', id });

/** How many POSTs of the pledge `pledgeId` reached the receiver. */
export const postsOf = async (id: string, pledgeId: string) =>
  (await receiverPosts(id)).filter((post) => post.id === pledgeId).length;

let campaigns = 0;

/**
 * A campaign name no other test uses (receivers are shared within a file and counts are per campaign), valid
 * for the receiver: `[A-Za-z0-9][A-Za-z0-9._-]*`, at most 64 characters.
 */
export function uniqueCampaign(prefix = 'test'): string {
  const safe = prefix.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'test';
  campaigns += 1;
  const suffix = `-${campaigns}-${crypto.randomUUID().slice(0, 8)}`;
  return safe.slice(0, 64 - suffix.length) + suffix;
}
