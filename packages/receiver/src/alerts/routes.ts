// The alerts' HTTP side (#19): the widget's sign-up (POST /api/subscriptions), the unsubscribe link
// (GET shows a page whose button POSTs; POST unsubscribes, which is also RFC 8058's one-click), and the
// console's subscriber list, export and erasure (session guard, partner scope in the SQL).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { confirmPage, PAGE_CSP } from '../confirm/page.js';
import { accessOf } from '../console/access.js';
import { csvLinesAsync } from '../csv.js';
import { errorBody } from '../errors.js';
import { language as languageOf } from '../mail/texts.js';
import { LIMITS, pledgeBodySchema, trimStrings } from '../schema.js';
import type { SubscriberRow, Subscriptions } from './subscriptions.js';
import { ALERT_TEXTS } from './texts.js';

export const SUBSCRIPTIONS = '/api/subscriptions';
const TOKEN = '^[A-Za-z0-9_-]{16,64}$';
const PAGE_SIZE = 25;

const shared = pledgeBodySchema.properties;
export const subscriptionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'email', 'language', 'consent', 'consentText'],
  properties: {
    id: shared.id,
    email: shared.email,
    language: { type: 'string', enum: ['en', 'km', 'fr'] },
    partner: shared.partner,
    consent: shared.consent,
    consentText: shared.consentText,
    pageUrl: shared.pageUrl,
    website: shared.website,
  },
} as const;

interface SubscriptionBody {
  id: string;
  email: string;
  language: 'en' | 'km' | 'fr';
  partner?: string;
  consent: true;
  consentText: string;
  pageUrl?: string;
  website?: string;
}

export interface AlertRouteOptions {
  subscriptions: Subscriptions;
  /** Alerts need e-mail: without mail settings the sign-up answers 503. */
  mailOn: boolean;
  isAllowedOrigin: (origin: string) => boolean;
  rateLimit: number;
  guard: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  consoleRateLimit: { max: number; timeWindow: string };
}

export async function alertRoutes(app: FastifyInstance, options: AlertRouteOptions): Promise<void> {
  const { subscriptions, guard } = options;
  const config = { rateLimit: options.consoleRateLimit };

  app.post<{ Body: SubscriptionBody }>(
    SUBSCRIPTIONS,
    {
      schema: { body: subscriptionBodySchema },
      config: {
        rateLimit: {
          max: options.rateLimit,
          timeWindow: '1 minute',
          errorResponseBuilder: (_request, context) =>
            Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
        },
      },
      preValidation: async (request, reply) => {
        const origin = request.headers.origin;
        if (origin !== undefined && !options.isAllowedOrigin(origin)) {
          return reply.status(403).send(errorBody('origin', 'not-allowed'));
        }
        if (!options.mailOn) {
          return reply.status(503).header('retry-after', '3600').send(errorBody('alerts', 'not-configured'));
        }
        trimStrings(request.body);
        return undefined;
      },
    },
    async (request, reply) => {
      const body = request.body;
      reply.header('cache-control', 'no-store');
      // A new address, a known one, a retry, a bot's honeypot: the same answer; what it was is sorted
      // out after it (subscriptions.ts), so neither the answer nor its timing tells.
      if (body.website) return reply.status(202).send({ confirm: true });
      await subscriptions.take({
        id: body.id,
        email: body.email,
        language: body.language,
        partner: body.partner || undefined,
        consentText: body.consentText,
        pageUrl: body.pageUrl || undefined,
      });
      return reply.status(202).send({ confirm: true });
    },
  );

  await app.register(async (scope) => {
    // The page's form and RFC 8058's one-click POST send a form body; nothing in it is read.
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      scope.addContentTypeParser(type, { bodyLimit: 1024 }, (_request, _payload, done) =>
        done(null, undefined),
      );
    }
    const schema = {
      params: {
        type: 'object',
        required: ['token'],
        properties: { token: { type: 'string', pattern: TOKEN } },
      },
    };
    const page = (reply: FastifyReply, state: 'pending' | 'confirmed', locale: string, action?: string) => {
      const t = ALERT_TEXTS[languageOf(locale)];
      return reply
        .status(200)
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', PAGE_CSP)
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .send(
          confirmPage(state, {
            locale,
            ...(action ? { action } : {}),
            texts: { title: t.pageTitle, pending: t.pagePrompt, button: t.pageButton, confirmed: t.pageDone },
          }),
        );
    };
    const fallback = (request: FastifyRequest) =>
      (request.headers['accept-language'] ?? '').split(',')[0]?.trim() ?? 'en';
    // GET never unsubscribes: mail scanners fetch every link. An unknown or used token gets the same page.
    scope.get<{ Params: { token: string } }>(
      '/unsubscribe/:token',
      { schema, attachValidation: true },
      async (request, reply) => {
        const lang = request.validationError
          ? undefined
          : await subscriptions.unsubscribeTarget(request.params.token);
        return page(reply, 'pending', lang ?? fallback(request), request.params.token);
      },
    );
    scope.post<{ Params: { token: string } }>(
      '/unsubscribe/:token',
      { schema, attachValidation: true },
      async (request, reply) => {
        const lang = request.validationError
          ? undefined
          : await subscriptions.unsubscribe(request.params.token);
        return page(reply, 'confirmed', lang ?? fallback(request));
      },
    );
  });

  app.get<{ Querystring: { q?: string; page?: string } }>(
    '/console/api/subscribers',
    {
      config,
      onRequest: guard,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: LIMITS.email },
            page: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { q = '', page = '1' } = request.query;
      return subscriptions.search(q.trim(), Number(page), PAGE_SIZE, accessOf(request));
    },
  );

  const columns: readonly { header: string; value: (row: SubscriberRow) => string | null }[] = [
    { header: 'email', value: (row) => row.email },
    { header: 'language', value: (row) => row.language },
    { header: 'partner', value: (row) => row.partner },
    { header: 'consent_text', value: (row) => row.consent_text },
    { header: 'page_url', value: (row) => row.page_url },
    { header: 'created_at', value: (row) => row.created_at },
    { header: 'confirmed_at', value: (row) => row.confirmed_at },
  ];
  app.get('/console/api/subscribers/export.csv', { config, onRequest: guard }, async (request, reply) => {
    const access = accessOf(request);
    const day = new Date().toISOString().slice(0, 10);
    const who = access.partner ? `-${access.partner}` : '';
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="samleng-subscribers${who}-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(csvLinesAsync(columns, subscriptions.exportRows(access))));
  });

  app.post<{ Body: { email: string } }>(
    '/console/api/subscribers/erase',
    {
      config,
      onRequest: guard,
      schema: {
        body: {
          type: 'object',
          required: ['email'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 1, maxLength: LIMITS.email } },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { erased: await subscriptions.erase(request.body.email.trim(), accessOf(request)) };
    },
  );
}
