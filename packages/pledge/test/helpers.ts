/**
 * What the pledge tests share: reading and filling the form inside the shadow root, and waiting for
 * the real network with the browser's own timers (sinon may have replaced `setTimeout`).
 */
import type { SamlengPledge } from '../src/pledge.js';

const realSetTimeout = window.setTimeout.bind(window);

/** Waits `ms` of real time, whatever sinon has done to the page's timers. */
export const realWait = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/** Polls `test` on real time until it holds, or fails with `what` after `timeout` ms. */
export async function until(test: () => boolean, what: string, timeout = 8000): Promise<void> {
  const end = performance.now() + timeout;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await realWait(20);
  }
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

export const text = (el: Element, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

/** Types into the form's fields as a reader would (an `input` event per field). */
export function fill(el: SamlengPledge, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(el, `#${name}`);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}

export function tickConsent(el: SamlengPledge): void {
  $<HTMLInputElement>(el, '#consent')!.click();
}

export function submit(el: SamlengPledge): void {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
}

/** Fills name, e-mail and consent, and sends. */
export function sign(el: SamlengPledge, name: string, email: string): void {
  fill(el, { name, email });
  tickConsent(el);
  submit(el);
}

export const OUTBOX = 'samleng-pledge-outbox';

export function outbox(): { endpoint: string; body: { id: string; email: string }; queuedAt: number }[] {
  return JSON.parse(localStorage.getItem(OUTBOX) ?? '[]') as ReturnType<typeof outbox>;
}
