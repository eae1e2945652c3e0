export { ClockController, clockState, subscribeClock, type TickInterval } from './clock.js';
export { define } from './define.js';
export { emit, type SamlengEventDetail, type SamlengEventName } from './emit.js';
export { SamlengElement } from './element.js';
export { renderConfigError, type ConfigProblem } from './errors.js';
export { FeedError, fetchJson, forget, type FeedErrorKind, type FetchJsonOptions } from './fetch-json.js';
export {
  buildCalendar,
  downloadCalendar,
  fold,
  icsDateTime,
  icsFileName,
  type CalendarEvent,
} from './ics.js';
export {
  LOCALE_META_NAME,
  activeLocale,
  localeFromTag,
  localeReady,
  pageLanguageTag,
  syncLocale,
  watchPageLocale,
} from './locale.js';
export { LocaleController, type LocaleHost } from './locale-controller.js';
export {
  isLocalizedText,
  pickLocalized,
  pickText,
  TEXT_MAX,
  type LocalizedText,
  type PickedText,
} from './localized-text.js';
export * from './format/index.js';
export { openStorage, pageStorage, readJson, writeJson, type KeyValueStore } from './storage.js';
export { baseStyles, cardStyles } from './theme.js';
export { encodeText, safeUrl, type UrlSource } from './url.js';
export { tagOf, warnOnce } from './warn.js';
export { styleProps, type StyleProps } from './style-props.js';
export { uuid } from './uuid.js';
export { EMAIL_MAX, SLUG, cleanPageUrl, emailProblem } from './form-rules.js';
export { formStyles } from './form-styles.js';
