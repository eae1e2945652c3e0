#!/usr/bin/env node
// `samleng-receiver`: starts the receiver from environment variables (see README).
//   --static DIR[=PREFIX]  also serve DIR at PREFIX (default /); repeatable
//   --dev                  local demo defaults: the page's own origin may post, a one-time admin token is
//                          made and printed if SAMLENG_ADMIN_TOKEN is unset, quieter logs
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { createServer } from './server.js';
import { WEB_ROOT } from './console/routes.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      static: { type: 'string', multiple: true, default: [] },
      dev: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: samleng-receiver [--dev] [--static DIR[=PREFIX]]...  (configuration: see README)');
    return;
  }
  const config = loadConfig(process.env);
  let devToken: string | undefined;
  if (values.dev) {
    if (!process.env.SAMLENG_ALLOWED_ORIGINS) {
      config.allowedOrigins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    }
    if (config.adminTokens.length === 0) {
      devToken = randomBytes(24).toString('base64url');
      config.adminTokens = [devToken];
    }
    if (!process.env.SAMLENG_LOG_LEVEL) config.logLevel = 'warn';
  }
  const mounts = values.static.map((spec) => {
    const [dir, prefix = '/'] = spec.split('=');
    return { root: resolve(dir), prefix: prefix.endsWith('/') ? prefix : `${prefix}/` };
  });

  const app = await createServer({
    dbPath: config.dbPath,
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
  });
  if (config.adminTokens.length === 0) {
    app.log.warn('SAMLENG_ADMIN_TOKEN is not set: export and erasure will answer 401');
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  const lines = [`Samleng receiver: ${base}/`];
  if (mounts.length > 0) lines.push(`  serving ${mounts.map((m) => `${m.prefix} ← ${m.root}`).join(', ')}`);
  lines.push(
    `  pledges: POST ${base}/api/pledges · count: ${base}/api/pledges/count?campaign=…`,
    `  database: ${resolve(config.dbPath)}`,
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
  lines.push('  Ctrl+C stops');
  console.log(lines.join('\n'));

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close(); // closes the database too: the WAL is checkpointed
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
