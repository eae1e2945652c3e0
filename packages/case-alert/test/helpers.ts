import { waitUntil } from '@open-wc/testing';

export const FIXTURES = '/packages/case-alert/test/fixtures';

/** Changes the page language; with sinon's fake clock, pass it so the language watcher's timer runs. */
export { setLang } from '../../../test/locale.js';

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until a feed-driven element has left its loading state, and its cards have rendered. */
export async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await waitUntil(() => !$(el, '[aria-busy]'), 'the feed did not load', { timeout: 5000 });
  await el.updateComplete;
  await Promise.all(
    $$<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'samleng-case-alert').map(
      (c) => c.updateComplete,
    ),
  );
}

/** A fetch that never answers, except to honour its abort signal (the slow feed). */
export const neverAnswers = (_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
  });
