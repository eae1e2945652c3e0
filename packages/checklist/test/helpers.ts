/** Shared fixtures and queries for the checklist tests. */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../samleng-checklist.js';
import type { SamlengChecklist } from '../src/checklist.js';

export type { SamlengChecklist };

let keys = 0;
/** A storage key no other test uses. */
export const freshKey = (): string => `test-${Date.now()}-${++keys}`;

/** The four steps of the statement of 23 September 2023, two of them dated. */
export const fourSteps = (): TemplateResult =>
  html`<ol>
    <li data-id="upr" data-due="2023-10-10">
      <strong>Take part in the UN's review of Cambodia.</strong> Submit written statements of concern.
      <a href="https://example.org/upr">How to submit</a>
    </li>
    <li data-id="alerts">
      <strong>Support the urgent-action case alerts.</strong> They bring attention to the worst cases.
    </li>
    <li data-id="pressure" data-due="2023-11-01">
      <strong>Put economic pressure where it hurts.</strong> Sanctions.
    </li>
    <li data-id="meetings"><strong>Join international meetings on Cambodia.</strong></li>
  </ol>`;

export async function checklist(
  key: string,
  content: TemplateResult = fourSteps(),
  attributes: { heading?: string; theme?: string } = {},
): Promise<SamlengChecklist> {
  const el = await fixture<SamlengChecklist>(
    html`<samleng-checklist
      storage-key=${key}
      heading=${attributes.heading ?? 'Four steps'}
      theme=${attributes.theme ?? 'light'}
      >${content}</samleng-checklist
    >`,
  );
  await el.updateComplete;
  return el;
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
export const boxes = (el: Element): HTMLInputElement[] => [
  ...shadow(el).querySelectorAll<HTMLInputElement>('input.box'),
];
export const count = (el: Element): string => shadow(el).querySelector('.count')!.textContent!.trim();
export const bar = (el: Element): HTMLElement => shadow(el).querySelector<HTMLElement>('[role=progressbar]')!;
export const dueLines = (el: Element): string[] =>
  [...shadow(el).querySelectorAll('.due')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
export const button = (el: Element, selector: string): HTMLButtonElement | null =>
  shadow(el).querySelector<HTMLButtonElement>(selector);

/** Ticks or unticks a box as a click does, and waits for the render. */
export async function click(el: SamlengChecklist, index: number): Promise<void> {
  boxes(el)[index]!.click();
  await el.updateComplete;
}

export { setLang } from '../../../test/locale.js';
