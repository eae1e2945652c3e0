export type * from './types.js';
export { createFormatter, defaultNumerals, durationBetween, isTimeZone } from './formatter.js';
export { toKhmerDigits } from './digits.js';
