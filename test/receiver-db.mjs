// Where the browser tests' receivers keep their pledges: a SQLite file in the receiver's own directory, or,
// with SAMLENG_TEST_DB=postgres (scripts/test-pledge-pg.mjs runs web-test-runner inside a pg_virtualenv
// cluster), a fresh PostgreSQL database per receiver with its own e-mail key.
// SAMLENG_TEST_DB=postgres:firefox puts only one browser's receivers on PostgreSQL (`npm test` does: one run
// of the browser tests then meets both stores, Chromium's receivers on SQLite and Firefox's on PostgreSQL).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

const [store, browserOnly] = (process.env.SAMLENG_TEST_DB ?? '').split(':');

/** Whether the receivers of a browser (web-test-runner's name for it, "Chrome", "Firefox") use PostgreSQL. */
export const onPostgres = (browser = '') =>
  store === 'postgres' && (!browserOnly || browser.toLowerCase().includes(browserOnly));

/** `{dbPath, emailKey?}` for createServer(), for a receiver started by a test in `browser`. */
export async function receiverDatabase(dir, file = 'pledges.db', browser = '') {
  if (!onPostgres(browser)) return { dbPath: join(dir, file) };
  const { PGHOST, PGPORT, PGUSER, PGPASSWORD } = process.env;
  const base = `postgres://${encodeURIComponent(PGUSER ?? 'postgres')}:${encodeURIComponent(PGPASSWORD ?? '')}@${PGHOST}:${PGPORT}`;
  const name = `samleng_browser_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { dbPath: `${base}/${name}`, emailKey: randomBytes(32) };
}
