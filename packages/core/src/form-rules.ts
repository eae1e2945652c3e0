/**
 * What the receiver accepts in the fields two widgets' forms share (the pledge form and the case list's
 * alerts sign-up), checked in the browser first so a reader hears of a slip before anything is sent.
 */

/** Campaign and partner names, as the receiver accepts them. */
export const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// The receiver checks e-mail addresses fully; this catches the usual slips (no @, no domain, a space).
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The longest e-mail address the receiver stores (RFC 5321's path limit). */
export const EMAIL_MAX = 254;

/** `required`, `too-long` or `format` (the receiver's codes) for a trimmed address, or undefined when it may be sent. */
export function emailProblem(value: string): 'required' | 'too-long' | 'format' | undefined {
  if (value === '') return 'required';
  if (value.length > EMAIL_MAX) return 'too-long';
  return EMAIL.test(value) ? undefined : 'format';
}

/**
 * The page's address without what a reader typed into it: the prefill parameters (`name`, `email`)
 * and the fragment. Sent with the pledge and used as the default share link, so it must not carry
 * the reader's e-mail address to the campaign's records or to friends.
 */
export function cleanPageUrl(href: string = location.href): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.searchParams.delete('name');
    url.searchParams.delete('email');
    url.hash = '';
    const text = url.href;
    return text.length <= 2000 ? text : undefined;
  } catch {
    return undefined;
  }
}
