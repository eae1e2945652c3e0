/**
 * Case feeds for the case-alert and case-list stories. Storybook's static build serves no data
 * files, so `fetch` answers for a few made-up addresses under https://feeds.samleng.example/ (a
 * reserved domain: nothing real is reached); every other request goes to the network as usual.
 * The widgets still read these feeds through the real core `fetchJson`, validation included.
 */
import cases from '../demo/data/cases.json';

export const FEEDS = 'https://feeds.samleng.example';

const json = (data: unknown) =>
  new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });

const json202 = (data: unknown) =>
  new Response(JSON.stringify(data), { status: 202, headers: { 'content-type': 'application/json' } });

const answers: Record<string, () => Promise<Response>> = {
  // demo/data/cases.json: Kem Sokha and Theary Seng, facts from shared/content/cambodia.md.
  '/cases.json': async () => json(cases),
  // Never answers and ignores the timeout, so the loading state stays on screen.
  '/loading.json': () => new Promise<Response>(() => {}),
  '/missing.json': async () => new Response('Not found', { status: 404 }),
  '/malformed.json': async () => new Response('{"version": 1, "cases": [', { status: 200 }),
  '/empty.json': async () => json({ version: 1, cases: [] }),
  // One case with an unknown status (skipped, with a warning) beside a valid one.
  '/invalid-case.json': async () =>
    json({
      version: 1,
      cases: [{ id: 'unknown-status', name: 'Example Person', status: 'jailed' }, cases.cases[0]],
    }),
  // Markup and javascript: URLs in every field: shown as text, links dropped (with warnings).
  '/hostile.json': async () =>
    json({
      version: 1,
      cases: [
        {
          id: 'hostile',
          name: '<img src=x onerror=alert(1)>Example Person',
          status: 'detained',
          statusNote: '<b>bold?</b>',
          charges: ['<script>alert(1)</script>'],
          sentence: '<svg onload=alert(1)>',
          photo: 'javascript:alert(1)',
          summary: '<a href="javascript:alert(1)">click</a>',
          actions: [{ kind: 'link', label: '<b>Act</b>', href: 'javascript:alert(1)' }],
          sources: [{ title: '<u>Source</u>', url: 'javascript:alert(1)' }],
        },
      ],
    }),
  // The receiver's alerts sign-up (POST /api/subscriptions), one address per answer it can give.
  '/alerts/sent': async () => json202({ confirm: true }),
  '/alerts/sending': () => new Promise<Response>(() => {}),
  '/alerts/busy': async () =>
    new Response(JSON.stringify({ errors: { rate: 'limited' } }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '60' },
    }),
  '/alerts/invalid': async () =>
    new Response(JSON.stringify({ errors: { email: 'format' } }), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    }),
  '/alerts/unreachable': () => Promise.reject(new TypeError('Failed to fetch')),
};

/** Where the case list's sign-up posts in a story: `sent`, `sending`, `busy`, `invalid` or `unreachable`. */
export const alertsEndpoint = (answer: 'sent' | 'sending' | 'busy' | 'invalid' | 'unreachable') =>
  `${FEEDS}/alerts/${answer}`;

type Flagged = typeof globalThis & { __samlengStoryFeeds?: boolean };

/** Installs the answers once per page (every story module calls it). */
export function mockFeeds(): void {
  const global = globalThis as Flagged;
  if (global.__samlengStoryFeeds) return;
  global.__samlengStoryFeeds = true;
  const network = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const answer = url.origin === FEEDS ? answers[url.pathname] : undefined;
    return answer ? answer() : network(input, init);
  };
}
