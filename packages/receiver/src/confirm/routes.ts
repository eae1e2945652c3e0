// GET /confirm/<token> shows the page; POST /confirm/<token> (its button) confirms. Tokens are 24 random
// bytes (base64url); the database keeps only their SHA-256.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../store-api.js';
import { confirmPage, PAGE_CSP } from './page.js';
import type { PageState } from './page.js';
import type { PageTexts } from './texts.js';
import { isSubscriptionToken } from '../alerts/confirm-token.js';
import { ALERT_TEXTS } from '../alerts/texts.js';
import { language as languageOf } from '../mail/texts.js';

/** Alert subscriptions (#19) share the confirmation link and page; a token is a pledge's or theirs. */
export interface SubscriptionConfirmer {
  confirmTarget(token: string): Promise<{ state: 'pending' | 'confirmed'; language: string } | undefined>;
  confirm(token: string): Promise<{ state: 'pending' | 'confirmed'; language: string } | undefined>;
}

const subscriptionTexts = (locale: string): Partial<PageTexts> => {
  const t = ALERT_TEXTS[languageOf(locale)];
  return {
    title: t.confirmPageTitle,
    pending: t.confirmPagePending,
    button: t.confirmButton,
    confirmed: t.confirmPageDone,
    invalid: t.confirmPageInvalid,
  };
};

const TOKEN = '^[A-Za-z0-9_-]{16,64}$';

export async function confirmRoutes(
  app: FastifyInstance,
  options: { store: Store; subscriptions?: SubscriptionConfirmer },
): Promise<void> {
  const { store, subscriptions } = options;
  // The page's form posts urlencoded; its body carries nothing this route reads.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { bodyLimit: 1024 },
    (_request, _payload, done) => done(null, undefined),
  );
  const schema = {
    params: {
      type: 'object',
      required: ['token'],
      properties: { token: { type: 'string', pattern: TOKEN } },
    },
  };
  const send = (
    reply: FastifyReply,
    state: PageState,
    locale?: string,
    campaign?: string,
    action?: string,
    texts?: Partial<PageTexts>,
  ) =>
    reply
      .status(state === 'invalid' ? 404 : 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(confirmPage(state, { locale, campaign, action, ...(texts ? { texts } : {}) }));
  const language = (header: string | undefined) => (header ?? '').split(',')[0]?.trim();
  // An expired or unknown link, in the browser's language: a subscription's (its token says so, see
  // alerts/confirm-token.ts) gets the subscription's words, any other the pledge's.
  const invalid = (reply: FastifyReply, token: string, header: string | undefined) => {
    const lang = language(header);
    const texts = isSubscriptionToken(token) ? subscriptionTexts(lang ?? '') : undefined;
    return send(reply, 'invalid', lang, undefined, undefined, texts);
  };

  app.get<{ Params: { token: string } }>(
    '/confirm/:token',
    { schema, attachValidation: true },
    async (request, reply) => {
      const target = request.validationError ? undefined : await store.confirmTarget(request.params.token);
      const subscription =
        target || request.validationError
          ? undefined
          : await subscriptions?.confirmTarget(request.params.token);
      if (subscription) {
        const { state, language: lang } = subscription;
        return send(reply, state, lang, '', request.params.token, subscriptionTexts(lang));
      }
      if (!target) return invalid(reply, request.params.token, request.headers['accept-language']);
      return send(reply, target.state, target.locale, target.campaign, request.params.token);
    },
  );

  app.post<{ Params: { token: string } }>(
    '/confirm/:token',
    { schema, attachValidation: true },
    async (request, reply) => {
      const target = request.validationError ? undefined : await store.confirm(request.params.token);
      const subscription =
        target || request.validationError ? undefined : await subscriptions?.confirm(request.params.token);
      if (subscription) {
        const { state, language: lang } = subscription;
        return send(reply, state, lang, '', undefined, subscriptionTexts(lang));
      }
      if (!target) return invalid(reply, request.params.token, request.headers['accept-language']);
      return send(reply, target.state, target.locale, target.campaign);
    },
  );
}
