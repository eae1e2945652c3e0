/**
 * Share links for the thank-you step: plain links to each network's own share page (no third-party
 * script, nothing loaded until the reader clicks), each carrying UTM tags so the campaign sees which
 * network brought new signers.
 */

import { encodeText } from '@samleng/core';

export type ShareChannel = 'whatsapp' | 'telegram' | 'facebook' | 'x' | 'line' | 'email';

export const CHANNELS: readonly ShareChannel[] = ['whatsapp', 'telegram', 'facebook', 'x', 'line', 'email'];

/** `url` with `utm_source=<source>`, `utm_medium=share`, `utm_campaign=<campaign>`. */
export function taggedUrl(url: string, source: string, campaign: string): string {
  try {
    const tagged = new URL(url, document.baseURI);
    tagged.searchParams.set('utm_source', source);
    tagged.searchParams.set('utm_medium', 'share');
    tagged.searchParams.set('utm_campaign', campaign);
    return tagged.href;
  } catch {
    return url;
  }
}

/** The address of `channel`'s share page for `url` and `text`; for e-mail, a `mailto:` link. */
export function shareLink(
  channel: ShareChannel,
  url: string,
  text: string,
  campaign: string,
  subject: string,
): string {
  const link = taggedUrl(url, channel, campaign);
  const u = encodeText(link);
  const t = encodeText(text);
  switch (channel) {
    case 'whatsapp':
      return `https://wa.me/?text=${encodeText(`${text} ${link}`)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${u}&text=${t}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u}`;
    case 'x':
      return `https://x.com/intent/post?text=${t}&url=${u}`;
    case 'line':
      return `https://social-plugins.line.me/lineit/share?url=${u}&text=${t}`;
    case 'email':
      return `mailto:?subject=${encodeText(subject)}&body=${encodeText(`${text}\n\n${link}`)}`;
  }
}
