// The e-mail address as the database's index: an HMAC-SHA-256 of the normalized address with a key kept in
// a file beside the database (`samleng.db.key`, 0600). Dedupe and erasure find a person by it; a copy of
// the database alone (a backup, a stolen disk image) cannot be searched by guessing addresses.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/** The key that makes "the same person" in a campaign: trimmed, Unicode NFC, lower case. */
export function emailKey(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** Reads the key beside `dbPath`, creating it (32 random bytes, mode 0600) on first start. */
export function loadEmailKey(dbPath: string): Buffer {
  if (dbPath === ':memory:') return randomBytes(32);
  const path = `${dbPath}.key`;
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  // 'wx': two processes starting at once cannot both write a key; the loser reads the winner's.
  try {
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  }
}

export type EmailHasher = (email: string) => string;

export function emailHasher(key: Buffer): EmailHasher {
  return (email) => createHmac('sha256', key).update(emailKey(email)).digest('base64url');
}

/** What the database keeps of a confirmation token: its SHA-256 (a leaked copy confirms nothing). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
