// Configuration from environment variables, read in one place so the README's table and the code agree.
import { ConfigError } from './config-error.js';
import { parsePartnerTokens } from './console/access.js';
import type { PartnerToken } from './console/access.js';
import { emailKeyFromEnv } from './email-key-config.js';
import { parseTrustProxy } from './trust-proxy.js';
import type { TrustProxy } from './trust-proxy.js';

export interface ReceiverConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on (`localhost` binds loopback only; a container needs `0.0.0.0`). */
  host: string;
  /** Path of the SQLite file (its directory is created), or a postgres:// URL. */
  dbPath: string;
  /** PostgreSQL: the e-mail HMAC's key (SAMLENG_EMAIL_KEY or SAMLENG_EMAIL_KEY_FILE). */
  emailKey: Buffer | undefined;
  /** Origins allowed to post pledges from a browser (`*` = any). */
  allowedOrigins: string[];
  /** Admin bearer tokens (several during a rotation); empty = admin routes always answer 401. */
  adminTokens: string[];
  /** SAMLENG_PARTNER_TOKENS: `partner:token` pairs, each token scoped to its partner's pledges. */
  partnerTokens: PartnerToken[];
  /** Pledges per client IP per minute. */
  rateLimit: number;
  /** Fastify `trustProxy`: needed behind a reverse proxy so the rate limit sees client IPs (trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** pino level, or `silent`. */
  logLevel: string;
  /** Confirmation by e-mail (double opt-in): on when SAMLENG_SMTP_URL is set. */
  mail: { smtpUrl: string; from: string; publicUrl: string } | undefined;
  /** Days a confirmation link is valid. */
  confirmDays: number;
  /** Days after which personal fields are removed; undefined keeps them. */
  retentionDays: number | undefined;
  /** Alert mails per minute from this receiver (SAMLENG_ALERTS_PER_MINUTE, default 60). */
  alertsPerMinute: number;
}

export const DEFAULT_DB = './data/samleng.db';
export const DEFAULT_RATE_LIMIT = 10;
/** Shorter admin tokens are refused at start: they could be guessed. */
export const MIN_TOKEN_LENGTH = 16;

export { ConfigError };

/** Splits a comma (or whitespace) separated list, dropping empty entries. */
export function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** An origin as browsers send it: scheme://host[:port], no path or trailing slash. */
export function normalizeOrigin(origin: string): string {
  if (origin === '*') return origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new ConfigError(
      `SAMLENG_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://example.org`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`SAMLENG_ALLOWED_ORIGINS: "${origin}" must start with http:// or https://`);
  }
  return url.origin;
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new ConfigError(`${name} must be a whole number ≥ ${min}, not "${value}"`);
  }
  return number;
}

/** SAMLENG_SMTP_URL, SAMLENG_MAIL_FROM and SAMLENG_PUBLIC_URL, all three or none. */
function mailConfig(env: NodeJS.ProcessEnv): ReceiverConfig['mail'] {
  const smtpUrl = env.SAMLENG_SMTP_URL?.trim();
  if (!smtpUrl) return undefined;
  let protocol: string;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new ConfigError('SAMLENG_SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465');
  }
  const from = env.SAMLENG_MAIL_FROM?.trim();
  if (!from || !from.includes('@')) {
    throw new ConfigError(
      'SAMLENG_MAIL_FROM must be set with SAMLENG_SMTP_URL, e.g. Campaign <pledges@example.org>',
    );
  }
  const publicUrl = env.SAMLENG_PUBLIC_URL?.trim();
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(publicUrl ?? '').protocol);
  } catch {
    ok = false;
  }
  if (!publicUrl || !ok) {
    throw new ConfigError(
      "SAMLENG_PUBLIC_URL must be set with SAMLENG_SMTP_URL: the receiver's public address, e.g. https://pledges.example.org",
    );
  }
  return { smtpUrl, from, publicUrl: publicUrl.replace(/\/+$/, '') };
}

/** Reads the configuration from `env`; throws ConfigError with a message that says what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ReceiverConfig {
  const adminTokens = list(env.SAMLENG_ADMIN_TOKEN);
  for (const token of adminTokens) {
    if (token.length < MIN_TOKEN_LENGTH) {
      throw new ConfigError(
        `SAMLENG_ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters (try: openssl rand -hex 32)`,
      );
    }
  }
  return {
    port: integer('PORT', env.PORT, 8000, 0),
    host: env.HOST?.trim() || 'localhost',
    dbPath: env.SAMLENG_DB?.trim() || DEFAULT_DB,
    emailKey: emailKeyFromEnv(env),
    allowedOrigins: list(env.SAMLENG_ALLOWED_ORIGINS).map(normalizeOrigin),
    adminTokens,
    partnerTokens: parsePartnerTokens(env.SAMLENG_PARTNER_TOKENS, MIN_TOKEN_LENGTH),
    rateLimit: integer('SAMLENG_RATE_LIMIT', env.SAMLENG_RATE_LIMIT, DEFAULT_RATE_LIMIT, 1),
    trustProxy: parseTrustProxy(env.SAMLENG_TRUST_PROXY),
    logLevel: env.SAMLENG_LOG_LEVEL?.trim() || 'info',
    mail: mailConfig(env),
    confirmDays: integer('SAMLENG_CONFIRM_DAYS', env.SAMLENG_CONFIRM_DAYS, 7, 1),
    retentionDays: env.SAMLENG_RETENTION_DAYS?.trim()
      ? integer('SAMLENG_RETENTION_DAYS', env.SAMLENG_RETENTION_DAYS, 0, 1)
      : undefined,
    alertsPerMinute: integer('SAMLENG_ALERTS_PER_MINUTE', env.SAMLENG_ALERTS_PER_MINUTE, 60, 1),
  };
}
