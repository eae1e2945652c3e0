// Test helpers: a real receiver on an ephemeral port with a temporary database, and a pledge builder.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/server.js';
import type { ServerOptions } from '../src/server.js';
import { onPostgres, TEST_EMAIL_KEY, testDatabase } from './db.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** A fresh directory, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samleng-receiver-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Running {
  app: FastifyInstance;
  url: string;
  dbPath: string;
}

/**
 * Starts the receiver on 127.0.0.1:0 with a temporary database (a SQLite file, or a fresh PostgreSQL
 * database with SAMLENG_TEST_DB=postgres: db.ts); it is closed after the test file.
 */
export async function start(options: Partial<ServerOptions> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'samleng-receiver-'));
  const dbPath = await testDatabase(options.dbPath ?? join(dir, 'data', 'pledges.db'));
  const app = await createServer({
    ...(onPostgres ? { emailKey: TEST_EMAIL_KEY } : {}),
    logLevel: 'silent',
    adminTokens: [ADMIN_TOKEN],
    allowedOrigins: ['https://partner.example'],
    rateLimit: 1000,
    sortDelay: () => 0, // a count read right after a pledge holds it
    ...options,
    dbPath,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, url, dbPath };
}

export function pledge(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    campaign: 'free-them',
    name: 'Sok Dara',
    email: `${randomUUID()}@example.org`,
    consent: true,
    consentText: 'I agree that the coalition stores my name and e-mail for this campaign.',
    locale: 'km',
    website: '',
    ...overrides,
  };
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/pledges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function count(url: string, campaign: string, partner?: string): Promise<number> {
  const query = new URLSearchParams({ campaign, ...(partner ? { partner } : {}) });
  const response = await fetch(`${url}/api/pledges/count?${query}`);
  const json = (await response.json()) as { count: number };
  return json.count;
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/**
 * GET /healthz until it says 200 (at most 10 s). A receiver whose event loop lagged over a second, as a
 * test process does when other suites share the cores, rightly says 503 "event-loop" for a few seconds
 * after; a check that the receiver is well waits that out.
 */
export async function healthy(url: string): Promise<Response> {
  for (let tries = 0; ; tries++) {
    const response = await fetch(`${url}/healthz`);
    if (response.status === 200 || tries >= 40) return response;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
