import sinon from 'sinon';

export { setLang } from '../../../test/locale.js';

/** Text as read, whitespace (including no-break spaces) collapsed. */
export const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
export const text = (el: Element) => squash(el.shadowRoot!.textContent!);
export const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const partText = (el: Element, name: string) => squash(part(el, name)?.textContent ?? '');

/** Fake Date and timers; animation frames and microtasks stay real, or Lit would stall. */
export const fakeClock = (now: string | number) =>
  sinon.useFakeTimers({
    now: new Date(now),
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  });

/** The reader's own zone in this browser, so a test can use it as the event's zone. */
export const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Makes the page report itself hidden (or visible again) and tells the page so. */
export const setHidden = (hidden: boolean) => {
  if (hidden) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  } else {
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
  document.dispatchEvent(new Event('visibilitychange'));
};
