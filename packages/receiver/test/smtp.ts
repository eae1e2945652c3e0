// A real SMTP server for the tests (the `smtp-server` package), which keeps what it receives parsed by
// `mailparser`. It can be stopped and started again on the same port, and told to answer 4xx.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string | undefined;
  parsed: ParsedMail;
}

export class TestSmtp {
  readonly mails: Received[] = [];
  /** Messages to refuse with 451 before accepting again. */
  refuseNext = 0;
  /** ms before each message is accepted: a slow server, so that senders overlap. */
  delayMs = 0;
  port = 0;
  private server: SMTPServer | undefined;
  private waiters: (() => void)[] = [];

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'], // no certificate here: nodemailer sends in plain when none is offered
      closeTimeout: 200, // close() waits this long for clients (default 30 s)
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
          if (this.refuseNext > 0) {
            this.refuseNext--;
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',');
          void simpleParser(Buffer.concat(chunks)).then((parsed) => {
            this.mails.push({
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              language: parsed.headers.get('content-language') as string | undefined,
              parsed,
            });
            for (const wake of this.waiters.splice(0)) wake();
            callback();
          });
        });
      },
    });
    server.listen(port, '127.0.0.1');
    await once(server.server, 'listening');
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `test` holds for the mails received (checked after each mail). */
  async until(test: (mails: Received[]) => boolean, timeout = 20_000): Promise<Received[]> {
    const deadline = Date.now() + timeout;
    while (!test(this.mails)) {
      if (Date.now() > deadline)
        throw new Error(`mails: ${JSON.stringify(this.mails.map((m) => [m.to, m.subject]))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200).unref();
      });
    }
    return this.mails;
  }

  to(address: string): Received[] {
    return this.mails.filter((mail) => mail.to.toLowerCase() === address.trim().toLowerCase());
  }
}

/** A started test SMTP server, stopped after the test file. */
export async function startSmtp(): Promise<TestSmtp> {
  const smtp = await new TestSmtp().start();
  after(() => smtp.stop());
  return smtp;
}

/** The confirmation link's token in a mail. */
export function tokenOf(mail: Received): string {
  const match = /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[1];
}
