// /healthz while the event loop lags: a receiver whose loop was stuck for most of a second answers
// everyone late, so a load balancer should hear "unavailable" until it has been well for a few seconds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { start } from './helpers.js';

const { url } = await start();

describe('/healthz and the event loop', () => {
  it('says 503 "event-loop" after the loop was blocked for 1.5 s, 200 before', async () => {
    // Well first: a lag while this process was still starting (other test files share the cores) is
    // remembered for a few seconds, so wait for the 200 that follows it.
    let status = 0;
    for (const until = Date.now() + 10_000; status !== 200 && Date.now() < until;) {
      status = (await fetch(`${url}/healthz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(status, 200);
    // The receiver runs in this process: a synchronous stretch here blocks its loop as a heavy request would.
    const until = Date.now() + 1_500;
    while (Date.now() < until);
    const response = await fetch(`${url}/healthz`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'unavailable', reasons: ['event-loop'] });
  });
});
