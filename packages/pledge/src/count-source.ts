/**
 * The campaign's count, read once per endpoint and campaign for the whole page.
 *
 * Twenty counters and two forms for one campaign make one request per refresh, not twenty-two: they
 * subscribe to one source, which polls at the shortest `refresh` any of them asks for, only while the
 * page is visible, and catches up at once when the reader comes back to the tab.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError, fetchJson, forget, warnOnce } from '@samleng/core';

export type CountStatus = 'loading' | 'ready' | 'error';

interface Subscriber {
  refresh: number;
  /** The widget showing the count: the one a console warning names. */
  host: Element;
  notify: () => void;
}

interface Source {
  url: string;
  count: number | undefined;
  status: CountStatus;
  /** When the count was last read or reported (ms). */
  at: number;
  subscribers: Set<Subscriber>;
  loading: boolean;
  /** Bumped by each reported count: a reading that started before it is out of date. */
  version: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const sources = new Map<string, Source>();
const warned = new Set<string>();
let watchingVisibility = false;
/** The smallest refresh honoured, in seconds: a typo must not turn every reader into a load test. */
export const MIN_REFRESH = 5;

const hidden = () => document.visibilityState === 'hidden';

function period(source: Source): number {
  return Math.min(...[...source.subscribers].map((s) => s.refresh)) * 1000;
}

function schedule(source: Source): void {
  clearTimeout(source.timer);
  source.timer = undefined;
  if (source.subscribers.size === 0 || hidden()) return;
  const wait = Math.max(0, source.at + period(source) - Date.now());
  source.timer = setTimeout(() => load(source), wait);
}

function publish(source: Source): void {
  for (const subscriber of [...source.subscribers]) subscriber.notify();
}

function load(source: Source): void {
  clearTimeout(source.timer);
  source.timer = undefined;
  if (source.loading) return;
  source.loading = true;
  const version = source.version;
  forget(source.url);
  // `no-cache`: the receiver lets caches keep a count for a few seconds, which is right for a proxy
  // in front of it, but the reader who just pledged must see the count with their pledge in it.
  fetchJson(source.url, { timeout: 10_000, maxBytes: 4096, cache: 'no-cache' })
    .then(
      (json) => {
        if (version !== source.version) return;
        const count = (json as { count?: unknown } | null)?.count;
        if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) {
          source.count = count;
          source.status = 'ready';
        } else {
          fail(source, `it answered JSON without a count (expected {"campaign": …, "count": 123})`);
        }
      },
      (error: unknown) => {
        if (version !== source.version) return;
        const kind = error instanceof FeedError ? error.kind : 'network';
        fail(
          source,
          kind === 'http' ? `it answered ${String((error as FeedError).status)}` : `${kind} error`,
        );
      },
    )
    .finally(() => {
      source.loading = false;
      source.at = Date.now();
      publish(source);
      // A count was reported while this reading was on its way: read again, after it.
      if (version !== source.version) load(source);
      else schedule(source);
    });
}

function fail(source: Source, why: string): void {
  // The last count stays on screen: a refresh that fails says nothing new about the campaign.
  if (source.count === undefined) source.status = 'error';
  // Nobody shows this count any more (the widget left the page mid-request): nothing to report.
  const [first] = source.subscribers;
  if (!first || warned.has(source.url)) return;
  // One warning per count address, however many widgets show it.
  warned.add(source.url);
  warnOnce(first.host, `count:${source.url}`, `the count could not be read from ${source.url}: ${why}.`);
}

function onVisibilityChange(): void {
  for (const source of sources.values()) {
    if (hidden()) {
      clearTimeout(source.timer);
      source.timer = undefined;
    } else schedule(source);
  }
}

function sourceFor(url: string): Source {
  let source = sources.get(url);
  if (!source) {
    source = {
      url,
      count: undefined,
      status: 'loading',
      at: 0,
      subscribers: new Set(),
      loading: false,
      version: 0,
      timer: undefined,
    };
    sources.set(url, source);
  }
  return source;
}

/**
 * After a pledge was delivered: the count is read again; one given (an older receiver's answer) is shown
 * at once.
 */
export function reportCount(url: string, count: number | undefined): void {
  const source = sourceFor(url);
  if (count !== undefined) {
    source.count = count;
    source.status = 'ready';
  }
  source.version++;
  publish(source);
  // Nobody shows this count (the outbox sent a pledge for another campaign): no request. A widget
  // that shows it later reads it then, at once if it was never read, else when its refresh is due.
  if (source.subscribers.size === 0) return;
  if (count !== undefined) {
    load(source);
    return;
  }
  // The receiver counts a pledge once it has sorted it, a few hundred ms after its answer (so that no
  // answer's timing tells whether an address had pledged before): read after that.
  setTimeout(() => {
    if (source.subscribers.size > 0) load(source);
  }, READ_AFTER_PLEDGE_MS);
}

/** Wait before reading the count after a pledge: the receiver sorts its intake within 400 ms. */
const READ_AFTER_PLEDGE_MS = 1000;

/** The subscriptions of the page, for tests and the benchmark. */
export function countSources(): { url: string; subscribers: number; polling: boolean }[] {
  return [...sources.values()].map((s) => ({
    url: s.url,
    subscribers: s.subscribers.size,
    polling: s.timer !== undefined,
  }));
}

/**
 * A reactive controller: the host calls `watch(url, refresh)` as its attributes change, reads
 * `count` and `status`, and re-renders when they change.
 */
export class CountController implements ReactiveController {
  #url: string | undefined;
  #subscriber: Subscriber;
  #connected = false;

  constructor(host: ReactiveControllerHost & Element) {
    host.addController(this);
    this.#subscriber = { refresh: 60, host, notify: () => host.requestUpdate() };
  }

  get count(): number | undefined {
    return this.#url === undefined ? undefined : sources.get(this.#url)?.count;
  }

  get status(): CountStatus {
    return this.#url === undefined ? 'loading' : (sources.get(this.#url)?.status ?? 'loading');
  }

  /** Follows `url` (undefined: none), refreshed at least every `refresh` seconds. */
  watch(url: string | undefined, refresh: number): void {
    const seconds = Math.max(MIN_REFRESH, refresh);
    if (url === this.#url && seconds === this.#subscriber.refresh) return;
    this.#stop();
    this.#url = url;
    this.#subscriber.refresh = seconds;
    if (this.#connected) this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    if (this.#url === undefined) return;
    if (!watchingVisibility) {
      document.addEventListener('visibilitychange', onVisibilityChange);
      watchingVisibility = true;
    }
    const source = sourceFor(this.#url);
    source.subscribers.add(this.#subscriber);
    // The first reader of a source, or one arriving after a failure, asks now; the others share.
    if (source.at === 0 || source.status === 'error') load(source);
    else schedule(source);
  }

  #stop(): void {
    if (this.#url === undefined) return;
    const source = sources.get(this.#url);
    if (!source) return;
    source.subscribers.delete(this.#subscriber);
    schedule(source);
  }
}
