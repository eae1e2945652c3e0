// The e-mail HMAC's key for PostgreSQL (email-hash.ts): with SQLite it lives in a file beside the
// database, made on first start; several receivers on one PostgreSQL database need the same key, and
// the database must not hold it (a dump alone could then be searched by guessing addresses). So it is
// configuration: SAMLENG_EMAIL_KEY (base64 of 32 random bytes) or SAMLENG_EMAIL_KEY_FILE (a file holding
// that, e.g. a Docker or systemd secret, or the samleng.db.key of a SQLite file copied by migrate-to).
import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error.js';

function decode(name: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length < 32) {
    throw new ConfigError(`${name} must be at least 32 random bytes in base64 (openssl rand -base64 32)`);
  }
  return key;
}

/** The key from the environment, or undefined when neither variable is set. */
export function emailKeyFromEnv(env: NodeJS.ProcessEnv): Buffer | undefined {
  const inline = env.SAMLENG_EMAIL_KEY?.trim();
  if (inline) return decode('SAMLENG_EMAIL_KEY', inline);
  const file = env.SAMLENG_EMAIL_KEY_FILE?.trim();
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`SAMLENG_EMAIL_KEY_FILE: cannot read ${file}`);
  }
  return decode('SAMLENG_EMAIL_KEY_FILE', text);
}
