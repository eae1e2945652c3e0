/**
 * What the pledge stories share. Storybook has no receiver, so:
 *
 * - A **fixed count** comes from static files in `stories/static/`, which Storybook serves (`staticDirs`
 *   in .storybook/main.ts) and `storybook build` copies into storybook-static/: the widgets read
 *   `{endpoint}/count?campaign=upr-2029`, and a static server ignores the query. A file without an
 *   extension gets no JSON content type (none from Storybook's server, `application/octet-stream` from
 *   most others); that does not matter, the widgets parse the body whatever its type. The endpoints are
 *   relative, so they work wherever the Storybook is published.
 * - The states that need the receiver's **answer to a pledge** (counted, waiting for confirmation by e-mail, refused, still
 *   sending, unreachable) get a story-local stand-in for `fetch`: a story's `beforeEach` registers it for
 *   its own endpoint only, and removes it when the story is left. Everything else goes to the network as
 *   usual. The widgets' own code (send.ts, the outbox, the shared count) runs unchanged on top of it; the
 *   real receiver is exercised by packages/pledge/test.
 */

export const CAMPAIGN = 'upr-2029';

/** stories/static/pledge-demo/api/pledges/count: 1,234 pledges. */
export const ENDPOINT = 'pledge-demo/api/pledges';
/** stories/static/pledge-demo/goal-passed/api/pledges/count: 5,210 pledges, past a goal of 5,000. */
export const GOAL_PASSED_ENDPOINT = 'pledge-demo/goal-passed/api/pledges';
/** stories/static/pledge-demo/first/api/pledges/count: no pledge yet. */
export const FIRST_ENDPOINT = 'pledge-demo/first/api/pledges';
/**
 * A port nothing listens on (discard). The stories that use it also answer for it with
 * `fakeReceiver(…, 'unreachable')`, which fails the way the browser does (`TypeError: Failed to fetch`)
 * without the refused connection that `npm run test:stories` would count as a failed request.
 */
export const UNREACHABLE = 'http://127.0.0.1:9/api/pledges';

/** Where the outbox keeps waiting pledges (packages/pledge/src/outbox.ts). */
const OUTBOX_KEY = 'samleng-pledge-outbox';

/**
 * Empties the outbox before a story and after it: a pledge queued by one story must not be sent (or
 * shown as waiting) by the next, and `npm run test:stories` opens every story in the same browser
 * profile, where local storage outlives the page.
 */
export const clearOutbox = () => {
  localStorage.removeItem(OUTBOX_KEY);
  return () => localStorage.removeItem(OUTBOX_KEY);
};

/** How the stand-in answers `POST {endpoint}`. */
export type PostAnswer =
  /** `201 {id, confirm: false}`: counted at once (the receiver has no mail settings). */
  | 'counted'
  /** `201 {id, confirm: true}`: the receiver mails the reader a link to confirm; counted then. */
  | 'confirm'
  /** `403 {errors: {origin: "not-allowed"}}`: the page's origin is not in SAMLENG_ALLOWED_ORIGINS. */
  | 'refused'
  /** No answer at all, and the widget's 15 s timeout ignored, so "Sending…" stays on screen. */
  | 'never'
  /** A network error, as when the receiver is down or the reader offline. */
  | 'unreachable';

/** How the stand-in answers `GET {endpoint}/count`: a count, or one of the failures above. */
export type CountAnswer = number | 'never' | 'unreachable';

type Handler = (url: URL, init: RequestInit | undefined) => Promise<Response>;
type Flagged = typeof globalThis & { __samlengStoryReceivers?: Map<string, Handler> };

/** The registered stand-ins by endpoint; the `fetch` wrapper is installed once per page. */
function receivers(): Map<string, Handler> {
  const global = globalThis as Flagged;
  if (!global.__samlengStoryReceivers) {
    const handlers = new Map<string, Handler>();
    global.__samlengStoryReceivers = handlers;
    const network = globalThis.fetch.bind(globalThis);
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      const endpoint = url.origin + url.pathname.replace(/\/count$/, '');
      const handler = handlers.get(endpoint);
      return handler ? handler(url, init) : network(input, init);
    };
  }
  return global.__samlengStoryReceivers;
}

const json = (status: number, data: unknown) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

const never = () => new Promise<Response>(() => {});
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * A `beforeEach` that answers for the receiver at `endpoint` (relative or absolute) for the story's
 * lifetime: the count starts at `count` and rises with each counted pledge.
 */
export const fakeReceiver =
  (endpoint: string, post: PostAnswer, count: CountAnswer = 1234) =>
  () => {
    const url = new URL(endpoint, document.baseURI);
    const key = url.origin + url.pathname;
    let total = count;
    receivers().set(key, async (request, init) => {
      if ((init?.method ?? 'GET').toUpperCase() !== 'POST') {
        if (total === 'never') return never();
        if (total === 'unreachable') return unreachable();
        return json(200, { campaign: request.searchParams.get('campaign'), count: total });
      }
      const { id } = JSON.parse(String(init?.body)) as { id: string };
      const now = typeof total === 'number' ? total : 0;
      switch (post) {
        case 'counted':
          total = now + 1;
          return json(201, { id, confirm: false });
        case 'confirm':
          return json(201, { id, confirm: true });
        case 'refused':
          return json(403, { errors: { origin: 'not-allowed' } });
        case 'never':
          return never();
        case 'unreachable':
          return unreachable();
      }
    });
    return () => {
      receivers().delete(key);
    };
  };
