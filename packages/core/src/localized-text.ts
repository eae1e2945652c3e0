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
  return pickLocalized(value, locale).text;
}

// <issue 18: language of parts>
/** A feed text as a widget shows it, with its language when that is not the widget's. */
export interface PickedText {
  text: string;
  /**
   * The language of `text` when it is not `locale` (an English fallback in a Khmer card, a name in Latin
   * letters), for a `lang` attribute on the element that shows it (WCAG 3.1.2); undefined when it is the
   * widget's language or cannot be told.
   */
  lang: string | undefined;
}

/** A language tag as a feed may write it as a key ("en", "km-KH"); anything else is not used as `lang`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const KHMER = /\p{Script=Khmer}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * What `pickText` picks, and in which language. For a text given by language, the language is the one
 * picked. A plain string says nothing of its language, so only its script can rule the widget's out:
 * Latin letters and no Khmer ones in a Khmer widget are English (the feeds' fallback language), Khmer
 * letters and no Latin ones in an English or French widget are Khmer; anything else is left to inherit.
 */
export function pickLocalized(value: LocalizedText | null | undefined, locale: Locale): PickedText {
  const [text, given] = pick(value, locale);
  const clipped = clip(text);
  let lang = given;
  if (given === undefined && clipped) {
    const khmer = KHMER.test(clipped);
    const latin = LATIN.test(clipped);
    if (locale === 'km' ? latin && !khmer : khmer && !latin) lang = locale === 'km' ? 'en' : 'km';
  }
  return { text: clipped, lang: lang === locale || !LANGUAGE_TAG.test(lang ?? '') ? undefined : lang };
}
// </issue 18>

/** The text and the language key it was found under (undefined for a plain string). */
function pick(value: LocalizedText | null | undefined, locale: Locale): [string, string?] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [''];
  const given = (text: unknown): text is string => typeof text === 'string' && text !== '';
  const texts = value as Record<string, unknown>;
  for (const key of [locale, 'en', ...Object.keys(texts)]) {
    const text = texts[key];
    if (given(text)) return [text, key];
  }
  return [''];
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
