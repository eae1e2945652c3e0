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
}

const inflight = new Map<string, Promise<unknown>>();

/**
 * Fetches and parses JSON from `url`. Concurrent and later calls for the same URL share one
 * request and its result until `forget(url)` (e.g. a retry button) drops it.
 */
export function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const key = new URL(url, document.baseURI).href;
  let request = inflight.get(key);
  if (!request) {
    request = load(key, options);
    inflight.set(key, request);
    // A failure is not kept: the next reader (or a retry) asks the network again.
    request.catch(() => inflight.delete(key));
  }
  return request;
}

/** Drops the shared result for `url`, so the next `fetchJson` asks the network again. */
export function forget(url: string): void {
  inflight.delete(new URL(url, document.baseURI).href);
}

async function load(
  url: string,
  { timeout = 10_000, maxBytes = 1_048_576 }: FetchJsonOptions,
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'omit',
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
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new FeedError(controller.signal.aborted ? 'timeout' : 'network', url);
    }
    if (text.length > maxBytes) throw new FeedError('too-large', url);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new FeedError('not-json', url);
    }
  } finally {
    clearTimeout(timer);
  }
}
