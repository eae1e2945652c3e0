// Admin authentication: `Authorization: Bearer <token>` against SAMLENG_ADMIN_TOKEN (several tokens are
// accepted during a rotation).
import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Returns a checker for Authorization headers. Tokens are compared as SHA-256 digests with
 * timingSafeEqual: equal lengths whatever was sent, and the time taken says nothing about how much of
 * the token matched. Every configured token is compared, so the count of tokens is not leaked either.
 */
export function bearerChecker(tokens: readonly string[]): (header: string | undefined) => boolean {
  const digests = tokens.map(sha256);
  return (header) => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    if (!match || digests.length === 0) return false;
    const given = sha256(match[1]);
    let ok = false;
    for (const digest of digests) ok = timingSafeEqual(given, digest) || ok;
    return ok;
  };
}
