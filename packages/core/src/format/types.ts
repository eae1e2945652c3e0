/**
 * The formatting API every widget uses for dates, times, relative times, durations and numbers.
 * One `Formatter` is bound to a locale and a numbering system.
 */

/** The languages Samleng speaks. */
export type Locale = 'en' | 'km' | 'fr';

/** Latin digits (0123456789) or Khmer digits (០១២៣៤៥៦៧៨៩). */
export type Numerals = 'latn' | 'khmr';

/** Units for relative times and durations, largest first. */
export type TimeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

/** A duration split into calendar units; absent units count as zero. */
export interface DurationParts {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

export interface DateOptions {
  /** `long` (default): "8 May 2024"; `full` adds the weekday; `medium` abbreviates the month; `short` is numeric. */
  style?: DateStyle;
  /** IANA zone to show the date in; the reader's own zone when absent. */
  timeZone?: string;
}

export interface TimeOptions {
  /** IANA zone to show the time in; the reader's own zone when absent. */
  timeZone?: string;
  /** Show seconds too. */
  seconds?: boolean;
}

export interface NumberOptions {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  /** Format 0.42 as "42%". */
  percent?: boolean;
}

export interface Formatter {
  readonly locale: Locale;
  readonly numerals: Numerals;
  /** Grouped number: "1,234,567" (en), "1 234 567" (fr), "១.២៣៤.៥៦៧" (km, Khmer digits). */
  number(value: number, options?: NumberOptions): string;
  /** Replaces the ASCII digits in `text` with the formatter's digits. */
  digits(text: string): string;
  /** A calendar date: "8 May 2024" / "8 mai 2024" / "៨ ឧសភា ២០២៤". */
  date(value: Date, options?: DateOptions): string;
  /** A time of day: "10:05 AM" / "10:05" / "១០:០៥ នៅពេល\u200bព្រឹក" (km: 12-hour with CLDR's day-period word). */
  time(value: Date, options?: TimeOptions): string;
  /** Date and time together, in the locale's order. */
  dateTime(value: Date, options?: DateOptions & TimeOptions): string;
  /** "in 3 days", "3 days ago" (numeric, never "tomorrow"); `value` < 0 is in the past. */
  relative(value: number, unit: TimeUnit): string;
  /** `target` relative to `now` in the largest unit that fits ("in 2 months", "5 minutes ago"). */
  relativeTo(target: Date, now: Date): string;
  /** "3 days" / "3 jours" / "៣ ថ្ងៃ", plural-aware. */
  unit(value: number, unit: TimeUnit): string;
  /** "1 year, 2 months" / "1 an et 2 mois" / "១ ឆ្នាំ ២ ខែ"; zero units are left out. */
  duration(parts: DurationParts): string;
  /** "A, B and C" in the locale. */
  list(items: readonly string[]): string;
  /** The CLDR plural category of `value` in the locale (Khmer has only `other`). */
  plural(value: number): Intl.LDMLPluralRule;
}
