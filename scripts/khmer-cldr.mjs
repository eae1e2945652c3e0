// Prints packages/core/src/format/khmer-data.ts from the Khmer (km) CLDR data of Node's full ICU.
//
//   node scripts/khmer-cldr.mjs           print the module
//   node scripts/khmer-cldr.mjs --write   rewrite the committed file
//   node scripts/khmer-cldr.mjs --check   exit 1 when the committed file no longer matches this Node
//
// Browsers cannot be asked instead: Chromium's ICU has no km data at all, and Firefox's follows its own
// CLDR release, so the widgets format Khmer from the committed table. Everything is read back
// from real formatted output (formatToParts) rather than typed in, and every assumption the runtime
// makes about that data (one plural form, the en-US number patterns, no quoted letters in patterns)
// is asserted here, so a CLDR change that would break the runtime fails loudly instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TARGET = fileURLToPath(new URL('../packages/core/src/format/khmer-data.ts', import.meta.url));
const KM = 'km';
const UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
const DATE_STYLES = ['full', 'long', 'medium', 'short'];
const TIME_STYLES = ['short', 'medium'];
// 9:05:07 on 8 May 2024 shows whether day, month and hour are zero-padded, and gives a morning time.
const SAMPLE = new Date(Date.UTC(2024, 4, 8, 9, 5, 7));

function assert(condition, message) {
  if (!condition) throw new Error(`khmer-cldr: ${message}`);
}

if (!Intl.DateTimeFormat.supportedLocalesOf([KM]).length) {
  throw new Error('khmer-cldr: this Node has no km data (it needs full ICU, the default since Node 13)');
}

const dateFormat = (options) => new Intl.DateTimeFormat(KM, { timeZone: 'UTC', ...options });
const partOf = (parts, type) => parts.find((part) => part.type === type)?.value;

const months = [];
const monthsShort = [];
for (let month = 0; month < 12; month++) {
  const date = new Date(Date.UTC(2024, month, 8));
  // Names as they appear inside a date (CLDR "format" context, which may differ from "stand-alone").
  months.push(partOf(dateFormat({ dateStyle: 'long' }).formatToParts(date), 'month'));
  monthsShort.push(partOf(dateFormat({ day: 'numeric', month: 'short' }).formatToParts(date), 'month'));
}
const weekdays = [];
for (let day = 0; day < 7; day++) {
  // 7 January 2024 was a Sunday: the list starts on Sunday like Date#getDay().
  const date = new Date(Date.UTC(2024, 0, 7 + day));
  weekdays.push(partOf(dateFormat({ dateStyle: 'full' }).formatToParts(date), 'weekday'));
}
// Times of day: 12-hour with CLDR's flexible day periods (the LDML field `B`: morning, afternoon, evening,
// night, and noon at 12:00), not with `a`, whose km values are the Latin "AM" and "PM". These options ask
// ICU for km's own pattern of the skeletons `Bhm` and `Bhms`.
const TIME_OPTIONS = { hour: 'numeric', minute: '2-digit', dayPeriod: 'short' };
const timeFormat = (seconds) => dateFormat({ ...TIME_OPTIONS, ...(seconds && { second: '2-digit' }) });
const TIME_FORMATS = { short: timeFormat(false), medium: timeFormat(true) };
/** The fields of each date style, for asking Intl for a date with a time that has a day period. */
const DATE_SKELETONS = {
  full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  medium: { year: 'numeric', month: 'short', day: 'numeric' },
  short: { year: '2-digit', month: 'numeric', day: 'numeric' },
};
const periodAt = (hour, minute, second = 0, seconds = false) =>
  partOf(
    TIME_FORMATS[seconds ? 'medium' : 'short'].formatToParts(
      new Date(Date.UTC(2024, 0, 1, hour, minute, second)),
    ),
    'dayPeriod',
  );

