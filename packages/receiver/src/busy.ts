// Another process holding SQLite's write lock (a backup, the sqlite3 shell, a second receiver) must not
// freeze this one. better-sqlite3 is synchronous: with a busy timeout, SQLite would sleep inside the call
// and the whole event loop with it (a 3 s lock froze /healthz for 3 s). So the busy timeout is 0 once the
// store is open, and a write that finds the lock taken is retried on timers, the loop free meanwhile,
// for about two seconds; then the pledge is answered 503 with Retry-After and the form's outbox retries.

/** Waits between attempts (ms): about 2 s in all, short at first since most locks are brief. */
export const BUSY_RETRY_DELAYS: readonly number[] = [25, 50, 100, 200, 400, 500, 725];

/** Seconds a client is asked to wait after a 503 for a held lock. */
export const BUSY_RETRY_AFTER_S = 5;

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), also SQLITE_LOCKED. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** The error a write gives up with; the server answers it 503 + Retry-After. */
export class StoreBusyError extends Error {
  readonly statusCode = 503;
  readonly code = 'SAMLENG_STORE_BUSY';
  constructor() {
    super('the database is locked by another process');
    this.name = 'StoreBusyError';
  }
}

/**
 * Runs `write` now; while it fails with SQLITE_BUSY, again after each of `delays` (on timers, so the
 * event loop runs meanwhile). Calls `done` with the result, or with StoreBusyError (or the write's own
 * error) when it gives up.
 */
export function writeWithRetry<T>(
  write: () => T,
  done: (error: unknown, result?: T) => void,
  delays: readonly number[] = BUSY_RETRY_DELAYS,
  attempt = 0,
): void {
  let result: T;
  try {
    result = write();
  } catch (error) {
    if (!isBusy(error)) return done(error);
    if (attempt >= delays.length) return done(new StoreBusyError());
    setTimeout(() => writeWithRetry(write, done, delays, attempt + 1), delays[attempt]);
    return;
  }
  done(undefined, result);
}

/**
 * Runs `write` until it is not refused by a held lock, waiting on timers between tries, for work that
 * must not be dropped and has no client waiting (the mail outbox marking a mail sent: dropping that
 * write would send the mail again). Stops quietly when `open()` turns false.
 */
export async function writeWhenFree<T>(write: () => T, open: () => boolean): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    if (!open()) return undefined;
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
    const wait = BUSY_RETRY_DELAYS[Math.min(attempt, BUSY_RETRY_DELAYS.length - 1)];
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
