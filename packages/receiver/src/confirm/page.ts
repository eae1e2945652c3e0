// The confirmation page: plain HTML that works without JavaScript (there is none: the CSP allows no
// script), one form whose button POSTs. A link scanner that fetches every URL in a mail gets the page and
// confirms nothing.
import { escapeHtml, FONT_STACK } from '../html.js';
import { createHash } from 'node:crypto';
import { fill, language } from '../mail/texts.js';
import { PAGE_TEXTS } from './texts.js';
import type { PageTexts } from './texts.js';

export type PageState = 'pending' | 'confirmed' | 'invalid';

const STYLE = `body{font-family:${FONT_STACK};line-height:1.6;max-width:34em;margin:2em auto;padding:0 1em;color:#1a1a1a}
h1{font-size:1.4em}button{font:inherit;padding:.6em 1.2em;border:0;border-radius:4px;background:#0a5c36;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}`;

/** The page's Content-Security-Policy: nothing but its own style block and a form posting to itself. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function confirmPage(
  state: PageState,
  options: { locale?: string; campaign?: string; action?: string; texts?: Partial<PageTexts> },
) {
  const lang = language(options.locale);
  // Other pages of the same kind (an alert subscription's confirmation, unsubscribing) bring their words.
  const t = { ...PAGE_TEXTS[lang], ...options.texts };
  const values = { campaign: options.campaign ?? '' };
  const body =
    state === 'pending'
      ? `<p>${escapeHtml(fill(t.pending, values))}</p>
<form method="post" action="${escapeHtml(options.action ?? '')}"><button type="submit">${escapeHtml(t.button)}</button></form>`
      : `<p role="status">${escapeHtml(fill(state === 'confirmed' ? t.confirmed : t.invalid, values))}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(t.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(t.title)}</h1>
${body}
</main></body></html>
`;
}
