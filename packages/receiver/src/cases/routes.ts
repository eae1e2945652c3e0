// The cases' HTTP side (#19): the console's JSON routes (session cookie and Origin check, as every console
// route; writes are the admin's, partners read) and the published feed at /feeds/cases.json, which any
// partner's <samleng-case-alert src> and <samleng-case-list src> can read (CORS open, cacheable).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessOf } from '../console/access.js';
import { errorBody } from '../errors.js';
import type { Store } from '../store-api.js';
import { sqlOf } from './sql.js';
import { createCase, deleteCase, feedCases, getCase, listCases, setCaseState, updateCase } from './store.js';
import type { CaseObject } from './store.js';
import { checkCase, errorMap } from './validate.js';

export const FEED_PATH = '/feeds/cases.json';
const ID = '^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$';
/** A case with its letter in three languages is a few kB; this leaves room and no more. */
const CASE_BODY_LIMIT = 256 * 1024;

export interface CaseRouteOptions {
  store: Store;
  guard: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  rateLimit: { max: number; timeWindow: string };
  now: () => Date;
  /** ms from now until an alert queued by a state change may go. */
  alertDelay: () => number;
  /** After a commit that queued alerts. */
  onMail: () => void;
}

/** Who made a change, as the history says it. */
const actor = (request: FastifyRequest) => accessOf(request).partner ?? 'admin';

export async function caseRoutes(app: FastifyInstance, options: CaseRouteOptions): Promise<void> {
  const sql = sqlOf(options.store);
  const config = { rateLimit: options.rateLimit };
  const idParams = {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', pattern: ID } },
  };
  /** Partners read cases; only the admin writes them. */
  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    if (accessOf(request).partner !== undefined) {
      return reply.status(403).send(errorBody('access', 'admin-only'));
    }
    return undefined;
  };
  const writeHooks = { onRequest: options.guard, preHandler: adminOnly };
  const invalid = (reply: FastifyReply, value: unknown) => {
    const problems = checkCase(value);
    if (problems.length === 0) return false;
    void reply.status(400).send({ errors: errorMap(problems) });
    return true;
  };

  app.get('/console/api/cases', { config, onRequest: options.guard }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { cases: await sql.transaction(listCases) };
  });

  app.get<{ Params: { id: string } }>(
    '/console/api/cases/:id',
    { config, onRequest: options.guard, schema: { params: idParams } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const found = await sql.transaction(() => getCase(request.params.id));
      return found ?? reply.status(404).send(errorBody('case', 'not-found'));
    },
  );

  app.post<{ Body: { case: CaseObject } }>(
    '/console/api/cases',
    {
      config,
      ...writeHooks,
      bodyLimit: CASE_BODY_LIMIT,
      schema: {
        body: {
          type: 'object',
          required: ['case'],
          additionalProperties: false,
          properties: { case: { type: 'object' } },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const value = request.body.case;
      if (invalid(reply, value)) return reply;
      const at = options.now().toISOString();
      const created = await sql.transaction(() => createCase(value, actor(request), at));
      if (created === undefined) return reply.status(400).send(errorBody('id', 'duplicate-id'));
      return reply.status(201).send({ id: value.id, revision: 1 });
    },
  );

  app.put<{ Params: { id: string }; Body: { case: CaseObject; revision: number } }>(
    '/console/api/cases/:id',
    {
      config,
      ...writeHooks,
      bodyLimit: CASE_BODY_LIMIT,
      schema: {
        params: idParams,
        body: {
          type: 'object',
          required: ['case', 'revision'],
          additionalProperties: false,
          properties: { case: { type: 'object' }, revision: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { case: value, revision } = request.body;
      if (invalid(reply, value)) return reply;
      // Ids never change: the feed's readers and the alerts' keys hold them.
      if (value.id !== request.params.id) return reply.status(400).send(errorBody('id', 'format'));
      const at = options.now().toISOString();
      const result = await sql.transaction(() => updateCase(value, revision, actor(request), at));
      if (result === 'missing') return reply.status(404).send(errorBody('case', 'not-found'));
      if (result === 'stale') return reply.status(409).send(errorBody('revision', 'stale'));
      return result;
    },
  );

  app.post<{ Params: { id: string }; Body: { published?: boolean; needsAction?: boolean } }>(
    '/console/api/cases/:id/state',
    {
      config,
      ...writeHooks,
      schema: {
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { published: { type: 'boolean' }, needsAction: { type: 'boolean' } },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const at = options.now();
      const result = await sql.transaction(() =>
        setCaseState(
          request.params.id,
          request.body,
          actor(request),
          at.toISOString(),
          Math.round(at.getTime() + options.alertDelay()),
        ),
      );
      if (!result) return reply.status(404).send(errorBody('case', 'not-found'));
      if (result.alerts > 0) options.onMail();
      return result;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/console/api/cases/:id',
    { config, ...writeHooks, schema: { params: idParams } },
    async (request, reply) => {
      const at = options.now().toISOString();
      const deleted = await sql.transaction(() => deleteCase(request.params.id, at));
      if (!deleted) return reply.status(404).send(errorBody('case', 'not-found'));
      return reply.status(204).send();
    },
  );

  app.get(FEED_PATH, async (request, reply) => {
    const feed = await sql.transaction(feedCases);
    const body = JSON.stringify({
      version: 1,
      ...(feed.changedAt ? { updated: feed.changedAt } : {}),
      cases: feed.cases,
    });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply
      .header('cache-control', 'public, max-age=60')
      .header('etag', etag)
      .header('content-type', 'application/json; charset=utf-8');
    const changed = feed.changedAt ? new Date(feed.changedAt) : undefined;
    if (changed) reply.header('last-modified', changed.toUTCString());
    const match = request.headers['if-none-match'];
    if (match !== undefined) {
      if (match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
        return reply.status(304).send();
      }
    } else if (changed && request.headers['if-modified-since']) {
      const since = Date.parse(request.headers['if-modified-since']);
      if (!Number.isNaN(since) && Math.floor(changed.getTime() / 1000) * 1000 <= since) {
        return reply.status(304).send();
      }
    }
    return reply.send(body);
  });
}
