/**
 * What a window (this page, or a tab played by an iframe) sends to the receiver: its `fetch` replaced by
 * one that calls the real `fetch` and notes each POST's pledge id. It can also keep an answer from the
 * page after the receiver has given it, which is how a slow or lost answer looks to the page: the
 * receiver has the pledge, the page does not know it yet.
 *
 * The receiver's own request log (`receiverPosts()`, `postsOf()` in test/receiver.ts) counts what arrived
 * from every tab; this says what one window started, at once, and holds answers back.
 */
import sinon from 'sinon';

export interface PostWatch {
  /** The pledge ids of the POSTs this window has started, in order (`?` for a body without one). */
  readonly started: string[];
  /** How many POSTs of the pledge `id` this window has started. */
  count(id: string): number;
  /**
   * Keeps the answers to POSTs of `id` (to every POST when no id is given) from the page until the
   * returned function is called; the requests themselves go to the receiver at once.
   */
  hold(id?: string): () => void;
}

type FetchWindow = Window & typeof globalThis;

const idOf = (body: unknown): string => {
  try {
    const id = (JSON.parse(String(body)) as { id?: unknown }).id;
    return typeof id === 'string' ? id : '?';
  } catch {
    return '?';
  }
};

/**
 * Watches `win`'s POSTs. This page's `fetch` is restored by `sinon.restore()`; an iframe's goes with the
 * iframe (a reload gives the tab a fresh window, to be watched again).
 */
export function watchPosts(win: FetchWindow = window): PostWatch {
  const real = win.fetch.bind(win);
  const started: string[] = [];
  const gates = new Map<string, Promise<void>>();
  const ANY = '';

  const watched: typeof fetch = (input, init) => {
    const call = real(input, init);
    if (init?.method !== 'POST') return call;
    const id = idOf(init.body);
    started.push(id);
    const gate = gates.get(id) ?? gates.get(ANY);
    if (!gate) return call;
    return call.then(async (response) => {
      await gate;
      return response;
    });
  };
  if (win === window) sinon.stub(win, 'fetch').callsFake(watched);
  else win.fetch = watched;

  return {
    started,
    count: (id) => started.filter((one) => one === id).length,
    hold(id = ANY) {
      let release!: () => void;
      gates.set(id, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        gates.delete(id);
        release();
      };
    },
  };
}
