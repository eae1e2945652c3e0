// A mail from its outbox row: plain text plus a simple HTML part, in the pledge's language.
import { escapeHtml, FONT_STACK } from '../html.js';
import { fill, formatNumber, language, MAIL_TEXTS } from './texts.js';

export interface ComposeInput {
  kind: 'confirm' | 'known';
  campaign: string;
  locale: string;
  /** The confirmation link (confirm mails). */
  link?: string | undefined;
  confirmDays: number;
}

export interface Composed {
  subject: string;
  text: string;
  html: string;
  lang: string;
}

export function composeMail(input: ComposeInput): Composed {
  const lang = language(input.locale);
  const t = MAIL_TEXTS[lang];
  const values = { campaign: input.campaign, days: formatNumber(lang, input.confirmDays) };
  const page = (paragraphs: string[], link?: string) =>
    `<!doctype html><html lang="${lang}"><body style="font-family:${FONT_STACK};line-height:1.6;max-width:36em">` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    (link
      ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:.6em 1.2em;background:#0b5;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t.confirmButton)}</a></p><p style="font-size:.9em;word-break:break-all">${escapeHtml(link)}</p>`
      : '') +
    '</body></html>';
  if (input.kind === 'confirm') {
    const link = input.link ?? '';
    const intro = fill(t.confirmIntro, values);
    const outro = fill(t.confirmOutro, values);
    return {
      lang,
      subject: t.confirmSubject,
      text: `${t.greeting}\n\n${intro}\n\n${link}\n\n${outro}\n`,
      html: page([t.greeting, intro], link).replace('</body>', `<p>${escapeHtml(outro)}</p></body>`),
    };
  }
  const body = fill(t.knownBody, values);
  return {
    lang,
    subject: t.knownSubject,
    text: `${t.greeting}\n\n${body}\n`,
    html: page([t.greeting, body]),
  };
}
