// The organizers' console (/console/) and the embed builder (/builder/), served by the receiver itself:
// their built pages (dist/web, made by web/build.mjs), the console's JSON routes behind a session cookie,
// and what the builder needs to write a snippet (the kit's address and its integrity).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { FailureLimiter } from '../admin-limit.js';
import { errorBody } from '../errors.js';
import { LIMITS } from '../schema.js';
import type { Store } from '../store-api.js';
import { accessOf } from './access.js';
import type { Access } from './access.js';
import { sendCsv } from './export.js';
import { refusedForFailures, sameOrigin, sessionGuard } from './guard.js';
import { campaignStats, campaigns, erasePledge, searchPledges } from './queries.js';
import { Sessions } from './session.js';

/** The built pages, beside the compiled server (dist/src/console → dist/web). */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
/** The drop-in script the receiver serves to partners' pages, and the builder's snippets point at. */
export const KIT_PATH = '/samleng/samleng.js';

const SLUG = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const PAGE_SIZE = 25;
const campaignProperty = { type: 'string', maxLength: LIMITS.campaign, pattern: SLUG };

/** The static mounts of the console, the builder and the kit; those not built are left out. */
export function webMounts(root = WEB_ROOT): { root: string; prefix: string }[] {
  return ['console', 'builder', 'samleng']
    .map((name) => ({ root: `${root}${name}`, prefix: `/${name}/` }))
    .filter((mount) => existsSync(mount.root));
}

/** `sha384-…` of a file, recomputed only when the file changes (a rebuild while running). */
function integrityOf(path: string): () => string | undefined {
  let cached: { mtime: number; value: string } | undefined;
  return () => {
    if (!existsSync(path)) return undefined;
    const mtime = statSync(path).mtimeMs;
    if (cached?.mtime !== mtime) {
      const digest = createHash('sha384').update(readFileSync(path)).digest('base64');
      cached = { mtime, value: `sha384-${digest}` };
    }
    return cached.value;
  };
}

export interface ConsoleOptions {
  store: Store;
  limiter: FailureLimiter;
  resolve: (token: string) => Access | undefined;
  /** The admin routes' per-address rate limit. */
  rateLimit: { max: number; timeWindow: string };
  webRoot?: string;
}

/** Registers the console's routes; returns its session guard, for the routes of cases and subscribers. */
export async function consoleRoutes(
  app: FastifyInstance,
  options: ConsoleOptions,
): Promise<ReturnType<typeof sessionGuard>> {
  const { store, limiter, resolve } = options;
  const sessions = new Sessions(resolve);
  const guard = sessionGuard(sessions);
  const config = { rateLimit: options.rateLimit };
  const kitIntegrity = integrityOf(`${options.webRoot ?? WEB_ROOT}samleng/samleng.js`);

  for (const name of ['console', 'builder']) {
    app.get(`/${name}`, async (_request, reply) => reply.redirect(`/${name}/`, 301));
  }

  app.get('/builder/kit.json', async (_request, reply) => {
    const integrity = kitIntegrity();
    if (!integrity) return reply.status(404).send(errorBody('kit', 'not-built'));
    reply.header('cache-control', 'no-cache');
    return { script: KIT_PATH, integrity, endpoint: '/api/pledges' };
  });

  app.post<{ Body: { token: string } }>(
    '/console/api/session',
    {
      config,
      schema: {
        body: {
          type: 'object',
          required: ['token'],
          additionalProperties: false,
          properties: { token: { type: 'string', minLength: 1, maxLength: 512 } },
        },
      },
      // Before the body is parsed: a blocked address or a foreign page gets nowhere.
      onRequest: async (request, reply) => {
        if (refusedForFailures(limiter, request, reply)) return reply;
        if (request.headers.origin === undefined || !sameOrigin(request)) {
          return reply.status(403).send(errorBody('origin', 'not-allowed'));
        }
        return undefined;
      },
    },
    async (request, reply) => {
      const token = request.body.token.trim();
      const found = resolve(token);
      reply.header('cache-control', 'no-store');
      if (!found) {
        limiter.fail(limiter.keyOf(request));
        request.log.warn({ route: request.routeOptions.url }, 'console sign-in failed');
        return reply.status(401).send(errorBody('token', 'invalid'));
      }
      sessions.open(found, token, request, reply);
      return { signedIn: true, partner: found.partner ?? null };
    },
  );

  // Whether this browser is signed in: a plain answer either way, so the page's first look is not an error.
  app.get('/console/api/session', { config }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const found = sessions.fromRequest(request);
    return found ? { signedIn: true, partner: found.partner ?? null } : { signedIn: false, partner: null };
  });

  app.delete('/console/api/session', { config }, async (request, reply) => {
    if (request.headers.origin === undefined || !sameOrigin(request)) {
      return reply.status(403).send(errorBody('origin', 'not-allowed'));
    }
    sessions.close(request, reply);
    return reply.status(204).send();
  });

  app.get('/console/api/campaigns', { config, onRequest: guard }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return { campaigns: await campaigns(store, accessOf(request)) };
  });

  const campaignQuery = {
    type: 'object',
    required: ['campaign'],
    additionalProperties: false,
    properties: { campaign: campaignProperty },
  };

  app.get<{ Querystring: { campaign: string } }>(
    '/console/api/stats',
    { config, onRequest: guard, schema: { querystring: campaignQuery } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return campaignStats(store, request.query.campaign, accessOf(request));
    },
  );

  app.get<{ Querystring: { campaign: string; q?: string; page?: string } }>(
    '/console/api/pledges',
    {
      config,
      onRequest: guard,
      schema: {
        querystring: {
          ...campaignQuery,
          properties: {
            campaign: campaignProperty,
            q: { type: 'string', maxLength: LIMITS.email },
            page: { type: 'string', pattern: '^[0-9]{1,6}$' },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { campaign, q = '', page = '0' } = request.query;
      return searchPledges(
        store,
        { campaign, search: q.trim(), page: Number(page), pageSize: PAGE_SIZE },
        accessOf(request),
      );
    },
  );

  app.get<{ Querystring: { campaign: string } }>(
    '/console/api/export.csv',
    { config, onRequest: guard, schema: { querystring: campaignQuery } },
    async (request, reply) => sendCsv(reply, store, request.query.campaign, accessOf(request)),
  );

  // POST with the address in the body: an e-mail in a URL ends up in proxies' logs.
  app.post<{ Body: { campaign: string; email: string } }>(
    '/console/api/erase',
    {
      config,
      onRequest: guard,
      schema: {
        body: {
          type: 'object',
          required: ['campaign', 'email'],
          additionalProperties: false,
          properties: {
            campaign: campaignProperty,
            email: { type: 'string', minLength: 1, maxLength: LIMITS.email },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { campaign, email } = request.body;
      const deleted = await erasePledge(store, campaign, email.trim(), accessOf(request));
      return { campaign, deleted };
    },
  );
  return guard;
}
