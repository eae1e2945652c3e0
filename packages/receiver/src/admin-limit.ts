// Failed admin attempts, limited per client address so a token cannot be guessed: the per-route rate
// limit alone did not count refusals (the token check ran before it), and counted successes too.
import { clientAddress } from './client-address.js';

export interface FailureLimiterOptions {
  /** Failures allowed per address in a window (default 10). */
  max?: number;
  /** The window in milliseconds (default one minute). */
  windowMs?: number;
  /** Addresses remembered at most; past this, expired entries are dropped, then the oldest. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Counts failures per key in fixed windows. While a key is over the limit every attempt from it is
 * refused with 429, a right token included: a guess that happens to be right during the block tells
 * nothing. Checked first, before the token, so the order of checks leaks nothing either. Created once
 * in createServer (`app.adminFailures`) so every kind of admin sign-in counts against the same budget.
 */
export class FailureLimiter {
  readonly max: number;
  readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, { failures: number; resetAt: number }>();

  constructor(options: FailureLimiterOptions = {}) {
    this.max = options.max ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Seconds to wait before trying again, or 0 when `key` may try. */
  retryAfter(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.entries.delete(key);
      return 0;
    }
    return entry.failures >= this.max ? Math.ceil(left / 1000) : 0;
  }

  /** Records a failed attempt by `key`. */
  fail(key: string): void {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.resetAt > now) {
      entry.failures += 1;
      return;
    }
    if (this.entries.size >= this.maxEntries) this.prune(now);
    this.entries.set(key, { failures: 1, resetAt: now + this.windowMs });
  }

  /** For a request: its client address is the key. */
  keyOf(request: { ip: string }): string {
    return clientAddress(request);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (entry.resetAt <= now) this.entries.delete(key);
    // Still full (a flood of fresh addresses): forget the oldest; a Map iterates in insertion order.
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

/** The subset of fastify's request and reply the guard uses. */
interface GuardRequest {
  ip: string;
  headers: { authorization?: string | undefined };
  routeOptions?: { url?: string | undefined };
  log: { warn(object: object, message: string): void };
}
interface GuardReply {
  header(name: string, value: string): unknown;
  status(code: number): { send(body: unknown): unknown };
}

/**
 * The admin routes' onRequest hook: 429 with Retry-After while the address is over its failures, then the
 * token; a wrong or missing token is a failure, logged as a warning with the route only (never the
 * header, which may hold a real token with a typo).
 */
export function adminGuard(limiter: FailureLimiter, isAdmin: (header: string | undefined) => boolean) {
  return async (request: GuardRequest, reply: GuardReply): Promise<unknown> => {
    const key = limiter.keyOf(request);
    const wait = limiter.retryAfter(key);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return reply.status(429).send({ errors: { rate: 'rate-limited' } });
    }
    if (isAdmin(request.headers.authorization)) return undefined;
    limiter.fail(key);
    request.log.warn({ route: request.routeOptions?.url }, 'admin authentication failed');
    reply.header('www-authenticate', 'Bearer realm="samleng-receiver"');
    return reply.status(401).send({ errors: { authorization: 'invalid' } });
  };
}
