import { durationBetween } from './duration.js';
import { toKhmerDigits } from './digits.js';
import { intl } from './intl-cache.js';
import { fillPattern, joinList, khmerSeparators } from './khmer.js';
import {
  DATE_PATTERNS,
  DATE_TIME_PATTERNS,
  LIST_AND,
  LIST_UNITS,
  RELATIVE,
  TIME_PATTERNS,
  UNITS,
} from './khmer-data.js';
import type { Formatter, Locale, Numerals, TimeUnit } from './types.js';
import { isTimeZone } from './zone.js';

export { durationBetween } from './duration.js';
export { isTimeZone } from './zone.js';

const UNIT_ORDER: readonly TimeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** Khmer digits for Khmer, Latin digits otherwise. */
export function defaultNumerals(locale: Locale): Numerals {
  return locale === 'km' ? 'khmr' : 'latn';
}

/** The page's tag ("en-AU", "fr-CA") when it is a tag of `locale`, without extensions such as -u-nu-. */
function intlLocale(locale: Locale, tag?: string): string {
  if (tag) {
    try {
      const { baseName, language } = new Intl.Locale(tag.replace(/_/g, '-'));
      if (language === locale) return baseName;
    } catch {
      // An invalid tag is the page's business: the plain language still reads right.
    }
  }
  return locale;
}

/**
 * A formatter for `locale`. en and fr use the browser's Intl with `intlTag` (the page's full tag, so an
 * en-GB page gets "8 May 2024" rather than en-US's "May 8, 2024"); km uses the committed CLDR table and
 * Intl only for time-zone arithmetic, so that Chromium and Firefox print exactly the same Khmer.
 *
 * Bad input never throws, as a partner's typo must not break their page: an invalid date, or a number
 * that is NaN or infinite, formats as ''; an unknown time zone counts as absent (the reader's zone;
 * widgets check zones with `isTimeZone` to warn).
 */
export function createFormatter(
  locale: Locale,
  numerals: Numerals = defaultNumerals(locale),
  intlTag?: string,
): Formatter {
  const km = locale === 'km';
  // km numbers are en-US's with other separators (see khmer-data.ts); km dates never reach Intl.
  const tag = km ? 'en-US' : intlLocale(locale, intlTag);
  const digits = (text: string) => (numerals === 'khmr' ? toKhmerDigits(text) : text);

  const number: Formatter['number'] = (value, { percent, ...options } = {}) => {
    if (!isFinite(value)) return '';
    const style = percent ? 'percent' : 'decimal';
    const text = intl(Intl.NumberFormat, tag, { ...options, style }).format(value);
    return digits(km ? khmerSeparators(text, numerals) : text);
  };

  /** A date, a time or both: `options` say which to Intl (en, fr), `pattern` to the km table. */
  const show = (
    value: Date,
    zone: string | undefined,
    options: Intl.DateTimeFormatOptions,
    pattern: string,
  ) => {
    if (isNaN(+value)) return '';
    const timeZone = zone && isTimeZone(zone) ? zone : undefined;
    return digits(
      km
        ? fillPattern(pattern, value, timeZone)
        : intl(Intl.DateTimeFormat, tag, { ...options, timeZone }).format(value),
    );
  };

  const relative: Formatter['relative'] = (value, unit) => {
    if (!isFinite(value)) return '';
    // -0 is in the past, as for Intl ("0 days ago").
    return km
      ? RELATIVE[unit][+(value < 0 || Object.is(value, -0))].replace('{0}', number(Math.abs(value)))
      : digits(intl(Intl.RelativeTimeFormat, tag, { numeric: 'always' }).format(value, unit));
  };

  const unit: Formatter['unit'] = (value, unit) => {
    if (!isFinite(value)) return '';
    return km
      ? UNITS[unit].replace('{0}', number(value))
      : digits(intl(Intl.NumberFormat, tag, { style: 'unit', unit, unitDisplay: 'long' }).format(value));
  };

  return {
    locale,
    numerals,
    number,
    digits,
    relative,
    unit,
    date: (value, { style = 'long', timeZone } = {}) =>
      show(value, timeZone, { dateStyle: style }, DATE_PATTERNS[style]),
    time: (value, { timeZone, seconds } = {}) => {
      const timeStyle = seconds ? 'medium' : 'short';
      return show(value, timeZone, { timeStyle }, TIME_PATTERNS[timeStyle]);
    },
    dateTime: (value, { style = 'long', timeZone, seconds } = {}) => {
      const timeStyle = seconds ? 'medium' : 'short';
      const pattern = DATE_TIME_PATTERNS[style]
        .replace('{1}', DATE_PATTERNS[style])
        .replace('{0}', TIME_PATTERNS[timeStyle]);
      return show(value, timeZone, { dateStyle: style, timeStyle }, pattern);
    },
    relativeTo: (target, now) => {
      if (isNaN(+target) || isNaN(+now)) return '';
      const { years, months, days = 0, hours, minutes, seconds } = durationBetween(target, now);
      const values = [years, months, Math.floor(days / 7), days, hours, minutes, seconds];
      // Whole units, never rounded up: a countdown must not say "in 1 day" while 1 day and 20 hours remain.
      const index = values.findIndex(Boolean);
      return relative((target < now ? -1 : 1) * (values[index] ?? 0), UNIT_ORDER[index] ?? 'second');
    },
    duration: (parts) => {
      const items = UNIT_ORDER.flatMap((name) => {
        const value = parts[`${name}s`];
        return value && isFinite(value) ? [unit(value, name)] : [];
      });
      // Nothing left is still an answer a countdown can show: "0 seconds".
      if (!items.length) return unit(0, 'second');
      return km
        ? joinList(items, LIST_UNITS)
        : intl(Intl.ListFormat, tag, { type: 'unit', style: 'long' }).format(items);
    },
    list: (items) =>
      km
        ? joinList(items, LIST_AND)
        : intl(Intl.ListFormat, tag, { type: 'conjunction', style: 'long' }).format(items),
    plural: (value) => intl(Intl.PluralRules, locale).select(value),
  };
}
