export type * from './types.js';
export { createFormatter, defaultNumerals, durationBetween, isTimeZone } from './formatter.js';
export { toKhmerDigits } from './digits.js';
export { calendarDay, isoDay, utcTime } from './calendar.js';
export { wallClock, type WallClock } from './zone.js';
