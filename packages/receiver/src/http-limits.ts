// How long and how many: a client that sends half its headers, half a body or nothing at all is
// disconnected in bounded time, and the number of open sockets is capped, so slow clients cannot hold
// the receiver's file descriptors and memory (Node's and fastify's defaults wait for ever: request
// timeout 0, socket timeout 0).
import type { FastifyServerOptions } from 'fastify';

export interface HttpLimits {
  /** All headers must arrive within this (ms). A pledge's headers are a few hundred bytes. */
  headersTimeoutMs: number;
  /** The whole request, body included, within this (ms): 16 KB at most, even over a slow phone link. */
  requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this (ms). */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic at all is closed after this (ms): the backstop for everything else. */
  socketTimeoutMs: number;
  /** How often Node looks for sockets over the header/request timeouts (ms); it is 30 s by default. */
  checkIntervalMs: number;
  /** Open sockets at most; beyond it new connections are closed at once (server.maxConnections). */
  maxConnections: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  maxConnections: 4_096,
};

/** The fastify options that carry the limits; `applyConnectionCap` sets the rest on the server. */
export function httpLimitOptions(given: Partial<HttpLimits> = {}): Pick<
  FastifyServerOptions,
  'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'
> & {
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...given };
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    connectionTimeout: limits.socketTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  };
}

/** The connection cap, set on the Node server fastify made (and the headers timeout, to be sure). */
export function applyConnectionCap(
  server: { maxConnections: number; headersTimeout: number },
  given: Partial<HttpLimits> = {},
): void {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...given };
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
}
