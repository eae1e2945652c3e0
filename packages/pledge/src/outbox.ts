/**
 * The outbox: where a pledge waits until the receiver has it.
 *
 * A pledge is written here before the first attempt, so a tab closed mid-request loses nothing, and
 * leaves only on an answer that settles it (2xx, or a 4xx that no retry can change). Entries live in
 * local storage, shared by every pledge form of the page and every tab, and are retried with backoff
 * while the page is open, when the browser says it is back `online`, and on the next page load that
 * has any Samleng pledge widget for the same endpoint. Every attempt reuses the pledge's id, so the
 * receiver counts a pledge once however often it arrives; and one tab at a time sends a pledge (a Web
 * Lock per pledge), so tabs that come back online together do not each send it. Personal data older
 * than seven days is dropped unsent: a reader who pledged a week ago on a borrowed phone should not be
 * posted by a stranger's next visit.
 */
import { pageStorage, readJson, writeJson, type KeyValueStore } from '@samleng/core';
import { reportCount } from './count-source.js';
import { countUrl } from './endpoint.js';
import { sendPledge, type PledgeBody, type SendResult } from './send.js';

export interface OutboxEntry {
  endpoint: string;
  body: PledgeBody;
  /** When the reader pledged (ms since the epoch). */
  queuedAt: number;
}

/** A pledge the outbox settled in the background (sent, or refused for good). */
export interface Delivery {
  id: string;
  endpoint: string;
  result: SendResult;
}

const KEY = 'samleng-pledge-outbox';
export const MAX_AGE = 7 * 24 * 3600 * 1000;
/** More than this many waiting pledges on one device is not a reader: the oldest go. */
const MAX_ENTRIES = 50;
const FIRST_DELAY = 5_000;
const MAX_DELAY = 10 * 60_000;

const inFlight = new Set<string>();
const draining = new Map<string, Promise<void>>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const failures = new Map<string, number>();
const listeners = new Set<(delivery: Delivery) => void>();
let store: KeyValueStore | undefined;
let watching = false;
/** Tells the site's other tabs what this one settled from the outbox: a form there may wait for it. */
let tabs: BroadcastChannel | undefined;

const storage = (): KeyValueStore => (store ??= pageStorage());

/** Tests give the outbox a store of their own (e.g. one that cannot persist). */
export function useOutboxStore(value: KeyValueStore | undefined): void {
  store = value;
}

/** Whether a waiting pledge survives a reload (false where the browser blocks storage). */
export function outboxPersistent(): boolean {
  return storage().persistent;
}

const isEntry = (value: unknown): value is OutboxEntry => {
  const entry = value as OutboxEntry | null;
  return (
    typeof entry?.endpoint === 'string' &&
    typeof entry.queuedAt === 'number' &&
    typeof entry.body?.id === 'string' &&
    typeof entry.body.campaign === 'string'
  );
};

/** The waiting pledges, without expired or unreadable ones (which are dropped from storage too). */
export function outboxEntries(now = Date.now()): OutboxEntry[] {
  const raw = readJson<unknown>(storage(), KEY, []);
  const all = Array.isArray(raw) ? raw : [];
  const kept = all.filter((entry): entry is OutboxEntry => isEntry(entry) && now - entry.queuedAt < MAX_AGE);
  if (kept.length !== all.length) save(kept);
  return kept;
}

function save(entries: OutboxEntry[]): void {
  if (entries.length === 0) storage().removeItem(KEY);
  else writeJson(storage(), KEY, entries.slice(-MAX_ENTRIES));
}

function remove(id: string): void {
  save(outboxEntries().filter((entry) => entry.body.id !== id));
}

