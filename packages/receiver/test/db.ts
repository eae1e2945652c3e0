// Which store the suite runs on: SQLite files (default), or PostgreSQL when SAMLENG_TEST_DB=postgres —
// then scripts/test-receiver-pg.mjs has started one throwaway cluster (pg_virtualenv) for the whole run
// and set PGHOST/PGPORT/PGUSER/PGPASSWORD, and each test file gets fresh databases (CREATE DATABASE).
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export const onPostgres = process.env.SAMLENG_TEST_DB === 'postgres';

/** For `describe(…, {skip})`: tests of SQLite's own files and locks. */
export const sqliteOnly = onPostgres ? 'SQLite only (its files and its lock)' : false;
/**
 * For tests of the HTTP layer alone (slow sockets, a spreadsheet opening the CSV): the same code whichever
 * store is behind it, so the PostgreSQL run skips them to keep CI's time.
 */
export const storeIndependent = onPostgres ? 'the same on either store: run by the SQLite suite' : false;
export const postgresOnly = onPostgres ? false : 'PostgreSQL only: npm run test:receiver:pg';

/** The e-mail key of every PostgreSQL database of this test file. */
export const TEST_EMAIL_KEY = randomBytes(32);

/** What a receiver started by a test needs besides SAMLENG_DB. */
export const storeEnv: Record<string, string> = onPostgres
  ? { SAMLENG_EMAIL_KEY: TEST_EMAIL_KEY.toString('base64') }
  : {};

/** A URL to the throwaway cluster; `database` defaults to the maintenance database. */
export function clusterUrl(database = 'postgres'): string {
  const { PGHOST, PGPORT, PGUSER, PGPASSWORD } = process.env;
  if (!PGHOST || !PGPORT) {
    throw new Error(
      'SAMLENG_TEST_DB=postgres needs a cluster: run `npm run test:receiver:pg` (it starts one with pg_virtualenv)',
    );
  }
  const user = encodeURIComponent(PGUSER ?? 'postgres');
  const password = PGPASSWORD ? `:${encodeURIComponent(PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${PGHOST}:${PGPORT}/${database}`;
}

const databases = new Map<string, string>();

/**
 * A fresh, empty PostgreSQL database. Not dropped after the file: receivers may still hold connections
 * then, and the whole cluster is dropped at the end of the run.
 */
export async function freshDatabase(): Promise<string> {
  const name = `samleng_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = clusterUrl(name);
  databases.set(name, url);
  return url;
}

/**
 * Where a test's pledges go: the SQLite path itself, or on PostgreSQL one database per path (the same
 * path again, as in a restart test, is the same database).
 */
export async function testDatabase(path: string): Promise<string> {
  if (!onPostgres || path.startsWith('postgres')) return path;
  const known = databases.get(path);
  if (known) return known;
  const url = await freshDatabase();
  databases.set(path, url);
  return url;
}

/** One number from either store, e.g. `SELECT count(*) FROM pledges WHERE campaign = 'x'`. */
export async function scalar(location: string, sql: string, params: unknown[] = []): Promise<number> {
  if (location.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      let n = 0;
      const { rows } = await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return Number(Object.values(rows[0] ?? {})[0] ?? 0);
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true });
  try {
    return Number(
      db
        .prepare(sql)
        .pluck()
        .get(...params) ?? 0,
    );
  } finally {
    db.close();
  }
}

/** Rows from either store. */
export async function rows<T>(location: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (location.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
