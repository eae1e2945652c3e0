// `--dev` without SAMLENG_SMTP_URL: a mail sink on 127.0.0.1, so that a newcomer can try double opt-in
// and the alerts' sign-up end to end. The receiver's mailer sends to it over real SMTP (the same code path
// as in production) and every mail is printed to the terminal instead of being delivered: who it was
// for, its subject and its links (confirm, unsubscribe), ready to open.
//
// `smtp-server` and `mailparser` are development dependencies: a production install
// (`npm install --omit=dev`) leaves them out, so they are imported only here, only with `--dev`, and
// their absence is said in one sentence that says what to do.
import type { AddressInfo } from 'node:net';
import { ConfigError } from './config-error.js';

export interface DevMailSink {
  /** smtp://127.0.0.1:<port>, for the mailer. */
  url: string;
  close(): Promise<void>;
}

/** What the terminal shows of one mail. */
export interface PrintedMail {
  to: string;
  subject: string;
  /** The mail's web links in order, each once (mailto: links, such as the letter to write, are left out). */
  links: string[];
}

/** Control characters (ANSI escapes…) are dropped: a mail's words must not drive the terminal. */
const printable = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

/** The http(s) links of a mail's plain text, in order, each once. */
export function linksOf(text: string): string[] {
  const links = (text.match(/https?:\/\/[^\s<>"]+/g) ?? []).map((link) => link.replace(/[.,;:)»]+$/, ''));
  return [...new Set(links)];
}

/** A label for a receiver's link, so the reader sees which one confirms. */
function label(link: string): string {
  if (/\/confirm\/[A-Za-z0-9_-]+$/.test(link)) return 'confirm';
  if (/\/unsubscribe\/[A-Za-z0-9_-]+$/.test(link)) return 'unsubscribe';
  return 'link';
}

/** The lines printed for one mail. */
export function formatMail(mail: PrintedMail): string {
  const lines = [
    '── mail (not sent: printed by --dev) ──────────────────────',
    `  to:      ${printable(mail.to)}`,
    `  subject: ${printable(mail.subject)}`,
    ...mail.links.map((link) => `  ${`${label(link)}:`.padEnd(12)} ${printable(link)}`),
    '───────────────────────────────────────────────────────────',
  ];
  return lines.join('\n');
}

async function importOrExplain<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    throw new ConfigError(
      `--dev prints mails with the "${name}" package, a development dependency that this install lacks: run \`npm install\` in the repository (not --omit=dev), or set SAMLENG_SMTP_URL to send real mail`,
    );
  }
}

/** Starts the sink on 127.0.0.1 (a free port); `print` gets each mail's lines. */
export async function startDevMailSink(print: (lines: string) => void): Promise<DevMailSink> {
  const { SMTPServer } = await importOrExplain('smtp-server', () => import('smtp-server'));
  const { simpleParser } = await importOrExplain('mailparser', () => import('mailparser'));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // no certificate on a laptop: nodemailer sends in plain when none is offered
    logger: false,
    size: 1024 * 1024,
    closeTimeout: 200,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ');
      simpleParser(stream)
        .then((parsed) => {
          print(formatMail({ to, subject: parsed.subject ?? '', links: linksOf(parsed.text ?? '') }));
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
