// The receiver's HTTP side: fastify with its CORS, rate-limit and static plugins; JSON Schema validation
// by fastify's ajv. `createServer()` is what the CLI, the tests and the benchmark start.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController } from 'fastify';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { FailureLimiter } from './admin-limit.js';
import type { FailureLimiterOptions } from './admin-limit.js';
import { clientAddress } from './client-address.js';
import { HealthMonitor } from './health.js';
import { serveStatic } from './static.js';
import { clientErrorHandler, errorBody, frameworkErrors, installErrorHandlers } from './errors.js';
import { applyConnectionCap, httpLimitOptions } from './http-limits.js';
import type { HttpLimits } from './http-limits.js';
import { DEFAULT_RATE_LIMIT } from './config.js';
import { LIMITS, pledgeBodySchema, trimStrings } from './schema.js';
import type { PledgeBody } from './schema.js';
import { confirmRoutes } from './confirm/routes.js';
import { accessOf, tokenResolver } from './console/access.js';
import type { PartnerToken } from './console/access.js';
import { sendCsv } from './console/export.js';
import { bearerGuard } from './console/guard.js';
import { erasePledge, visibleCount } from './console/queries.js';
import { consoleRoutes, webMounts } from './console/routes.js';
import { Mailer } from './mail/outbox.js';
import type { MailSettings } from './mail/outbox.js';
import { scheduleSweeps } from './retention.js';
import { openStore } from './open-store.js';
import { alertRoutes, SUBSCRIPTIONS } from './alerts/routes.js';
import { composeAlert, composeSubscriptionMail } from './alerts/compose.js';
import { Subscriptions } from './alerts/subscriptions.js';
import { unsubscribeToken } from './alerts/unsubscribe-token.js';
import { caseRoutes, FEED_PATH } from './cases/routes.js';
import { sqlOf } from './cases/sql.js';
import { caseOfAlert, publishedCase } from './cases/store.js';
import { textRules } from './text-rules.js';
import { fastifyTrustProxy, parseTrustProxy, trustProxyWarning } from './trust-proxy.js';
import type { TrustProxy } from './trust-proxy.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed admin attempts per client address; any admin sign-in counts its failures here. */
    adminFailures: FailureLimiter;
  }
}

export interface ServerOptions {
  /** SQLite file (created with its directory), `:memory:`, or a `postgres://` URL (open-store.ts). */
  dbPath: string;
  /** PostgreSQL only: the key of the e-mail HMAC, the same on every receiver (SAMLENG_EMAIL_KEY). */
  emailKey?: Buffer | undefined;
  /** Origins allowed to post from a browser; `*` allows any. Default: none (only non-browser clients). */
  allowedOrigins?: readonly string[];
  /** Admin bearer tokens; none = the admin routes always answer 401. */
  adminTokens?: readonly string[];
  /** Partner tokens: each sees, exports and erases only its partner's pledges (console/access.ts). */
  partnerTokens?: readonly PartnerToken[];
  /** Pledges per client IP per minute (default 10). */
  rateLimit?: number;
  /** Admin requests per client IP per minute (default 60): slows token guessing. */
  adminRateLimit?: number;
  /** Which X-Forwarded-For to believe: a hop count, the proxy's addresses/CIDRs (a list or comma-separated), or (unsafe, warned) true. */
  trustProxy?: TrustProxy | string;
  /** Timeouts and the connection cap (http-limits.ts; tests shorten them). */
  httpLimits?: Partial<HttpLimits>;
  /** Failed admin attempts per address (default 10 a minute). */
  adminFailures?: FailureLimiterOptions;
  /** pino level; `silent` for none (default `info`). */
  logLevel?: string;
  /** Where pino writes (default stdout); tests pass a stream to read the log. */
  logStream?: NodeJS.WritableStream;
  /** Directories served as static files, e.g. `{root: 'demo', prefix: '/'}`. */
  static?: readonly { root: string; prefix: string }[];
  /** The clock for consent times (tests). */
  now?: () => Date;
  /** Mail settings: confirmation by e-mail (double opt-in) is on when given. */
  mail?: Omit<MailSettings, 'confirmDays'> | undefined;
  /** Days a confirmation link is valid (default 7); pending pledges older than that are deleted. */
  confirmDays?: number;
  /** Days after which a pledge's personal fields are removed (default: kept). */
  retentionDays?: number | undefined;
  /** Mails per address per UTC day (default 3). */
  mailsPerDay?: number;
  /** ms before a queued mail may go (default: random 1–5 s). */
  sendDelay?: () => number;
  /** ms between a pledge's answer and its sorting into new and known (default: random 100–400 ms; see store.ts). */
  sortDelay?: () => number;
  /** Alert mails per minute from this receiver (default 60; SAMLENG_ALERTS_PER_MINUTE). */
  alertsPerMinute?: number;
}

