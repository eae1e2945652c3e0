/**
 * A partner-like host page for the failure suites (failure-surfaces.test.ts, failure-storage.test.ts):
 * a text field and a button of the host's own, then the widgets; and the check that the host page
 * stays usable whatever the widgets do. Test files call `removeHostPages()` in `afterEach`.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LitElement } from 'lit';

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
export const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
/** The text of the element's part `part`, white space squashed. */
export const partText = (el: Element, part: string) => squash($(el, `[part~="${part}"]`)?.textContent ?? '');

export interface HostPage {
  /** The host page's own controls, above the widgets. */
  before: HTMLInputElement;
  button: HTMLButtonElement;
  clicks: () => number;
  /** The widgets, by tag. */
  widget: (tag: string) => HTMLElement;
}

let pages: HTMLElement[] = [];

/** A partner-like page: a text field and a button of its own, then the widgets (trusted markup). */
export async function hostPage(widgets: string): Promise<HostPage> {
  const page = document.createElement('div');
  page.innerHTML = `<p><input aria-label="Search" class="host-before"> <button type="button" class="host-button">Donate</button></p>${widgets}`;
  document.body.prepend(page);
  pages.push(page);
  window.scrollTo(0, 0);
  let clicks = 0;
  const button = page.querySelector<HTMLButtonElement>('.host-button')!;
  button.addEventListener('click', () => (clicks += 1));
  await Promise.all(
    [...page.querySelectorAll<LitElement>('*')]
      .filter((el) => 'updateComplete' in el)
      .map((el) => el.updateComplete),
  );
  return {
    before: page.querySelector<HTMLInputElement>('.host-before')!,
    button,
    clicks: () => clicks,
    widget: (tag) => page.querySelector<HTMLElement>(tag)!,
  };
}

/** Removes every page `hostPage` made, even when a test failed half-way. */
export function removeHostPages(): void {
  for (const page of pages) page.remove();
  pages = [];
}

/** The host page's button is on top where it is drawn, reachable with Tab, and works with Enter and a click. */
export async function expectUsable(page: HostPage): Promise<void> {
  window.scrollTo(0, 0);
  const box = page.button.getBoundingClientRect();
  const [x, y] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
  expect(document.elementFromPoint(x, y), 'something covers the host page').to.equal(page.button);
  page.before.focus();
  await sendKeys({ press: 'Tab' });
  expect(document.activeElement, 'Tab does not reach the host page’s button').to.equal(page.button);
  const clicks = page.clicks();
  await sendKeys({ press: 'Enter' });
  expect(page.clicks()).to.equal(clicks + 1);
  await sendMouse({ type: 'click', position: [x, y] });
  await resetMouse();
  expect(page.clicks()).to.equal(clicks + 2);
}
