import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedError, fetchJson, forget } from '../src/fetch-json.js';

const FIXTURES = '/packages/core/test/fixtures';

/** A fresh URL per test: the shared results live as long as the page. */
let serial = 0;
const fresh = (file: string) => `${FIXTURES}/${file}?test=${(serial += 1)}-${Date.now()}`;

/** The rejection of `promise`, which must be a FeedError. */
async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the feed to fail');
}

/** A fetch that answers only when aborted, as a server that never replies. */
const hanging = (_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

describe('fetchJson', () => {
  let fetchSpy: sinon.SinonSpy<Parameters<typeof fetch>, ReturnType<typeof fetch>>;

  beforeEach(() => {
    // Calls through to the real fetch: only counts and records the requests.
    fetchSpy = sinon.spy(window, 'fetch');
  });

  afterEach(() => sinon.restore());

  const requestsFor = (url: string) =>
    fetchSpy.getCalls().filter((call) => String(call.args[0]) === new URL(url, document.baseURI).href).length;

  it('fetches and parses a JSON feed', async () => {
    const data = await fetchJson(fresh('feed.json'));
    expect(data).to.deep.equal({
      cases: [{ id: 'example', name: { en: 'Example', km: 'ឧទាហរណ៍', fr: 'Exemple' } }],
    });
  });

  it('sends no cookies and asks for JSON', async () => {
    const url = fresh('feed.json');
    await fetchJson(url);
    expect(fetchSpy.callCount).to.equal(1);
    const [input, init] = fetchSpy.firstCall.args;
    expect(input).to.equal(new URL(url, document.baseURI).href);
    expect(init?.credentials).to.equal('omit');
    expect(new Headers(init?.headers).get('accept')).to.equal('application/json');
    expect(init?.signal).to.be.instanceOf(AbortSignal);
  });

  it('makes one request for concurrent calls of the same URL', async () => {
    const url = fresh('feed.json');
    const results = await Promise.all(Array.from({ length: 10 }, () => fetchJson(url)));
    expect(requestsFor(url)).to.equal(1);
    // The very same parsed value, so widgets showing one feed agree.
    expect(results.every((result) => result === results[0])).to.equal(true);
  });

  it('counts a relative and an absolute spelling of one URL as one', async () => {
    const url = fresh('feed.json');
    await fetchJson(url);
    await fetchJson(new URL(url, document.baseURI).href);
    expect(fetchSpy.callCount).to.equal(1);
  });

  it('keeps a result for later calls, until forget() drops it', async () => {
    const url = fresh('feed.json');
    const first = await fetchJson(url);
    const second = await fetchJson(url);
    expect(second).to.equal(first);
    expect(requestsFor(url)).to.equal(1);

    forget(url);
    const third = await fetchJson(url);
    expect(requestsFor(url)).to.equal(2);
    expect(third).to.deep.equal(first);
    expect(third).not.to.equal(first);
    // The new result is shared again.
    expect(await fetchJson(url)).to.equal(third);
    expect(requestsFor(url)).to.equal(2);
  });

  it('reports a missing feed as an http error with its status', async () => {
    const url = fresh('missing.json');
    const error = await failure(fetchJson(url));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.url).to.equal(new URL(url, document.baseURI).href);
    expect(error.name).to.equal('FeedError');
    expect(error.message).to.equal(`http 404 reading ${error.url}`);
  });

  it('does not keep a failure: the next call asks the network again', async () => {
    const url = fresh('missing.json');
    const calls = [fetchJson(url), fetchJson(url)];
    const errors = await Promise.all(calls.map(failure));
    // Concurrent callers shared the one failing request...
    expect(errors[0]).to.equal(errors[1]);
    expect(requestsFor(url)).to.equal(1);
    // ...and a retry makes a new one.
    expect((await failure(fetchJson(url))).kind).to.equal('http');
    expect(requestsFor(url)).to.equal(2);
  });

  it('reports a malformed feed as not-json', async () => {
    const error = await failure(fetchJson(fresh('malformed.json')));
    expect(error.kind).to.equal('not-json');
    expect(error.status).to.equal(undefined);
    expect(error.message).to.match(/^not-json reading http/);
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await failure(fetchJson('http://127.0.0.1:9/feed.json'));
    expect(error.kind).to.equal('network');
    expect(error.url).to.equal('http://127.0.0.1:9/feed.json');
  });

  it('rejects, rather than throws, for a string that is no URL', async () => {
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = fetchJson('http://[broken'))).not.to.throw();
    const error = await failure(promise!);
    expect(error.kind).to.equal('network');
    expect(error.url).to.equal('http://[broken');
    expect(() => forget('http://[broken')).not.to.throw();
    expect(fetchSpy.callCount).to.equal(0);
  });

  it('refuses a feed whose declared size exceeds maxBytes', async () => {
    // large.json is 4882 bytes, and the server says so in Content-Length.
    const error = await failure(fetchJson(fresh('large.json'), { maxBytes: 4000 }));
    expect(error.kind).to.equal('too-large');
  });

  it('reads a feed right at the size limit', async () => {
    const data = (await fetchJson(fresh('large.json'), { maxBytes: 4882 })) as { items: unknown[] };
    expect(data.items).to.have.length(20);
  });

  it('counts bytes, not characters, whether the size is declared or not', async () => {
    // Chromium gives a data: URL response no Content-Length, so only the bytes read tell the size
    // (as for a compressed or chunked feed); Firefox declares it. Either way the limit is on bytes:
    // 100 Khmer letters are 100 UTF-16 code units but 300 bytes in UTF-8.
    const khmer = 'ក'.repeat(100);
    const json = JSON.stringify({ text: khmer });
    const url = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
    const response = await fetch(url);
    expect(response.headers.get('content-length')).to.be.oneOf([null, '311']);
    expect(json.length).to.be.below(200);

    expect((await failure(fetchJson(url, { maxBytes: 200 }))).kind).to.equal('too-large');
    expect(await fetchJson(url, { maxBytes: 400 })).to.deep.equal({ text: khmer });
  });

  it('gives up after the timeout when the server does not answer', async () => {
    sinon.restore();
    const stub = sinon.stub(window, 'fetch').callsFake(hanging);
    const started = performance.now();
    const error = await failure(fetchJson(fresh('feed.json'), { timeout: 50 }));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.at.least(45);
    // The request was aborted through its signal.
    expect(stub.firstCall.args[1]?.signal?.aborted).to.equal(true);
  });

  it('gives up after the timeout when the body stalls', async () => {
    sinon.restore();
    // Headers arrive, then nothing more: the body read must be bounded by the same timeout.
    sinon.stub(window, 'fetch').callsFake(async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"cases": ['));
          init?.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          );
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const error = await failure(fetchJson(fresh('feed.json'), { timeout: 50 }));
    expect(error.kind).to.equal('timeout');
  });

  it('does not let a forgotten failing request drop the one that replaced it', async () => {
    sinon.restore();
    // Real requests, held back until released, so their order can be arranged.
    const release: (() => void)[] = [];
    const realFetch = window.fetch.bind(window);
    const stub = sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      await new Promise<void>((resolve) => release.push(resolve));
      return realFetch(input, init);
    });
    const missing = fresh('missing.json');
    const first = failure(fetchJson(missing));
    forget(missing);
    const second = fetchJson(missing);
    await new Promise((resolve) => setTimeout(resolve));
    expect(release).to.have.length(2);
    release[0]();
    expect((await first).kind).to.equal('http');
    // The second request is still the shared one.
    const third = fetchJson(missing);
    expect(third).to.equal(second);
    release[1]();
    await Promise.all([failure(second), failure(third)]);
    expect(stub.callCount).to.equal(2);
  });
});
