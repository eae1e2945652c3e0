#!/usr/bin/env node
// `samleng-receiver`: starts the receiver from environment variables (see README).
//   --static DIR[=PREFIX]  also serve DIR at PREFIX (default /); repeatable
//   --dev                  local demo defaults: the page's own origin may post, a one-time admin token is
//                          made and printed if SAMLENG_ADMIN_TOKEN is unset, quieter logs, and without
//                          SAMLENG_SMTP_URL the mails are printed here instead of sent (dev-mail.ts)
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_DB, loadConfig } from './config.js';
import { startDevMailSink } from './dev-mail.js';
import type { DevMailSink } from './dev-mail.js';
import { feedCheck } from './cases/feed-check.js';
import { migrateTo } from './migrate-to.js';
import { isPostgresUrl } from './open-store.js';
import { createServer } from './server.js';
import { WEB_ROOT } from './console/routes.js';

/** A database URL without its password, for the start-up lines. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/** A free TCP port on `host` (PORT=0 with --dev: the origins and the mails' links must name the port). */
async function freePort(host: string): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The address a browser on this machine uses for `host`. */
const browserHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host);

/** `samleng-receiver migrate-to <postgres-url>`: the SQLite file of SAMLENG_DB into PostgreSQL. */
async function migrateCommand(url: string | undefined): Promise<void> {
  const from = process.env.SAMLENG_DB?.trim() || DEFAULT_DB;
  if (!url || !isPostgresUrl(url) || isPostgresUrl(from)) {
    throw new ConfigError(
      'usage: SAMLENG_DB=path/to/samleng.db samleng-receiver migrate-to postgres://user:password@host/database',
    );
  }
  const report = await migrateTo(from, url);
  for (const check of report.checks) {
    const mark = check.sqlite === check.postgres ? 'ok ' : 'DIFFERS';
    console.log(`${mark} ${check.what}: SQLite ${check.sqlite}, PostgreSQL ${check.postgres}`);
  }
  if (!report.ok) throw new ConfigError('the copy differs from the SQLite file (above): do not switch over');
  console.log(
    [
      `Copied ${resolve(from)} into ${redactUrl(url)}; every count matches.`,
      "Start every receiver with that URL as SAMLENG_DB and the SQLite file's e-mail key:",
      `  SAMLENG_EMAIL_KEY_FILE=${resolve(report.keyFile)}   (or SAMLENG_EMAIL_KEY=$(cat ${resolve(report.keyFile)}))`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === 'migrate-to') return migrateCommand(process.argv[3]);
  if (process.argv[2] === 'feed') {
    if (process.argv[3] !== 'check' || !process.argv[4]) {
      throw new ConfigError('usage: samleng-receiver feed check path/to/cases.json');
    }
    const result = feedCheck(process.argv[4]);
    for (const line of result.lines) (result.ok ? console.log : console.error)(line);
    process.exit(result.ok ? 0 : 1);
  }
  const { values } = parseArgs({
    options: {
      static: { type: 'string', multiple: true, default: [] },
      dev: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: samleng-receiver [--dev] [--static DIR[=PREFIX]]...  (configuration: see README)\n' +
        '       samleng-receiver migrate-to postgres://…  (copies the SQLite file of SAMLENG_DB into PostgreSQL)\n' +
        '       samleng-receiver feed check cases.json  (checks a static case feed; prints each problem)',
    );
    return;
  }
  const config = loadConfig(process.env);
  let devToken: string | undefined;
  let devMail: DevMailSink | undefined;
  if (values.dev) {
    if (config.port === 0) config.port = await freePort(config.host);
    if (!process.env.SAMLENG_ALLOWED_ORIGINS) {
      config.allowedOrigins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    }
    if (config.adminTokens.length === 0) {
      devToken = randomBytes(24).toString('base64url');
      config.adminTokens = [devToken];
    }
    if (!process.env.SAMLENG_LOG_LEVEL) config.logLevel = 'warn';
    if (!config.mail) {
      // Double opt-in and the alerts' sign-up work as in production, but each mail lands in this terminal.
      devMail = await startDevMailSink((lines) => console.log(lines));
      config.mail = {
        smtpUrl: devMail.url,
        from: 'Samleng dev <samleng-dev@localhost>',
        publicUrl: `http://${browserHost(config.host)}:${config.port}`,
      };
    }
  }
  const mounts = values.static.map((spec) => {
    const [dir, prefix = '/'] = spec.split('=');
    return { root: resolve(dir), prefix: prefix.endsWith('/') ? prefix : `${prefix}/` };
  });

  const app = await createServer({
    dbPath: config.dbPath,
    emailKey: config.emailKey,
    allowedOrigins: config.allowedOrigins,
    adminTokens: config.adminTokens,
    partnerTokens: config.partnerTokens,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    static: mounts,
    mail: config.mail,
    confirmDays: config.confirmDays,
    retentionDays: config.retentionDays,
    alertsPerMinute: config.alertsPerMinute,
  });
  if (config.adminTokens.length === 0) {
    app.log.warn('SAMLENG_ADMIN_TOKEN is not set: export and erasure will answer 401');
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${browserHost(config.host)}:${port}`;

  const lines = [`Samleng receiver: ${base}/`];
  if (mounts.length > 0) lines.push(`  serving ${mounts.map((m) => `${m.prefix} ← ${m.root}`).join(', ')}`);
  lines.push(
    `  pledges: POST ${base}/api/pledges · count: ${base}/api/pledges/count?campaign=…`,
    `  case feed: ${base}/feeds/cases.json · alerts sign-up: POST ${base}/api/subscriptions (${config.mail ? `on, at most ${config.alertsPerMinute} alert mails a minute` : 'off: needs SAMLENG_SMTP_URL'})`,
    `  database: ${isPostgresUrl(config.dbPath) ? redactUrl(config.dbPath) : resolve(config.dbPath)}`,
    config.mail
      ? `  confirmation by e-mail: on (links to ${config.mail.publicUrl}/confirm/…, valid ${config.confirmDays} days)`
      : '  confirmation by e-mail: off (single opt-in; set SAMLENG_SMTP_URL to turn it on)',
    `  browsers may post from: ${config.allowedOrigins.join(', ') || '(no origin: set SAMLENG_ALLOWED_ORIGINS)'}`,
  );
  if (devToken) {
    lines.push(
      `  admin token for this run: ${devToken}`,
      `  e.g. curl -H "Authorization: Bearer ${devToken}" "${base}/api/pledges/export.csv?campaign=…"`,
    );
  }
  if (existsSync(WEB_ROOT)) {
    lines.push(
      `  organizers' console: ${base}/console/ (sign in with an admin or partner token) · embed builder: ${base}/builder/`,
    );
  }
  if (devMail) {
    // Last, where a newcomer looks: the mails they are about to trigger come here.
    lines.push(
      '  MAIL GOES TO THIS TERMINAL, NOT TO ANYONE: --dev without SAMLENG_SMTP_URL prints each mail',
      '  here (to, subject, its confirm and unsubscribe links to open) instead of sending it',
    );
  }
  lines.push('  Ctrl+C stops');
  console.log(lines.join('\n'));

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close(); // closes the database too: the WAL is checkpointed
    await devMail?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`samleng-receiver: ${error.message}`);
  else console.error('samleng-receiver: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