// CLDR's day-period rules for km, read back minute by minute: a period that spans hours ("from 12:00
// before 18:00") and ones that name a moment ("at 12:00"). The runtime keeps the first as the hours they
// start at and the second by hour, which holds only while every rule falls on a whole hour: asserted.
const dayPeriods = [];
const dayPeriodsAt = {};
for (let hour = 0; hour < 24; hour++) {
  const word = periodAt(hour, 30);
  for (let minute = 1; minute < 60; minute++) {
    assert(periodAt(hour, minute) === word, `the day period changes within ${hour}:${minute}`);
  }
  if (dayPeriods.at(-1)?.[1] !== word) dayPeriods.push([hour, word]);
  const onTheHour = periodAt(hour, 0);
  if (onTheHour !== word) {
    dayPeriodsAt[hour] = onTheHour;
    // A moment holds for the time shown: 12:00 without seconds, but 12:00:30 is past it.
    assert(periodAt(hour, 0, 30) === onTheHour, `"at ${hour}:00" does not hold until ${hour}:01`);
    assert(periodAt(hour, 0, 30, true) === word, `"at ${hour}:00" still holds at ${hour}:00:30`);
    assert(periodAt(hour, 0, 0, true) === onTheHour, `"at ${hour}:00" is not used at ${hour}:00:00`);
  }
}
for (const word of [...dayPeriods.map(([, word]) => word), ...Object.values(dayPeriodsAt)]) {
  assert(!/\p{Script=Latin}/u.test(word), `the day period ${word} has Latin letters`);
}