const BODY_LIMIT = 16 * 1024;
const SLUG = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const OPTIONAL_SLUG = '^([A-Za-z0-9][A-Za-z0-9._-]*)?$'; // "partner=" from an empty attribute = none
const PLEDGES = '/api/pledges';
const COUNT = '/api/pledges/count';

/**
 * The logger logs no personal data: requests are logged by PrivateLogController below as method, route
 * pattern (never the URL, whose query can hold an e-mail), status and time; the default request
 * serializer (URL, client IP) is replaced, and headers, bodies and queries are redacted should any code
 * ever log them.
 */
function loggerOptions(options: ServerOptions): FastifyServerOptions['logger'] {
  const level = options.logLevel ?? 'info';
  if (level === 'silent') return false;
  return {
    level,
    ...(options.logStream ? { stream: options.logStream } : {}),
    redact: {
      paths: ['req.headers', 'req.body', 'req.query', 'req.url', 'body', 'query', 'email', 'name', 'headers'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      // The error's kind and where it was thrown, never its message: a message (a JSON parse error
      // quoting the body, say) may hold what a person typed.
      err: (error: FastifyError) => ({
        type: error.name,
        message: error.code ?? error.name,
        stack: (error.stack ?? '').split('\n').slice(1).join('\n'),
        statusCode: error.statusCode,
      }),
    },
  };
}

/** One line per request, with nothing in it that could identify a person. */
class PrivateLogController extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(_error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions?.url ?? '(none)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  }
}

/** Builds the receiver (not yet listening): `await app.listen({port: 0})` starts it. Closing it closes the DB. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const confirmDays = options.confirmDays ?? 7;
  let mailer: Mailer | undefined;
  const store = await openStore({
    path: options.dbPath,
    ...(options.emailKey ? { emailKey: options.emailKey } : {}),
    ...(options.now ? { now: options.now } : {}),
    confirm: options.mail !== undefined,
    confirmDays,
    ...(options.mailsPerDay ? { mailsPerDay: options.mailsPerDay } : {}),
    ...(options.sendDelay ? { sendDelay: options.sendDelay } : {}),
    ...(options.sortDelay ? { sortDelay: options.sortDelay } : {}),
    onMail: () => mailer?.wake(),
  });
  const now = options.now ?? (() => new Date());
  const sendDelay = options.sendDelay ?? (() => 1000 + Math.random() * 4000);
  // Alert subscribers (#19), sorted after the answer as pledges are.
  const subscriptions = new Subscriptions(store, {
    now,
    confirmDays,
    mailsPerDay: options.mailsPerDay ?? 3,
    sendDelay,
    sortDelay: options.sortDelay ?? (() => 100 + Math.random() * 300),
    onMail: () => mailer?.wake(),
    warn: (what, error) => store.warn(what, error),
  });
  const allowed = new Set(options.allowedOrigins ?? []);
  const anyOrigin = allowed.has('*');
  const isAllowedOrigin = (origin: string) => anyOrigin || allowed.has(origin);
  const resolveToken = tokenResolver(options.adminTokens ?? [], options.partnerTokens ?? []);
  const adminFailures = new FailureLimiter(options.adminFailures);
  const trustProxy =
    typeof options.trustProxy === 'string' ? parseTrustProxy(options.trustProxy) : options.trustProxy;

  const app = Fastify({
    logger: loggerOptions(options),
    logController: new PrivateLogController(),
    bodyLimit: BODY_LIMIT,
    frameworkErrors,
    clientErrorHandler,
    ...httpLimitOptions(options.httpLimits),
    trustProxy: fastifyTrustProxy(trustProxy ?? false),
    ajv: {
      // The contract is strict: "true" is not a boolean, an unknown field is an error, and every bad
      // field is reported at once so a form can mark them all.
      customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true },
      plugins: [textRules],
    },
  });
  app.decorate('adminFailures', adminFailures);
  store.warn = (what, error) => app.log.warn({ code: (error as { code?: string } | null)?.code }, what);
  applyConnectionCap(app.server, options.httpLimits);
  const proxyWarning = trustProxyWarning(trustProxy);
  if (proxyWarning) app.log.warn(proxyWarning);
  if (options.mail) {
    mailer = new Mailer(store.outbox, { ...options.mail, confirmDays }, app.log, () => now().getTime(), {
      // The alerts' mails (#19): a case unpublished or deleted before its alert went sends none.
      compose: async (row, base) => {
        if (row.kind === 'sub-confirm' || row.kind === 'sub-known') {
          const link = row.token ? `${base}/confirm/${row.token}` : undefined;
          return composeSubscriptionMail(row.kind, row.locale, link, confirmDays);
        }
        if (row.kind !== 'alert' || !row.token) return null;
        const item = await sqlOf(store).transaction(() => publishedCase(caseOfAlert(row.campaign)));
        return item
          ? composeAlert(item, row.locale, `${base}/unsubscribe/${unsubscribeToken(store.hash, row.token)}`)
          : null;
      },
      cap: { kind: 'alert', perMinute: options.alertsPerMinute ?? 60 },
    });
    void mailer.start(); // what a previous run left in the outbox
  } else {
    app.log.info('SAMLENG_SMTP_URL is not set: single opt-in, every pledge is counted when stored');
  }
  const stopSweeps = await scheduleSweeps(
    store,
    { confirmDays, retentionDays: options.retentionDays, now: options.now ?? (() => new Date()) },
    (result) => {
      if (result.expired || result.stripped) app.log.info(result, 'retention sweep');
    },
  );
  app.addHook('onClose', async () => {
    stopSweeps();
    await mailer?.close();
    await subscriptions.close();
    await store.close();
  });
  // JSON only: fastify also parses text/plain by default, which would make a non-JSON body a 400.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  installErrorHandlers(app);

  // CORS per route: anyone may read a count (public, cacheable); only the allowed origins may post;
  // the admin routes are for curl and scripts, never for a browser page.
  await app.register(cors, {
    delegator: (request, callback) => {
      const path = request.url.split('?')[0];
      // The count and the kit's script (the builder's snippets load it with integrity, so with CORS).
      if (path === COUNT || path.startsWith('/samleng/')) {
        callback(null, { origin: '*', methods: ['GET'], maxAge: 600 });
      } else if (path === FEED_PATH) {
        callback(null, { origin: '*', methods: ['GET', 'HEAD'], maxAge: 600, credentials: false });
      } else if (path === PLEDGES || path === SUBSCRIPTIONS) {
        callback(null, {
          origin: (origin, done) => done(null, origin !== undefined && isAllowedOrigin(origin)),
          methods: ['POST'],
          allowedHeaders: ['Content-Type'],
          // The form waits as long as a 429 or 503 asks: a cross-origin page reads only exposed headers.
          exposedHeaders: ['Retry-After'],
          maxAge: 600,
          credentials: false,
        });
      } else callback(null, { origin: false });
    },
  });
  await app.register(rateLimit, { global: false, keyGenerator: clientAddress });

  const health = new HealthMonitor(store);
  app.addHook('onClose', async () => health.close());
  app.get('/healthz', async (_request, reply) => {
    const state = await health.check();
    reply.header('cache-control', 'no-store');
    return state.status === 'ok' ? state : reply.status(503).send(state);
  });

  app.post<{ Body: PledgeBody }>(
    PLEDGES,
    {
      schema: { body: pledgeBodySchema },
      config: {
        rateLimit: {
          max: options.rateLimit ?? DEFAULT_RATE_LIMIT,
          timeWindow: '1 minute',
          errorResponseBuilder: (_request, context) =>
            Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
        },
      },
      preValidation: async (request, reply) => {
        // CORS headers alone only stop a browser from reading the answer; this refuses the pledge.
        const origin = request.headers.origin;
        if (origin !== undefined && !isAllowedOrigin(origin)) {
          return reply.status(403).send(errorBody('origin', 'not-allowed'));
        }
        trimStrings(request.body);
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.website) {
        // A filled honeypot: a bot. It gets what a person would get, and nothing is stored.
        request.log.info({ honeypot: true }, 'honeypot pledge dropped');
        return reply.status(201).send({ id: body.id, confirm: store.confirmOn });
      }
      // Every accepted pledge gets this same answer: a new address, a known one (which only its owner
      // hears of, by mail) or a retry of the same id. Which it was is decided after the answer is sent
      // (intake.ts), so neither the answer nor its timing tells; and no count, which would.
      await store.add({
        id: body.id,
        campaign: body.campaign,
        consentText: body.consentText,
        email: body.email,
        locale: body.locale,
        name: body.name,
        ...(body.partner ? { partner: body.partner } : {}),
        ...(body.country ? { country: body.country } : {}),
        ...(body.phone ? { phone: body.phone } : {}),
        ...(body.city ? { city: body.city } : {}),
        ...(body.comment ? { comment: body.comment } : {}),
        ...(body.pageUrl ? { pageUrl: body.pageUrl } : {}),
      });
      return reply.status(201).send({ id: body.id, confirm: store.confirmOn });
    },
  );

  app.get<{ Querystring: { campaign: string; partner?: string } }>(
    COUNT,
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['campaign'],
          properties: {
            campaign: { type: 'string', maxLength: LIMITS.campaign, pattern: SLUG },
            partner: { type: 'string', maxLength: LIMITS.partner, pattern: OPTIONAL_SLUG },
          },
        },
      },
    },
    async (request, reply) => {
      const { campaign, partner } = request.query;
      reply.header('cache-control', 'public, max-age=5');
      return partner
        ? { campaign, partner, count: await store.count(campaign, partner) }
        : { campaign, count: await store.count(campaign) };
    },
  );

  // Admin routes: bearer token; failed attempts limited per address (admin-limit.ts), and all admin
  // requests rate-limited per address.
  const adminConfig = {
    rateLimit: { max: options.adminRateLimit ?? 60, timeWindow: '1 minute' },
  };
  const requireAdmin = bearerGuard(adminFailures, resolveToken);
  const campaignQuery = {
    type: 'object',
    required: ['campaign'],
    properties: { campaign: { type: 'string', maxLength: LIMITS.campaign, pattern: SLUG } },
  };

  app.get<{ Querystring: { campaign: string } }>(
    '/api/pledges/export.csv',
    { config: adminConfig, onRequest: requireAdmin, schema: { querystring: campaignQuery } },
    async (request, reply) => {
      return sendCsv(reply, store, request.query.campaign, accessOf(request));
    },
  );

  app.delete<{ Querystring: { campaign: string; email: string } }>(
    PLEDGES,
    {
      config: adminConfig,
      onRequest: requireAdmin,
      schema: {
        querystring: {
          ...campaignQuery,
          required: ['campaign', 'email'],
          properties: {
            ...campaignQuery.properties,
            email: { type: 'string', minLength: 1, maxLength: LIMITS.email },
          },
        },
      },
    },
    async (request, reply) => {
      const { campaign, email } = request.query;
      const access = accessOf(request);
      const deleted = await erasePledge(store, campaign, email, access);
      reply.header('cache-control', 'no-store');
      return { campaign, deleted, count: await visibleCount(store, campaign, access) };
    },
  );

  await app.register(confirmRoutes, { store, subscriptions });

  app.decorateRequest('access', null);
  const sessionGuard = await consoleRoutes(app, {
    store,
    limiter: adminFailures,
    resolve: resolveToken,
    rateLimit: adminConfig.rateLimit,
  });
  await caseRoutes(app, {
    store,
    guard: sessionGuard,
    rateLimit: adminConfig.rateLimit,
    now,
    alertDelay: sendDelay,
    onMail: () => mailer?.wake(),
  });
  await alertRoutes(app, {
    subscriptions,
    mailOn: options.mail !== undefined,
    isAllowedOrigin,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    guard: sessionGuard,
    consoleRateLimit: adminConfig.rateLimit,
  });

  await serveStatic(app, [...webMounts(), ...(options.static ?? [])]);

  return app;
}
