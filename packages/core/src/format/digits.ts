/**
 * Khmer digits (០១២៣៤៥៦៧៨៩, U+17E0–U+17E9).
 *
 * Digits are mapped here rather than asked of Intl with `numberingSystem: 'khmr'`: Chromium and Firefox
 * both support that option, but each with its own locale data around the digits (Chromium has no km at
 * all), and mapping after formatting gives the same text everywhere while keeping the locale's separators.
 */

/** Replaces every ASCII digit in `text` with the Khmer digit of the same value. */
export function toKhmerDigits(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(0x17e0 + +digit));
}
