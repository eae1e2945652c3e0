// The checks in front of every route that reads or changes pledges: the failed-attempt limit (shared with
// every other sign-in, admin-limit.ts), the token or the session, and, for what changes something, the
// Origin. Each sets `request.access`, which the handlers pass to queries.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FailureLimiter } from '../admin-limit.js';
import { errorBody } from '../errors.js';
import { bearerToken } from './access.js';
import type { Access } from './access.js';
import type { Sessions } from './session.js';

/** 429 with Retry-After while the address is over its failed attempts; true when it answered. */
export function refusedForFailures(
  limiter: FailureLimiter,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  const wait = limiter.retryAfter(limiter.keyOf(request));
  if (wait === 0) return false;
  void reply.header('retry-after', String(wait)).status(429).send(errorBody('rate', 'rate-limited'));
  return true;
}

/**
 * Whether a browser sent this from the receiver's own pages. A state-changing request with a foreign
 * Origin is refused; one with none is not from a page (curl, a script), which a cookie never rides on.
 * The host is compared, not the scheme: behind a TLS proxy the receiver itself is spoken to in http.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file), or garbage
  }
}

/** The API's hook (export.csv, DELETE): `Authorization: Bearer` with the admin or a partner token. */
export function bearerGuard(limiter: FailureLimiter, resolve: (token: string) => Access | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    if (refusedForFailures(limiter, request, reply)) return reply;
    if (request.method !== 'GET' && !sameOrigin(request)) {
      return reply.status(403).send(errorBody('origin', 'not-allowed'));
    }
    const token = bearerToken(request.headers.authorization);
    const access = token === undefined ? undefined : resolve(token);
    if (access) {
      request.access = access;
      return undefined;
    }
    limiter.fail(limiter.keyOf(request));
    // The route only, never the header: it may hold a real token with a typo.
    request.log.warn({ route: request.routeOptions?.url }, 'admin authentication failed');
    reply.header('www-authenticate', 'Bearer realm="samleng-receiver"');
    return reply.status(401).send(errorBody('authorization', 'invalid'));
  };
}

/**
 * The console's hook: a live session cookie, and for every method but GET the receiver's own Origin
 * (SameSite=Strict already keeps the cookie off other sites' requests; this is the second lock).
 */
export function sessionGuard(sessions: Sessions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      if (request.headers.origin === undefined || !sameOrigin(request)) {
        return reply.status(403).send(errorBody('origin', 'not-allowed'));
      }
    }
    const access = sessions.fromRequest(request);
    if (!access) {
      reply.header('cache-control', 'no-store');
      return reply.status(401).send(errorBody('session', 'none'));
    }
    request.access = access;
    return undefined;
  };
}
