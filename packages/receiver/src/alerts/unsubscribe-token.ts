// The unsubscribe link's token (#19 follow-up): the subscriber's id and a MAC of it under the receiver's
// e-mail key, computed when an alert is composed and checked when the link is used. Nothing of it is
// stored, so a copy of the database (a backup, a stolen disk) holds no link that unsubscribes anyone:
// without the key file (or SAMLENG_EMAIL_KEY) nobody can make one. The MAC comes from the e-mail hasher
// (HMAC-SHA-256 under that key) of a text no address can be (it has no `@`), so it never equals a stored
// address hash.
import { timingSafeEqual } from 'node:crypto';
import type { EmailHasher } from '../email-hash.js';

/** A canonical (lower-case) UUID, as the sign-up's `id` is stored. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** 22 base64url characters of the MAC: 132 bits, and the token (58 characters) fits the route's 64. */
const MAC_LENGTH = 22;

const mac = (hash: EmailHasher, id: string) => hash(`samleng unsubscribe ${id}`).slice(0, MAC_LENGTH);

/** The token of subscriber `id`'s unsubscribe link. */
export function unsubscribeToken(hash: EmailHasher, id: string): string {
  return `${id}${mac(hash, id)}`;
}

/** The subscriber id a token was made for, when its MAC is right; undefined for any other text. */
export function unsubscribeId(hash: EmailHasher, token: string): string | undefined {
  const id = token.slice(0, 36);
  if (token.length !== 36 + MAC_LENGTH || !UUID.test(id)) return undefined;
  const given = Buffer.from(token.slice(36));
  return timingSafeEqual(given, Buffer.from(mac(hash, id))) ? id : undefined;
}
