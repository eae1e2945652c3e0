// Which store: a `postgres://` (or `postgresql://`) URL in SAMLENG_DB is PostgreSQL (pg/store.ts), for
// several receivers on one database; anything else is the SQLite file (sqlite-store.ts), as before.
import { ConfigError } from './config-error.js';
import { isPostgresUrl, PgStore } from './pg/store.js';
import { SqliteStore } from './sqlite-store.js';
import type { StoreOptions } from './store.js';
import type { Store } from './store-api.js';

export { isPostgresUrl };

export interface OpenStoreOptions extends StoreOptions {
  /** PostgreSQL only (required there): the e-mail HMAC's key, shared by every receiver. */
  emailKey?: Buffer;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (!isPostgresUrl(options.path)) return new SqliteStore(options);
  const { path, emailKey, ...rest } = options;
  if (!emailKey) {
    throw new ConfigError(
      'SAMLENG_EMAIL_KEY (or SAMLENG_EMAIL_KEY_FILE) must be set with a postgres:// SAMLENG_DB: the same key on every receiver (openssl rand -base64 32)',
    );
  }
  return PgStore.open({ ...rest, url: path, emailKey });
}
