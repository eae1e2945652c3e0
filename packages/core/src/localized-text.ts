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

/** The text in `locale`, else English, else the first language given; '' when there is none. */
export function pickText(value: LocalizedText | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[locale] ?? value.en ?? Object.values(value).find((text) => typeof text === 'string') ?? '';
}
