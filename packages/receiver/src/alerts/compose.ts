// The alerts' mails from their outbox rows: the subscription's confirmation (or "already subscribed"), and
// the alert itself, in the subscriber's language (a case text falls back to English, then any language).
import { escapeHtml, FONT_STACK } from '../html.js';
import { fill, formatNumber, language } from '../mail/texts.js';
import type { Language } from '../mail/texts.js';
import type { CaseObject } from '../cases/store.js';
import { ALERT_TEXTS } from './texts.js';

export interface AlertMail {
  subject: string;
  text: string;
  html: string;
  lang: string;
  headers?: Record<string, string>;
}

const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><body style="font-family:${FONT_STACK};line-height:1.6;max-width:36em">${body}</body></html>`;
const p = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
/** A button, with its address under it for mail programs that block links (not for a long mailto:). */
const button = (href: string, label: string, showHref = true) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:.6em 1.2em;background:#0a5c36;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>` +
  (showHref ? `<p style="font-size:.9em;word-break:break-all">${escapeHtml(href)}</p>` : '');

export function composeSubscriptionMail(
  kind: 'sub-confirm' | 'sub-known',
  locale: string,
  link: string | undefined,
  confirmDays: number,
): AlertMail {
  const lang = language(locale);
  const t = ALERT_TEXTS[lang];
  if (kind === 'sub-known') {
    return {
      lang,
      subject: t.knownSubject,
      text: `${t.greeting}\n\n${t.knownBody}\n`,
      html: page(lang, p(t.greeting) + p(t.knownBody)),
    };
  }
  const outro = fill(t.confirmOutro, { days: formatNumber(lang, confirmDays) });
  return {
    lang,
    subject: t.confirmSubject,
    text: `${t.greeting}\n\n${t.confirmIntro}\n\n${link ?? ''}\n\n${outro}\n`,
    html: page(lang, p(t.greeting) + p(t.confirmIntro) + button(link ?? '', t.confirmButton) + p(outro)),
  };
}

/** A LocalizedText in `lang`: that language, else English, else the first given. */
export function localized(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const texts = value as Record<string, unknown>;
  const pick = texts[lang] ?? texts.en ?? Object.values(texts)[0];
  return typeof pick === 'string' ? pick : '';
}

interface Letter {
  kind: 'letter';
  to: string;
  subject: unknown;
  body: unknown;
}

/** The alert about `item` for a subscriber writing `locale`, with its one-click unsubscribe. */
export function composeAlert(item: CaseObject, locale: string, unsubscribeUrl: string): AlertMail {
  const lang = language(locale);
  const t = ALERT_TEXTS[lang];
  const name = lang === 'km' && typeof item.nameKm === 'string' ? item.nameKm : localized(item.name, lang);
  const status = `${t.status}${t.colon}${t.statuses[String(item.status)] ?? String(item.status)}`;
  const summary = localized(item.summary, lang);
  const letter = (Array.isArray(item.actions) ? item.actions : []).find(
    (action): action is Letter => (action as { kind?: unknown } | null)?.kind === 'letter',
  );
  const parts = [t.alertIntro, `${name}\n${status}`, ...(summary ? [summary] : [])];
  let mailto: string | undefined;
  let letterText = '';
  let letterHtml = '';
  if (letter) {
    const subject = localized(letter.subject, lang);
    const body = localized(letter.body, lang);
    mailto = `mailto:${letter.to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
    letterText = `${t.letterHeading}\n${t.letterTo}${t.colon}${letter.to}\n${t.letterSubject}${t.colon}${subject}\n\n${body}\n\n${t.writeLetter}${t.colon}${mailto}\n\n`;
    letterHtml =
      `<h2 style="font-size:1.1em">${escapeHtml(t.letterHeading)}</h2>` +
      p(`${t.letterTo}${t.colon}${letter.to}\n${t.letterSubject}${t.colon}${subject}`) +
      `<blockquote style="white-space:pre-wrap;margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(body)}</blockquote>` +
      button(mailto, t.writeLetter, false);
  }
  const text = `${t.greeting}\n\n${parts.join('\n\n')}\n\n${letterText}${t.unsubscribe}\n${unsubscribeUrl}\n`;
  const html = page(
    lang,
    p(t.greeting) +
      parts.map(p).join('') +
      letterHtml +
      `<p style="font-size:.9em">${escapeHtml(t.unsubscribe)} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribeUrl)}</a></p>`,
  );
  return {
    lang,
    subject: fill(t.alertSubject, { name }),
    text,
    html,
    // RFC 8058: a mail program offers one-click unsubscribe, which POSTs to the URL.
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
