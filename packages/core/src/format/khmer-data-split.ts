/**
 * The loader build's stand-in for khmer-data.ts (scripts/loader-plugins.mjs swaps them for the core's
 * formatter): the Khmer calendar and number table arrives with the Khmer strings (each Khmer string chunk
 * calls `installKhmerData`), so an English or French page never fetches it. The formatter reads these
 * values only for km, and a widget renders in km only once its Khmer strings, and so this table, are in;
 * until then they are empty of the same shape. The drop-in script uses khmer-data.ts itself.
 */
import type * as KhmerData from './khmer-data.js';

export type { ListJoiners } from './khmer-data.js';

const none = { full: '', long: '', medium: '', short: '' };
const units = { year: '', month: '', week: '', day: '', hour: '', minute: '', second: '' };
const pair = ['', ''] as const;
const joiners = { pair: '', start: '', middle: '', end: '' };

export let MONTHS: typeof KhmerData.MONTHS = [];
export let MONTHS_SHORT: typeof KhmerData.MONTHS_SHORT = [];
export let WEEKDAYS: typeof KhmerData.WEEKDAYS = [];
export let DAY_PERIODS: typeof KhmerData.DAY_PERIODS = [];
export let DAY_PERIODS_AT: typeof KhmerData.DAY_PERIODS_AT = {};
export let DATE_PATTERNS: typeof KhmerData.DATE_PATTERNS = none;
export let TIME_PATTERNS: typeof KhmerData.TIME_PATTERNS = { short: '', medium: '' };
export let DATE_TIME_PATTERNS: typeof KhmerData.DATE_TIME_PATTERNS = none;
export let RELATIVE: typeof KhmerData.RELATIVE = {
  year: pair,
  month: pair,
  week: pair,
  day: pair,
  hour: pair,
  minute: pair,
  second: pair,
};
export let UNITS: typeof KhmerData.UNITS = units;
export let LIST_AND: typeof KhmerData.LIST_AND = joiners;
export let LIST_UNITS: typeof KhmerData.LIST_UNITS = joiners;
export let NUMBER_SEPARATORS: typeof KhmerData.NUMBER_SEPARATORS = { latn: [',', '.'], khmr: [',', '.'] };

/** Puts the Khmer table in place (a Khmer string chunk calls it; installing twice changes nothing). */
export function installKhmerData(data: typeof KhmerData): void {
  ({
    MONTHS,
    MONTHS_SHORT,
    WEEKDAYS,
    DAY_PERIODS,
    DAY_PERIODS_AT,
    DATE_PATTERNS,
    TIME_PATTERNS,
    DATE_TIME_PATTERNS,
    RELATIVE,
    UNITS,
    LIST_AND,
    LIST_UNITS,
    NUMBER_SEPARATORS,
  } = data);
}
