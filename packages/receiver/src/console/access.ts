// Who a token or a session speaks for: the admin token (SAMLENG_ADMIN_TOKEN) sees every pledge; a partner
// token (SAMLENG_PARTNER_TOKENS, `partner:token` pairs) sees, exports and erases only pledges whose
// `partner` is its own. Every query of the console and of the API takes an Access and filters by it
// (queries.ts), so scoping is decided here once and enforced in SQL.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../config-error.js';

/** `partner` undefined: the admin, who sees every partner's pledges. */
export interface Access {
  partner: string | undefined;
}

export interface PartnerToken {
  partner: string;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the bearer guard or the console's session check: whose pledges this request may see. */
    access: Access | null;
  }
}

const PARTNER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Parses SAMLENG_PARTNER_TOKENS: `khmer-voices:3f…,amis-du-cambodge:9a…`; throws ConfigError when malformed. */
export function parsePartnerTokens(value: string | undefined, minLength: number): PartnerToken[] {
  const pairs = (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  return pairs.map((pair) => {
    const colon = pair.indexOf(':');
    const partner = colon > 0 ? pair.slice(0, colon) : '';
    const token = colon > 0 ? pair.slice(colon + 1) : '';
    if (!PARTNER.test(partner) || partner.length > 64) {
      throw new ConfigError(
        'SAMLENG_PARTNER_TOKENS must be comma-separated partner:token pairs, e.g. khmer-voices:<token>; ' +
          'a partner name is letters, digits, . _ - as in the form’s partner attribute',
      );
    }
    if (token.length < minLength) {
      throw new ConfigError(
        `SAMLENG_PARTNER_TOKENS: the token of ${partner} must be at least ${minLength} characters (try: openssl rand -hex 32)`,
      );
    }
    return { partner, token };
  });
}

export const digestOf = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Returns a resolver from a token to its Access. Like auth.ts: SHA-256 digests compared with
 * timingSafeEqual, every configured token compared whatever matched, so neither the time nor the order
 * says which token (or how much of it) matched.
 */
export function tokenResolver(
  adminTokens: readonly string[],
  partnerTokens: readonly PartnerToken[],
): (token: string) => Access | undefined {
  const entries = [
    ...adminTokens.map((token) => ({ digest: digestOf(token), access: { partner: undefined } as Access })),
    ...partnerTokens.map((entry) => ({ digest: digestOf(entry.token), access: { partner: entry.partner } })),
  ];
  return (token) => {
    const given = digestOf(token);
    let found: Access | undefined;
    for (const entry of entries) if (timingSafeEqual(given, entry.digest)) found ??= entry.access;
    return found;
  };
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** The access a guard set on the request; a route without a guard is a bug, refused rather than open. */
export function accessOf(request: { access: Access | null }): Access {
  if (!request.access) throw new Error('a route that reads pledges has no access guard');
  return request.access;
}
