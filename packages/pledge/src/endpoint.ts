/**
 * The receiver's addresses, from the `endpoint` attribute: pledges are posted to it, and the count is
 * read from `{endpoint}/count?campaign=`.
 */

export { SLUG, cleanPageUrl } from '@samleng/core';

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
