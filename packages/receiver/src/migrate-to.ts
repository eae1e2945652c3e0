// `samleng-receiver migrate-to <postgres-url>`: copies the SQLite file (SAMLENG_DB) into an empty
// PostgreSQL database, then checks every count. The e-mail HMACs are copied as they are, so PostgreSQL
// must use the SQLite file's key: the command says where that key is (SAMLENG_EMAIL_KEY_FILE).
import Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { loadEmailKey } from './email-hash.js';
import { PgStore } from './pg/store.js';
import { SqliteStore } from './sqlite-store.js';

const PLEDGE_COLUMNS = [
  'seq',
  'id',
  'campaign',
  'partner',
  'name',
  'email',
  'email_hash',
  'country',
  'phone',
  'city',
  'comment',
  'consent_text',
  'consent_at',
  'locale',
  'page_url',
  'confirmed_at',
  'token_hash',
  'stripped_at',
] as const;
const OUTBOX_COLUMNS = [
  'seq',
  'pledge_id',
  'kind',
  'to_addr',
  'addr_hash',
  'campaign',
  'locale',
  'token',
  'attempts',
  'next_at',
] as const;
const QUOTA_COLUMNS = ['addr_hash', 'day', 'n'] as const;

/** Columns whose PostgreSQL type is a number (the rest are text). */
/** Cases and alert subscribers (#19). */
const CASE_COLUMNS = [
  'id',
  'body',
  'published',
  'needs_action',
  'revision',
  'created_at',
  'updated_at',
  'published_at',
] as const;
const HISTORY_COLUMNS = ['seq', 'case_id', 'at', 'actor', 'field'] as const;
const SUBSCRIBER_COLUMNS = [
  'seq',
  'id',
  'email',
  'email_hash',
  'language',
  'partner',
  'consent_text',
  'page_url',
  'created_at',
  'confirmed_at',
  'token_hash',
  'unsub_old_hash',
] as const;
const INTAKE_COLUMNS = ['seq', 'id', 'email_hash', 'partner', 'body', 'received_at'] as const;
const NUMERIC = new Set(['seq', 'attempts', 'next_at', 'n', 'published', 'needs_action', 'revision']);

export interface MigrateReport {
  /** What was compared, SQLite's figure and PostgreSQL's. */
  checks: { what: string; sqlite: number; postgres: number }[];
  ok: boolean;
  keyFile: string;
}

async function copy(
  client: PoolClient,
  source: Database.Database,
  table: string,
  columns: readonly string[],
  where = '',
): Promise<void> {
  const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table} ${where} ORDER BY 1`);
  const unnest = columns.map(
    (column, index) => `$${index + 1}::${NUMERIC.has(column) ? 'bigint' : 'text'}[]`,
  );
  const insert = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest.join(', ')})`;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(
      insert,
      columns.map((column) => batch.map((row) => row[column] ?? null)),
    );
    batch = [];
  };
  for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
    batch.push(row);
    if (batch.length === 1000) await flush();
  }
  await flush();
}

/** Copies `sqlitePath` into the empty database at `url`, and compares every count. */
export async function migrateTo(sqlitePath: string, url: string): Promise<MigrateReport> {
  // Opening the SQLite store brings its schema up to date and sorts what waited in its intake.
  const sqlite = new SqliteStore({ path: sqlitePath });
  await sqlite.sortNow();
  await sqlite.close();
  const key = loadEmailKey(sqlitePath);
  const source = new Database(sqlitePath, { readonly: true });
  const target = await PgStore.open({ url, emailKey: key, sortDelay: () => 60_000 });
  const checks: MigrateReport['checks'] = [];
  try {
    const client = await target.pool.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM pledges) + (SELECT count(*) FROM mail_outbox) AS n',
      );
      if (Number(rows[0]?.n) > 0) {
        throw new Error(
          'the PostgreSQL database already holds pledges or mails: migrate-to copies into an empty one',
        );
      }
      await client.query('BEGIN');
      // Copied rows were sorted in SQLite (the intake was emptied above): they count at once.
      await copy(client, source, 'pledges', PLEDGE_COLUMNS, 'WHERE sorted = 1');
      await client.query('UPDATE pledges SET sorted = true');
      await copy(client, source, 'mail_outbox', OUTBOX_COLUMNS);
      await copy(client, source, 'mail_quota', QUOTA_COLUMNS);
      await copy(client, source, 'cases', CASE_COLUMNS);
      await copy(client, source, 'case_history', HISTORY_COLUMNS);
      await copy(client, source, 'subscribers', SUBSCRIBER_COLUMNS);
      await copy(client, source, 'subscription_intake', INTAKE_COLUMNS);
      const changed = source.prepare('SELECT changed_at FROM case_feed_state').pluck().get();
      if (typeof changed === 'string') {
        await client.query('INSERT INTO case_feed_state (id, changed_at) VALUES (1, $1)', [changed]);
      }
      // The identity columns go on after the copied numbers.
      for (const table of ['pledges', 'mail_outbox', 'case_history', 'subscribers', 'subscription_intake']) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'seq'), coalesce((SELECT max(seq) FROM ${table}), 0) + 1, false)`,
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }

    const one = (sql: string) => Number(source.prepare(sql).pluck().get() ?? 0);
    const pgOne = async (sql: string) =>
      Number(Object.values((await target.pool.query(sql)).rows[0] ?? {})[0] ?? 0);
    for (const table of ['pledges', 'mail_outbox', 'mail_quota', 'cases', 'case_history', 'subscribers']) {
      checks.push({
        what: `rows in ${table}`,
        sqlite: one(`SELECT count(*) FROM ${table}`),
        postgres: await pgOne(`SELECT count(*) FROM ${table}`),
      });
    }
    checks.push({
      what: 'confirmed pledges',
      sqlite: one('SELECT count(*) FROM pledges WHERE sorted = 1 AND confirmed_at IS NOT NULL'),
      postgres: await pgOne('SELECT count(*) FROM pledges WHERE confirmed_at IS NOT NULL'),
    });
    // Every public count, campaign by campaign and partner by partner, as each store answers it.
    const counts = source
      .prepare('SELECT campaign, partner, n FROM pledge_counts ORDER BY campaign, partner')
      .all() as { campaign: string; partner: string; n: number }[];
    const { rows: pgCounts } = await target.pool.query<{ campaign: string; partner: string; n: number }>(
      'SELECT campaign, partner, n::float8 AS n FROM pledge_counts WHERE n <> 0 ORDER BY campaign, partner',
    );
    const keyOf = (row: { campaign: string; partner: string }) => `${row.campaign} ${row.partner || '(all)'}`;
    const pgByKey = new Map(pgCounts.map((row) => [keyOf(row), row.n]));
    const all = new Set([...counts.filter((row) => row.n !== 0).map(keyOf), ...pgByKey.keys()]);
    const sqliteByKey = new Map(counts.map((row) => [keyOf(row), row.n]));
    for (const name of [...all].sort()) {
      checks.push({
        what: `count ${name}`,
        sqlite: sqliteByKey.get(name) ?? 0,
        postgres: pgByKey.get(name) ?? 0,
      });
    }
    checks.push({
      what: 'distinct pledge ids',
      sqlite: one('SELECT count(DISTINCT id) FROM pledges'),
      postgres: await pgOne('SELECT count(DISTINCT id) FROM pledges'),
    });
  } finally {
    source.close();
    await target.close();
  }
  return {
    checks,
    ok: checks.every((check) => check.sqlite === check.postgres),
    keyFile: `${sqlitePath}.key`,
  };
}
