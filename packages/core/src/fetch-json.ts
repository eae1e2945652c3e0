/**
 * Reading a JSON feed: once per URL however many widgets show it, without cookies, with a timeout
 * and a size limit, and with failures sorted into kinds a widget can explain to readers.
 */

/** Why a feed could not be read. */
export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'not-json' | 'too-large';

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly url: string,
    readonly status?: number,
  ) {
    super(`${kind}${status ? ` ${status}` : ''} reading ${url}`);
    this.name = 'FeedError';
  }
}

export interface FetchJsonOptions {
  /** Give up after this many milliseconds (default 10 s). */
  timeout?: number;
  /** Refuse a response larger than this many bytes (default 1 MB). */
  maxBytes?: number;
  /** The request's cache mode: `no-cache` for a value that must be current (a live count). */
  cache?: RequestCache;
}

const inflight = new Map<string, Promise<unknown>>();

/**
 * Fetches and parses JSON from `url`. Concurrent and later calls for the same URL share one
 * request and its result until `forget(url)` (e.g. a retry button) drops it.
 */
export function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const key = absolute(url);
  // Not even a URL: fail like any unreachable feed, as a rejected promise rather than a throw.
  if (key === undefined) return Promise.reject(new FeedError('network', url));
  let request = inflight.get(key);
  if (!request) {
    const shared = load(key, options);
    inflight.set(key, shared);
    // A failure is not kept: the next reader (or a retry) asks the network again. A request that
    // `forget()` already replaced must not drop its successor.
    shared.catch(() => {
      if (inflight.get(key) === shared) inflight.delete(key);
    });
    request = shared;
  }
  return request;
}

/** Drops the shared result for `url`, so the next `fetchJson` asks the network again. */
export function forget(url: string): void {
  const key = absolute(url);
  if (key !== undefined) inflight.delete(key);
}

function absolute(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return undefined;
  }
}

async function load(
  url: string,
  { timeout = 10_000, maxBytes = 1_048_576, cache = 'default' }: FetchJsonOptions,
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'omit',
        cache,
        headers: { accept: 'application/json' },
        signal: controller.signal,
        referrerPolicy: 'strict-origin-when-cross-origin',
      });
    } catch {
      throw new FeedError(controller.signal.aborted ? 'timeout' : 'network', url);
    }
    if (!response.ok) throw new FeedError('http', url, response.status);
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw new FeedError('too-large', url);
    const text = await readText(response, maxBytes, url, controller.signal);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new FeedError('not-json', url);
    }
  } finally {
    clearTimeout(timer);
    // Whatever went wrong, stop downloading the rest of the body. After a full read this is a no-op.
    controller.abort();
  }
}

/**
 * The body as UTF-8 text, counting bytes as they arrive: a compressed or chunked response has no
 * (or a smaller) Content-Length, and the limit is on bytes, not on UTF-16 code units (a Khmer
 * letter is one unit but three bytes).
 */
async function readText(
  response: Response,
  maxBytes: number,
  url: string,
  signal: AbortSignal,
): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) throw new FeedError('too-large', url);
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(signal.aborted ? 'timeout' : 'network', url);
  }
  return text + decoder.decode();
}
