// Where the browser tests' receivers keep their pledges: a SQLite file in the receiver's own directory, or,
// with SAMLENG_TEST_DB=postgres (scripts/test-pledge-pg.mjs runs web-test-runner inside a pg_virtualenv
// cluster), a fresh PostgreSQL database per receiver with its own e-mail key.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export const onPostgres = process.env.SAMLENG_TEST_DB === 'postgres';

/** `{dbPath, emailKey?}` for createServer(). */
export async function receiverDatabase(dir, file = 'pledges.db') {
  if (!onPostgres) return { dbPath: join(dir, file) };
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
