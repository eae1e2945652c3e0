/**
 * A step of the checklist, whichever way it was given: an `<li>` of the partner's own list (shown
 * through a slot, so its links and formatting stay theirs) or an entry of a JSON feed (rendered as
 * text by the widget).
 */
import type { LocalizedText } from '@samleng/core';

export interface Step {
  /** Stable id: the key of the step's progress in storage. */
  id: string;
  /** What the checkbox is labelled by; a plain string for list items, plain or by locale in feeds. */
  title: LocalizedText;
  /** More text (feeds) or the item's text after its title (lists, for the calendar). */
  details?: LocalizedText | undefined;
  /** A link out: the feed's `href`, or the first link of the list item (for the calendar). */
  href?: string | undefined;
  /** The due day, as midnight UTC of that calendar day. */
  due?: Date | undefined;
  /** The due date as written when it could not be read. */
  badDue?: string | undefined;
  /** The partner's list item (list mode only). */
  item?: HTMLLIElement | undefined;
  /** The name of the slot the item is shown through (list mode only). */
  slot?: string | undefined;
}

/** Collapses runs of white space, as a browser shows them. */
export const normalizeSpace = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * An id from a step's text, for steps the partner gave no `data-id`: letters (Khmer included) and
 * digits, lower-cased, joined by dashes. Stable as long as the text does not change.
 */
export function deriveId(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'step';
}

/**
 * Makes ids unique: the second step with id `upr` becomes `upr~2`, so the two keep separate progress.
 * @returns the ids that were given more than once.
 */
export function dedupeIds(steps: Step[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const step of steps) {
    if (!seen.has(step.id)) {
      seen.add(step.id);
      continue;
    }
    duplicates.add(step.id);
    let n = 2;
    while (seen.has(`${step.id}~${n}`)) n++;
    step.id = `${step.id}~${n}`;
    seen.add(step.id);
  }
  return [...duplicates];
}