/** Hears every pledge the outbox settles in the background; returns a function that stops. */
export function onDelivery(listener: (delivery: Delivery) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Keeps the pledge, then tries to deliver it at once. The result says what the form should show;
 * on `retry` the pledge stays and is retried on its own.
 */
export async function submitPledge(endpoint: string, body: PledgeBody): Promise<SendResult> {
  watch();
  // Locked before it is written, so no other tab can take the pledge up while this one sends it.
  const keepAndSend = () => keepThenAttempt(endpoint, body);
  const result = await withLock(body.id, {}, keepAndSend, keepAndSend);
  if (result.kind === 'retry') scheduleRetry(endpoint, result.after);
  return result;
}

/** Writes the pledge to the outbox, then makes the first attempt. */
function keepThenAttempt(endpoint: string, body: PledgeBody): Promise<SendResult> {
  save([
    ...outboxEntries().filter((entry) => entry.body.id !== body.id),
    { endpoint, body, queuedAt: Date.now() },
  ]);
  return attempt(endpoint, body);
}

/** Sends what waits for `endpoint` (a widget for it connected, or the browser came back online). */
export function resumeOutbox(endpoint: string): Promise<void> {
  watch();
  let run = draining.get(endpoint);
  if (!run) {
    run = drain(endpoint).finally(() => draining.delete(endpoint));
    draining.set(endpoint, run);
  }
  return run;
}

async function drain(endpoint: string): Promise<void> {
  clearTimeout(timers.get(endpoint));
  timers.delete(endpoint);
  for (const entry of outboxEntries()) {
    if (entry.endpoint !== endpoint || inFlight.has(entry.body.id)) continue;
    const result = await sendWaiting(endpoint, entry.body);
    // Another tab is sending it, or has settled it.
    if (!result) continue;
    if (result.kind === 'retry') {
      // The receiver is away: the rest would fail the same way. All wait for the next try.
      scheduleRetry(endpoint, result.after);
      return;
    }
    announce({ id: entry.body.id, endpoint, result });
  }
}

/**
 * Runs `locked` holding the pledge's Web Lock, shared by every tab of the site (`null` with
 * `ifAvailable` when another tab holds it); or `unlocked` where the browser has no Web Locks (a page on
 * plain http, an older browser) or refuses one (an opaque origin, blocked storage).
 */
async function withLock<T>(
  id: string,
  options: LockOptions,
  locked: (lock: Lock | null) => Promise<T>,
  unlocked: () => Promise<T>,
): Promise<T> {
  const locks = (navigator as { locks?: LockManager }).locks;
  if (!locks) return unlocked();
  let granted = false;
  try {
    return await locks.request(`samleng-pledge ${id}`, options, (lock) => {
      granted = true;
      return locked(lock);
    });
  } catch (error) {
    if (granted) throw error;
    return unlocked();
  }
}

/**
 * Sends a pledge read from the outbox, unless another tab holds its lock (it is sending it) or has
 * settled it since the outbox was read: only under the lock is "still waiting" a final answer. Without
 * Web Locks tabs cannot see each other's sends; within a tab, `inFlight` and one drain per endpoint
 * keep a pledge from going twice.
 */
function sendWaiting(endpoint: string, body: PledgeBody): Promise<SendResult | undefined> {
  const waiting = () => outboxEntries().some((entry) => entry.body.id === body.id);
  return withLock(
    body.id,
    { ifAvailable: true },
    async (lock) => (lock && waiting() ? attempt(endpoint, body) : undefined),
    () => attempt(endpoint, body),
  );
}

/** One delivery of one pledge; settles its outbox entry unless the answer says "try again". */
async function attempt(endpoint: string, body: PledgeBody): Promise<SendResult> {
  inFlight.add(body.id);
  try {
    const result = await sendPledge(endpoint, body);
    if (result.kind !== 'retry') {
      remove(body.id);
      failures.delete(endpoint);
    }
    // The answer carries no count (it would tell whether the address was new): the count is read
    // again, and moves when the pledge is confirmed.
    if (result.kind === 'sent') reportCount(countUrl(endpoint, body.campaign), result.count);
    return result;
  } finally {
    inFlight.delete(body.id);
  }
}

/** Backoff with jitter: about 5 s, 15 s, 45 s… up to 10 minutes, or later when the server asks. */
function scheduleRetry(endpoint: string, after = 0): void {
  const count = (failures.get(endpoint) ?? 0) + 1;
  failures.set(endpoint, count);
  const backoff = Math.min(MAX_DELAY, FIRST_DELAY * 3 ** (count - 1)) * (0.8 + Math.random() * 0.4);
  clearTimeout(timers.get(endpoint));
  timers.set(
    endpoint,
    setTimeout(() => void resumeOutbox(endpoint), Math.max(backoff, after)),
  );
}

function notify(delivery: Delivery): void {
  for (const listener of [...listeners]) listener(delivery);
}

/** A delivery of this tab's, for its listeners and the other tabs' (a form there may wait for it). */
function announce(delivery: Delivery): void {
  notify(delivery);
  tabs?.postMessage(delivery);
}

/** Listens, once per page, for the browser coming back online and for what other tabs delivered. */
function watch(): void {
  if (watching) return;
  watching = true;
  if (typeof BroadcastChannel === 'function') {
    tabs = new BroadcastChannel('samleng-pledge-outbox');
    tabs.addEventListener('message', ({ data }: MessageEvent<Partial<Delivery> | null>) => {
      if (typeof data?.id === 'string' && typeof data.endpoint === 'string' && data.result)
        notify(data as Delivery);
    });
  }
  window.addEventListener('online', () => {
    for (const endpoint of new Set(outboxEntries().map((entry) => entry.endpoint))) {
      failures.delete(endpoint);
      void resumeOutbox(endpoint);
    }
  });
}
