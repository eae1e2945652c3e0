// SAMLENG_TRUST_PROXY: which X-Forwarded-For entries the receiver believes. The rate limits key on the
// client's address, so believing too much lets a client choose its own key: with `true`, the left-most
// entry counts, and a client writes that one itself (nginx and Caddy append to what the client sent:
// `spoof, real`). A hop count or the proxy's own addresses take the entry the proxy wrote.
import { isIP } from 'node:net';
import { ConfigError } from './config-error.js';

/** What fastify's `trustProxy` takes: off, a hop count, a list of addresses/CIDRs, or (unsafe) `true`. */
export type TrustProxy = boolean | number | string[];

const CIDR = /^(.+)\/(\d{1,3})$/;

function isAddressOrCidr(entry: string): boolean {
  const cidr = CIDR.exec(entry);
  if (!cidr) return isIP(entry) !== 0 || ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
  const version = isIP(cidr[1]);
  const bits = Number(cidr[2]);
  return version !== 0 && bits <= (version === 4 ? 32 : 128);
}

/**
 * Parses SAMLENG_TRUST_PROXY: empty/`false` = off; a whole number = that many proxies in front (`1` for
 * one nginx or Caddy); addresses and CIDRs, comma-separated (`127.0.0.1`, `10.0.0.0/8`), or proxy-addr's
 * names `loopback`, `linklocal`, `uniquelocal`; `true` = believe any X-Forwarded-For (warned at start).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isAddressOrCidr(entry)) {
      throw new ConfigError(
        `SAMLENG_TRUST_PROXY: "${entry}" is not an address or CIDR; use the proxy's address (127.0.0.1), a CIDR (10.0.0.0/8) or the number of proxies in front (1)`,
      );
    }
  }
  return entries;
}

/** The start-up warning for settings that let clients pick their own address, or undefined. */
export function trustProxyWarning(trust: TrustProxy | string | undefined): string | undefined {
  if (trust !== true) return undefined;
  return 'SAMLENG_TRUST_PROXY=true believes any X-Forwarded-For: a client can choose the address the rate limits count. Set the number of proxies in front (1) or their addresses (127.0.0.1) instead';
}

/**
 * As fastify's option: a hop count becomes the function fastify itself makes of a number (its typings
 * leave numbers out): the socket's peer and the next `hops - 1` entries from the right are proxies.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}