/** Turns formatted parts of SAMPLE back into the LDML pattern that produced them. */
function toPattern(parts, dayPeriodField = 'a') {
  const hasDayPeriod = parts.some((part) => part.type === 'dayPeriod');
  return parts
    .map(({ type, value }) => {
      switch (type) {
        case 'weekday':
          assert(value === weekdays[SAMPLE.getUTCDay()], `unexpected weekday form ${value}`);
          return 'EEEE';
        case 'day':
          return value.length === 2 ? 'dd' : 'd';
        case 'month':
          if (/^\d+$/.test(value)) return value.length === 2 ? 'MM' : 'M';
          if (value === months[4]) return 'MMMM';
          assert(value === monthsShort[4], `unexpected month form ${value}`);
          return 'MMM';
        case 'year':
          return value.length === 2 ? 'yy' : 'y';
        case 'hour':
          return (hasDayPeriod ? 'h' : 'H').repeat(value.length);
        case 'minute':
          return 'm'.repeat(value.length);
        case 'second':
          return 's'.repeat(value.length);
        case 'dayPeriod':
          return dayPeriodField;
        case 'literal':
          // The runtime has no quoting: literal Latin letters would be read as pattern fields.
          assert(!/[A-Za-z'{}]/.test(value), `literal ${JSON.stringify(value)} needs quoting`);
          return value;
        default:
          throw new Error(`khmer-cldr: unsupported part ${type}`);
      }
    })
    .join('');
}

const datePatterns = Object.fromEntries(
  DATE_STYLES.map((style) => [style, toPattern(dateFormat({ dateStyle: style }).formatToParts(SAMPLE))]),
);
const timePatterns = Object.fromEntries(
  TIME_STYLES.map((style) => [style, toPattern(TIME_FORMATS[style].formatToParts(SAMPLE), 'B')]),
);
const dateTimePatterns = Object.fromEntries(
  DATE_STYLES.map((style) => {
    const [pattern, ...others] = TIME_STYLES.map((timeStyle) => {
      const date = dateFormat({ dateStyle: style }).format(SAMPLE);
      const time = dateFormat({ timeStyle }).format(SAMPLE);
      const both = dateFormat({ dateStyle: style, timeStyle }).format(SAMPLE);
      assert(both.startsWith(date) && both.endsWith(time), `date-time ${style} is not "{1}…{0}": ${both}`);
      return `{1}${both.slice(date.length, both.length - time.length)}{0}`;
    });
    assert(
      others.every((other) => other === pattern),
      `date-time ${style} differs between time styles`,
    );
    // The same glue joins a date and a time with a day period (the runtime's times): asked through the
    // date style's skeleton, since Intl takes no dateStyle beside dayPeriod.
    const date = dateFormat(DATE_SKELETONS[style]).format(SAMPLE);
    const time = TIME_FORMATS.short.format(SAMPLE);
    const both = dateFormat({ ...DATE_SKELETONS[style], ...TIME_OPTIONS }).format(SAMPLE);
    assert(
      both === pattern.replace('{1}', date).replace('{0}', time),
      `date-time ${style} with a day period is not "${pattern}": ${both}`,
    );
    return [style, pattern];
  }),
);

assert(
  new Intl.PluralRules(KM).resolvedOptions().pluralCategories.join() === 'other',
  'km now has more than one plural form: the runtime keeps one pattern per unit',
);

/** The pattern of a formatted number: its number replaced by `{0}`, the same for 1 and 5. */
function numberPattern(format) {
  const [pattern, other] = [1, 5].map((value) =>
    format(value)
      .map((part) => (part.type === 'integer' ? '{0}' : part.value))
      .join(''),
  );
  assert(pattern === other, `pattern differs between 1 and 5: ${pattern} / ${other}`);
  return pattern;
}

const relativeFormat = new Intl.RelativeTimeFormat(KM, { numeric: 'always' });
const relative = Object.fromEntries(
  UNITS.map((unit) => [
    unit,
    [1, -1].map((sign) => numberPattern((value) => relativeFormat.formatToParts(sign * value, unit))),
  ]),
);
const units = Object.fromEntries(
  UNITS.map((unit) => {
    const format = new Intl.NumberFormat(KM, { style: 'unit', unit, unitDisplay: 'long' });
    return [unit, numberPattern((value) => format.formatToParts(value))];
  }),
);

/** The joiners of a list format: between two items, and at the start, middle and end of a longer list. */
function listJoiners(options) {
  const format = new Intl.ListFormat(KM, options);
  const literals = (count) => {
    const items = Array.from({ length: count }, (_, index) => `x${index}`);
    const parts = format.formatToParts(items);
    assert(
      parts[0].type === 'element' && parts.at(-1).type === 'element',
      `list ${JSON.stringify(options)} wraps its items`,
    );
    return parts.filter((part) => part.type === 'literal').map((part) => part.value);
  };
  const [pair] = literals(2);
  const [start, middle, end] = literals(4);
  return { pair, start, middle, end };
}

// The runtime formats km numbers with en-US's Intl and swaps the separators; prove that gives km.
const latin = new Intl.NumberFormat(KM).formatToParts(1234567.5);
const khmer = new Intl.NumberFormat(KM, { numberingSystem: 'khmr' }).formatToParts(1234567.5);
const symbols = {
  latn: [partOf(latin, 'group'), partOf(latin, 'decimal')],
  khmr: [partOf(khmer, 'group'), partOf(khmer, 'decimal')],
};
for (const options of [{}, { style: 'percent' }, { minimumFractionDigits: 2 }]) {
  for (const value of [-1234567.891, 0.42, 12, 1000]) {
    const en = new Intl.NumberFormat('en-US', options).format(value);
    assert(new Intl.NumberFormat(KM, options).format(value) === en, `km and en-US differ on ${value}`);
    const swapped = en.replace(/[,.]/g, (c) => (c === ',' ? symbols.khmr[0] : symbols.khmr[1]));
    const digits = new Intl.NumberFormat(KM, { ...options, numberingSystem: 'khmr' }).format(value);
    assert(
      digits === swapped.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + +d)),
      `km khmr ${digits} is not en-US with swapped separators`,
    );
  }
}
assert(symbols.latn.join('') === ',.', 'km Latin-digit separators are no longer ", ."');

// Invisible characters (U+200B in many patterns) become escapes, so a reader can see them.
const hex = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const str = (value) => `'${value.replace(/[\\']/g, '\\$&').replace(/\p{C}|[^\S ]/gu, hex)}'`;
const array = (values) => `[${values.map(str).join(', ')}]`;
const record = (entries, value = str) =>
  `{ ${Object.entries(entries)
    .map(([key, v]) => `${key}: ${value(v)}`)
    .join(', ')} }`;
const sameShort = monthsShort.every((name, index) => name === months[index]);

