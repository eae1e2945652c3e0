// What the membership benchmarks (membership.mjs, membership-subscriptions.mjs) read of each answer, and
// how they count them: a post timed to its full answer, its headers in a form that compares across requests.

/** POSTs `body` as JSON from a partner page; resolves with the time to the full answer and what came back. */
export async function timedPost(url, body) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://partner.example' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  // `date` and the rate limit's remaining/reset move with the clock and with this client's own requests,
  // whatever the address: they are compared as names, not values.
  const headers = [...response.headers]
    .filter(([name]) => name !== 'date')
    .map(([name, value]) => [name, /^x-ratelimit-(remaining|reset)$/.test(name) ? '(per client)' : value]);
  return { ms, status: response.status, headers: JSON.stringify(headers), text };
}

/** Counts one more `key` in `map`. */
export const tally = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

/** Whether two tallies saw the same keys. */
export const sameSet = (p, q) => p.size === q.size && [...p.keys()].every((key) => q.has(key));

/** A tally as lines: `n× key`. */
export const show = (map) => [...map].map(([key, n]) => `${n}× ${key}`).join('\n    ');
