// PostgreSQL unreachable (restarting, failed over, the network cut) is answered like SQLite's held lock:
// 503 with Retry-After, and the pledge form's outbox sends the pledge again. Any other error stays what
// it is (a bug shows as a 500 and in the log).
import type { Pool, PoolClient } from 'pg';
import { StoreBusyError } from '../busy.js';

/** Node's socket errors and PostgreSQL's SQLSTATEs for "the server is not there now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown (a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction (a standby during a failover)
]);

/** Errors node-postgres raises itself when the connection goes or cannot be had in time. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed|Cannot use a pool after calling end|not queryable/i;

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreBusyError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

/** The database could not be reached: answered 503 + Retry-After like a held SQLite lock. */
export class StoreUnavailableError extends StoreBusyError {
  constructor() {
    super();
    this.message = 'the database cannot be reached';
    this.name = 'StoreUnavailableError';
  }
}

/** Conflicts that a transaction simply runs again: two receivers sorting one person, or a deadlock. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === '40P01' || code === '40001';
}

/** What a caller sees: StoreUnavailableError for an outage, the error itself otherwise. */
export function classify(error: unknown): unknown {
  return isUnavailable(error) && !(error instanceof StoreBusyError) ? new StoreUnavailableError() : error;
}

/**
 * A connection out of the pool for a transaction, with an error listener: the pool removes its own while
 * a client is checked out, and a connection cut then (a restart while the mailer waits for the SMTP
 * server) would otherwise be an uncaught error that ends the process. The failure shows in the next query.
 */
export async function checkout(
  pool: Pool,
): Promise<{ client: PoolClient; release: (broken?: Error) => void }> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw classify(error);
  }
  let cut: Error | undefined;
  const onError = (error: Error) => {
    cut = error;
  };
  client.on('error', onError);
  return {
    client,
    release: (broken) => {
      client.removeListener('error', onError);
      client.release(broken ?? cut);
    },
  };
}

/**
 * Runs `work` in a transaction (`begin` opens it), again on a deadlock or a unique conflict with another
 * receiver (at most 8 times); an outage is StoreUnavailableError (503 + Retry-After), and a connection it
 * broke is not handed out again.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const { client, release } = await checkout(pool);
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isUnavailable(error)) broken = error as Error;
      await client.query('ROLLBACK').catch(() => {});
      if (!isRetryable(error) || attempt >= 8) throw classify(error);
    } finally {
      release(broken);
    }
  }
}
