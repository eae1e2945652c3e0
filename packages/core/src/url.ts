/**
 * The URL check every `href` and `src` from an attribute, a feed or a server passes through.
 *
 * Lit already renders data as text, but an attribute binding such as `href=${url}` happily takes a
 * `javascript:` URL. Only relative URLs and the `http:`, `https:` and `mailto:` schemes survive.
 */
import { warnOnce } from './warn.js';

const ALLOWED = new Set(['http', 'https', 'mailto']);

/**
 * Browsers drop ASCII tabs and newlines anywhere in a URL and trim C0 controls and spaces at its
 * ends, so `java\tscript:` still runs. Remove them before looking at the scheme.
 */
// eslint-disable-next-line no-control-regex
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f]/g;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** Where a URL came from, to name it in the console warning. */
export interface UrlSource {
  /** The element whose attribute or data held the URL. */
  host: Element;
  /** The attribute or data field, e.g. `href` or `cases[2].photo`. */
  field: string;
}

/**
 * Returns the URL when it is safe to put in an `href` or `src`, else `undefined` with one console
 * warning naming the element and the field.
 */
export function safeUrl(value: unknown, source?: UrlSource): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.replace(IGNORED_BY_BROWSERS, '');
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  // A backslash start is treated as `//` by browsers: a protocol-relative URL, so http(s) anyway.
  if (scheme === undefined || ALLOWED.has(scheme)) return trimmed;
  if (source) {
    warnOnce(
      source.host,
      `${source.field}:${scheme}`,
      `\`${source.field}\` was dropped: only http:, https:, mailto: and relative URLs are allowed (got a ${scheme}: URL).`,
    );
  }
  return undefined;
}

/**
 * `encodeURIComponent` for text from attributes and feeds, which may hold a lone surrogate (half of an
 * emoji cut off, or a hostile value): `encodeURIComponent` throws on one, so it becomes U+FFFD first.
 * (`String.prototype.toWellFormed` would do it, but is newer than the browsers Samleng supports.)
 */
export function encodeText(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));
}
