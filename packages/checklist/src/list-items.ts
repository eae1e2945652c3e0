/**
 * Steps from the partner's own list.
 *
 * A slot only shows children of the host, so each `<li>` is moved out of its `<ol>` to sit directly
 * in the element, with a `slot` of its own: the widget then places a real checkbox in its shadow
 * root beside each item while the item itself (links, formatting, the partner's styles) stays the
 * partner's DOM, never copied or re-rendered. Before the script runs, the list reads as a normal
 * list. The emptied `<ol>` stays where it was, assigned to a slot that is never rendered, so items a
 * partner's script appends to it later are picked up too.
 */
import { safeUrl } from '@samleng/core';
import { parseDueDate } from './due-date.js';
import { deriveId, normalizeSpace, type Step } from './step.js';

/** The slot of the emptied source lists: not rendered. */
export const SOURCE_SLOT = 'samleng-source';

const slotNames = new WeakMap<HTMLLIElement, string>();
let lastSlot = 0;

const isList = (node: Element): node is HTMLOListElement | HTMLUListElement =>
  node instanceof HTMLOListElement || node instanceof HTMLUListElement;

/** The kind of list the partner wrote (`ol` or `ul`), so the widget keeps its meaning. */
export function listKind(host: HTMLElement): 'ol' | 'ul' {
  const list = [...host.children].find(isList);
  return list?.localName === 'ul' ? 'ul' : 'ol';
}

/** Moves the items of the host's lists into the host, in order, and gives each its slot. */
export function adoptItems(host: HTMLElement): HTMLLIElement[] {
  for (const child of [...host.children]) {
    if (!isList(child)) continue;
    for (const item of [...child.children]) {
      if (item instanceof HTMLLIElement) host.insertBefore(item, child);
    }
    if (child.slot !== SOURCE_SLOT) child.slot = SOURCE_SLOT;
  }
  const items = [...host.children].filter((child): child is HTMLLIElement => child instanceof HTMLLIElement);
  for (const item of items) {
    let name = slotNames.get(item);
    if (!name) {
      name = `samleng-step-${++lastSlot}`;
      slotNames.set(item, name);
    }
    if (item.slot !== name) item.slot = name;
    // The widget's own list item (with the checkbox) is the list item for assistive technology; the
    // partner's item inside it is plain content.
    if (item.getAttribute('role') !== 'none') item.setAttribute('role', 'none');
  }
  return items;
}

/** What makes a title: an explicit `data-title`, else a leading `<strong>`, `<b>` or heading. */
const TITLE = 'strong, b, h2, h3, h4, h5, h6';

export interface ItemStep {
  step: Step;
  /** True when the item had no `data-id` and its id was made from its text. */
  derived: boolean;
}

/** The step an item stands for. */
export function stepFromItem(item: HTMLLIElement): ItemStep {
  const text = normalizeSpace(item.textContent);
  const explicit = item.querySelector('[data-title]');
  const leading = item.querySelector(TITLE);
  let title = text;
  if (explicit) {
    title = normalizeSpace(explicit.textContent) || text;
  } else if (leading) {
    const candidate = normalizeSpace(leading.textContent);
    // Only a title when the item starts with it: a <strong> in mid-sentence is emphasis.
    if (candidate && text.startsWith(candidate)) title = candidate;
  }
  const details = title !== text && text.startsWith(title) ? text.slice(title.length).trim() : undefined;
  const link = item.querySelector('a[href]');
  const href = safeUrl(link?.getAttribute('href'));
  const dueValue = item.dataset['due']?.trim();
  const due = dueValue ? parseDueDate(dueValue) : undefined;
  const id = item.dataset['id']?.trim();
  return {
    step: {
      id: id || deriveId(title),
      title,
      details: details || undefined,
      href: href ? new URL(href, item.baseURI).href : undefined,
      due,
      badDue: dueValue && !due ? dueValue : undefined,
      item,
      slot: slotNames.get(item),
    },
    derived: !id,
  };
}