const source = `/**
 * Khmer (km) CLDR data as shipped by Node's full ICU (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}).
 * Generated by \`node scripts/khmer-cldr.mjs --write\`; \`--check\` tells whether it still matches Node.
 *
 * Browsers cannot be asked for it: Chromium's ICU has no km data at all (its output silently falls back
 * to US English) and Firefox's follows its own CLDR release, so this table, not the browser, is what the
 * widgets format Khmer with, and every browser prints the same. Invisible characters are kept exactly
 * as CLDR has them (U+200B ZERO WIDTH SPACE marks word breaks for line wrapping) and written as escapes
 * so they can be seen.
 */
import type { DateStyle, TimeUnit } from './types.js';

/** Month names in dates, January first. */
export const MONTHS = ${array(months)};

/** Abbreviated month names (the \`medium\` date style)${sameShort ? ': the same words as the full names in CLDR km' : ''}. */
export const MONTHS_SHORT: readonly string[] = ${sameShort ? 'MONTHS' : array(monthsShort)};

/** Weekday names, Sunday first like \`Date#getDay()\`. */
export const WEEKDAYS = ${array(weekdays)};

/**
 * Flexible day periods (CLDR's \`B\`: morning, afternoon, evening, night), each from the hour it starts at
 * until the next one; they follow a 12-hour time.
 */
export const DAY_PERIODS: readonly (readonly [number, string])[] = [${dayPeriods.map(([hour, word]) => `[${hour}, ${str(word)}]`).join(', ')}];

/** Day periods that name a moment (CLDR's \`noon\`), by hour: used when the time shown is exactly on that hour. */
export const DAY_PERIODS_AT: Record<number, string> = ${record(dayPeriodsAt)};

/**
 * LDML date patterns per style.${sameShort ? '\n * (CLDR km has MMM in `medium`: it reads back as MMMM, the abbreviated month names being the full ones.)' : ''}
 */
export const DATE_PATTERNS: Record<DateStyle, string> = ${record(datePatterns)};

/** LDML time patterns, without and with seconds: km's patterns for 12-hour times with a day period (\`Bhm\`, \`Bhms\`). */
export const TIME_PATTERNS = ${record(timePatterns)};

/** How a date (\`{1}\`) and a time (\`{0}\`) are joined, per date style. */
export const DATE_TIME_PATTERNS: Record<DateStyle, string> = ${record(dateTimePatterns)};

/** [future, past] relative-time patterns per unit; \`{0}\` is the number. km has one plural form. */
export const RELATIVE: Record<TimeUnit, readonly [string, string]> = ${record(relative, array)};

/** "{0} days"-style unit patterns. */
export const UNITS: Record<TimeUnit, string> = ${record(units)};

/** What goes between the items of a list: of two items, and at the start, middle and end of longer ones. */
export interface ListJoiners {
  pair: string;
  start: string;
  middle: string;
  end: string;
}

/** "A, B and C". */
export const LIST_AND: ListJoiners = ${record(listJoiners({ type: 'conjunction', style: 'long' }))};

/** Units of a duration: "1 year 2 months". */
export const LIST_UNITS: ListJoiners = ${record(listJoiners({ type: 'unit', style: 'long' }))};

/**
 * [grouping, decimal] separators per numbering system. Otherwise km numbers follow the en-US patterns
 * ("#,##0.###", "#,##0%", "-" for minus), so they are formatted by en-US Intl with these swapped in.
 */
export const NUMBER_SEPARATORS = ${record(symbols, array)};
`;

// Laid out by the repository's Prettier so the committed file and this output compare equal.
const prettier = await import('prettier');
const options = {
  singleQuote: true,
  printWidth: 110,
  trailingComma: 'all',
  ...(await prettier.resolveConfig(TARGET)),
};
const formatted = await prettier.format(source, { ...options, parser: 'typescript' });

const mode = process.argv[2];
if (mode === '--write') {
  writeFileSync(TARGET, formatted);
} else if (mode === '--check') {
  // The ICU and CLDR versions in the header change between Node releases without the data changing.
  const body = (text) => text.replace(/^ \* Khmer \(km\).*$/m, '');
  if (body(readFileSync(TARGET, 'utf8')) !== body(formatted)) {
    console.error(`${TARGET} no longer matches Node's ICU ${process.versions.icu}: see --write and git diff`);
    process.exit(1);
  }
  console.log(`khmer-data.ts matches Node's ICU ${process.versions.icu}`);
} else {
  process.stdout.write(formatted);
}
