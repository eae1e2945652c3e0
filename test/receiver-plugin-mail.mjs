// A web-test-runner plugin for the whole confirmation flow in a real browser: a real receiver WITH mail
// settings, sending to a real SMTP server (`smtp-server`, mails read with `mailparser`), both in this Node
// process. Browser side: test/receiver-mail.ts. Actions of the `samleng-receiver-mail` command:
//   start            → {id, url, endpoint}: an SMTP server and a receiver whose links point at itself
//   mails {id, to}   → the mails received for `to`: [{to, subject, text, language, link}]
//   openConfirm {link, lang, press} → opens the link in a new tab of the SAME browser as the test (Chromium
//                      or Firefox, through the launcher's puppeteer page), reads the page and, unless press is
//                      false, presses its button and reads the page that follows: {before, after}
//   close {id}
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { receiverDatabase } from './receiver-db.mjs';

const COMMAND = 'samleng-receiver-mail';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'packages/receiver/src');
const DIST = join(ROOT, 'packages/receiver/dist/src');

function needsBuild() {
  return readdirSync(SRC, { recursive: true })
    .filter((name) => String(name).endsWith('.ts'))
    .some((name) => {
      const built = join(DIST, String(name).replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(join(SRC, String(name))).mtimeMs;
    });
}

let createServer;
async function load() {
  if (!createServer) {
    if (needsBuild()) {
      const build = spawnSync('npm', ['run', '--silent', 'build', '-w', '@samleng/receiver'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (build.status !== 0)
        throw new Error(`${COMMAND}: building the receiver failed:\n${build.stdout}${build.stderr}`);
    }
    ({ createServer } = await import(pathToFileURL(join(DIST, 'server.js')).href));
  }
  return createServer;
}

async function startSmtp() {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 200, // close() waits this long for clients (default 30 s)
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        const text = parsed.text ?? '';
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()).join(','),
          subject: parsed.subject ?? '',
          text,
          language: parsed.headers.get('content-language') ?? null,
          link: /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null,
        });
        callback();
      }, callback);
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, mails, port: server.server.address().port };
}

export function receiverMailPlugin() {
  const running = new Map();
  let next = 0;

  const readPage = (tab) =>
    tab.evaluate(() => ({
      lang: document.documentElement.lang,
      heading: document.querySelector('h1')?.textContent ?? '',
      text: document.querySelector('main p')?.textContent ?? '',
      button: document.querySelector('form button')?.textContent ?? null,
    }));

  const actions = {
    async start(_payload, session) {
      const create = await load();
      const smtp = await startSmtp();
      const dir = mkdtempSync(join(tmpdir(), 'samleng-mail-flow-'));
      // The links must point at the receiver, whose port is known once it listens: listen on a port
      // picked first, then build the receiver for it.
      const probe = await create({ dbPath: ':memory:', logLevel: 'silent' });
      await probe.listen({ host: '127.0.0.1', port: 0 });
      const port = probe.server.address().port;
      await probe.close();
      const url = `http://127.0.0.1:${port}`;
      const app = await create({
        ...(await receiverDatabase(dir, 'samleng.db', session?.browser.name)),
        allowedOrigins: ['*'],
        rateLimit: 100_000,
        logLevel: 'silent',
        mail: {
          smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
          from: 'Campaign <pledges@example.org>',
          publicUrl: url,
        },
        sendDelay: () => 0,
        sortDelay: () => 0,
      });
      await app.listen({ host: '127.0.0.1', port });
      const id = `mail-${++next}`;
      running.set(id, { app, smtp, dir });
      return { id, url, endpoint: `${url}/api/pledges` };
    },
    async mails({ id, to }) {
      const entry = running.get(id);
      if (!entry) throw new Error(`${COMMAND}: no receiver ${id}`);
      return entry.smtp.mails.filter((mail) => mail.to === String(to).trim().toLowerCase());
    },
    async openConfirm({ link, lang, press = true }, session) {
      const page = session.browser.getPage(session.id);
      const tab = await page.browser().newPage();
      try {
        if (lang) await tab.setExtraHTTPHeaders({ 'accept-language': lang });
        await tab.goto(link, { waitUntil: 'load' });
        const before = await readPage(tab);
        if (!press) return { before, after: null };
        await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('form button')]);
        const after = await readPage(tab);
        return { before, after };
      } finally {
        await tab.close();
      }
    },
    async close({ id }) {
      const entry = running.get(id);
      running.delete(id);
      if (entry) {
        // Bounded: a browser may keep a connection to either open after the test.
        const bounded = (promise) =>
          Promise.race([promise, new Promise((resolve) => setTimeout(resolve, 2000))]);
        await bounded(entry.app.close());
        await bounded(new Promise((resolve) => entry.smtp.server.close(resolve)));
        rmSync(entry.dir, { recursive: true, force: true });
      }
      return { id, closed: true };
    },
  };

  return {
    name: COMMAND,
    async executeCommand({ command, payload, session }) {
      if (command !== COMMAND) return undefined;
      const { action, ...rest } = payload ?? {};
      try {
        if (!Object.hasOwn(actions, action))
          throw new Error(`${COMMAND}: unknown action ${JSON.stringify(action)}`);
        return await actions[action](rest, session);
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    async serverStop() {
      await Promise.allSettled([...running.keys()].map((id) => actions.close({ id })));
    },
  };
}
