/**
 * Text fields of feeds may be a plain string or one string per language:
 * `"Treason"` or `{"en": "Treason", "km": "ក្បត់ជាតិ", "fr": "Trahison"}`.
 */
import type { Locale } from './format/types.js';

export type LocalizedText = string | Partial<Record<Locale, string>>;

/** Whether `value` has the shape of a localized text (a string, or an object of strings by locale). */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value === 'string') return true;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([, text]) => typeof text === 'string');
}

/**
 * The text in `locale`, else English, else the first language given; '' when there is none.
 * Feeds are untrusted JSON: `null`, numbers, arrays and empty strings count as missing, never as text.
 */
export function pickText(value: LocalizedText | null | undefined, locale: Locale): string {
  return clip(pick(value, locale));
}

function pick(value: LocalizedText | null | undefined, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const given = (text: unknown): text is string => typeof text === 'string' && text !== '';
  const texts = value as Record<string, unknown>;
  if (given(texts[locale])) return texts[locale];
  if (given(texts.en)) return texts.en;
  return Object.values(texts).find(given) ?? '';
}

/**
 * The most of one feed text a card shows. Far above any real summary, and a bound on what one field
 * costs: Chromium wraps a long run of Khmer letters without a space in time that grows with the square
 * of its length (50,000 letters take seconds), and the cards wrap anywhere so that a long word cannot
 * widen them.
 */
export const TEXT_MAX = 4000;

/** `text` cut to TEXT_MAX characters and an ellipsis, never in the middle of a surrogate pair. */
function clip(text: string): string {
  if (text.length <= TEXT_MAX) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(TEXT_MAX - 1)) ? TEXT_MAX - 1 : TEXT_MAX;
  return `${text.slice(0, end)}…`;
}
