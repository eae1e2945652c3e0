/**
 * Browser side of test/receiver-plugin-mail.mjs: a real receiver with confirmation by e-mail, its real SMTP
 * server's mails, and the confirmation link opened in a tab of the same browser.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface MailReceiver {
  id: string;
  url: string;
  endpoint: string;
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  language: string | null;
  link: string | null;
}

export interface PageRead {
  lang: string;
  heading: string;
  text: string;
  button: string | null;
}

async function command<T>(payload: Record<string, unknown>): Promise<T> {
  const result = await executeServerCommand<T | { error: string }, Record<string, unknown>>(
    'samleng-receiver-mail',
    payload,
  );
  if (result && typeof result === 'object' && 'error' in result) throw new Error(result.error);
  return result as T;
}

export const startMailReceiver = () => command<MailReceiver>({ action: 'start' });
export const closeMailReceiver = (id: string) => command<{ closed: true }>({ action: 'close', id });
export const mailsTo = (id: string, to: string) => command<ReceivedMail[]>({ action: 'mails', id, to });
/** Opens a link in a new tab of this browser; presses the page's button unless `press` is false. */
export const openConfirm = (link: string, lang?: string, press = true) =>
  command<{ before: PageRead; after: PageRead | null }>({ action: 'openConfirm', link, lang, press });
