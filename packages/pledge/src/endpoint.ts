/**
 * The receiver's addresses, from the `endpoint` attribute: pledges are posted to it, and the count is
 * read from `{endpoint}/count?campaign=`.
 */

/** Campaign and partner names, as the receiver accepts them. */
export const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The endpoint as an absolute http(s) URL without a trailing slash, or undefined when it is not one
 * (a `javascript:` or `mailto:` value, or text that is no URL at all).
 */
export function endpointUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text, document.baseURI);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.hash = '';
    url.search = '';
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

export function countUrl(endpoint: string, campaign: string): string {
  return `${endpoint}/count?campaign=${encodeURIComponent(campaign)}`;
}

/**
 * The page's address without what a reader typed into it: the prefill parameters (`name`, `email`)
 * and the fragment. Sent with the pledge and used as the default share link, so it must not carry
 * the reader's e-mail address to the campaign's spreadsheet or to friends.
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
