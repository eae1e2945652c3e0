// The mail outbox in PostgreSQL, shared by every receiver on the database: a sender takes the next due
// row with FOR UPDATE SKIP LOCKED inside a transaction that stays open while the SMTP server takes the
// mail, and deletes the row (or moves it to its retry time) in that transaction. Another receiver's
// sender skips the locked row, so a mail goes once. If the sender dies (kill -9, its connection cut),
// PostgreSQL rolls its transaction back and the row is free again: the same bound as with SQLite, at
// most the one mail in flight sent twice.
import type { Pool } from 'pg';
import type { MailOutcome, Outbox, OutboxRow } from '../store-api.js';
import { checkout, classify, isUnavailable } from './errors.js';

export class PgOutbox implements Outbox {
  constructor(private readonly pool: Pool) {}

  async sendNext(now: number, send: (row: OutboxRow) => Promise<MailOutcome>): Promise<boolean> {
    const { client, release } = await checkout(this.pool);
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        `SELECT seq::float8 AS seq, kind, to_addr, campaign, locale, token, attempts FROM mail_outbox
         WHERE next_at <= $1 ORDER BY next_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const row = rows[0];
      if (!row) {
        await client.query('COMMIT');
        return false;
      }
      const outcome = await send(row);
      if (outcome.done) await client.query('DELETE FROM mail_outbox WHERE seq = $1', [row.seq]);
      else {
        await client.query('UPDATE mail_outbox SET attempts = attempts + 1, next_at = $1 WHERE seq = $2', [
          outcome.at,
          row.seq,
        ]);
      }
      await client.query('COMMIT');
      return true;
    } catch (error) {
      broken = isUnavailable(error) ? error : undefined;
      await client.query('ROLLBACK').catch(() => {});
      throw classify(error);
    } finally {
      release(broken instanceof Error ? broken : undefined);
    }
  }

  async nextAt(): Promise<number | null> {
    try {
      const { rows } = await this.pool.query<{ next: number | null }>(
        'SELECT min(next_at)::float8 AS next FROM mail_outbox',
      );
      return rows[0]?.next ?? null;
    } catch (error) {
      throw classify(error);
    }
  }

  async retryNow(now: number): Promise<void> {
    try {
      await this.pool.query('UPDATE mail_outbox SET next_at = $1 WHERE attempts > 0', [now]);
    } catch (error) {
      throw classify(error);
    }
  }

  async postpone(kind: string, until: number): Promise<void> {
    try {
      await this.pool.query('UPDATE mail_outbox SET next_at = $1 WHERE kind = $2 AND next_at < $1', [
        until,
        kind,
      ]);
    } catch (error) {
      throw classify(error);
    }
  }
}
