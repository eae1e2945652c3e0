// A web-test-runner plugin that lets browser tests run the REAL pledge receiver (packages/receiver): a test
// calls `executeServerCommand('samleng-receiver', {action, ...})` (wrapped in test/receiver.ts) to start,
// stop, restart and close receivers in this Node process. No mocked fetch: the form talks HTTP to fastify
// and SQLite, CORS and preflight included.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { receiverDatabase } from './receiver-db.mjs';

const COMMAND = 'samleng-receiver';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'packages/receiver/dist/src');

/** True when a source file has no compiled twin, or a newer one: a test must not run yesterday's receiver. */
function needsBuild() {
  const src = join(ROOT, 'packages/receiver/src');
  return readdirSync(src)
    .filter((name) => name.endsWith('.ts'))
    .some((name) => {
      const built = join(DIST, name.replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(join(src, name)).mtimeMs;
    });
}

let modules;
/**
 * The built receiver, imported at first use so test runs that never start one pay nothing. Built here when
 * missing or stale (about a second), so a bare `npx web-test-runner` works on a fresh clone and after an
 * edit to the receiver.
 */
function receiverModules() {
  modules ??= (async () => {
    if (needsBuild()) {
      const build = spawnSync('npm', ['run', '--silent', 'build', '-w', '@samleng/receiver'], {
        cwd: ROOT,
        encoding: 'utf8',
        shell: process.platform === 'win32', // npm is npm.cmd there
      });
      if (build.status !== 0) {
        modules = undefined;
        const output = `${build.error ?? ''}${build.stdout ?? ''}${build.stderr ?? ''}`;
        throw new Error(`${COMMAND}: building @samleng/receiver failed:\n${output}`);
      }
    }
    const [server, store] = await Promise.all([
      import(pathToFileURL(join(DIST, 'server.js')).href),
      import(pathToFileURL(join(DIST, 'open-store.js')).href),
    ]);
    return { createServer: server.createServer, openStore: store.openStore };
  })();
  return modules;
}

/**
 * Listens on `receiver.port` (0 the first time). A restart reuses the port the page already knows; the
 * retries cover a port the kernel has not quite released yet.
 */
async function listen(receiver) {
  const { createServer } = await receiverModules();
  for (let attempt = 1; ; attempt += 1) {
    const app = await createServer({
      dbPath: receiver.dbPath,
      ...(receiver.emailKey ? { emailKey: receiver.emailKey } : {}),
      allowedOrigins: receiver.allowedOrigins,
      adminTokens: [receiver.token],
      rateLimit: receiver.rateLimit,
      logLevel: 'silent',
      // 0: a count read right after a pledge holds it (issue #13); a test of the production delay gives its own.
      sortDelay: () => receiver.sortDelayMs,
    });
    logRequests(app, receiver); // the request log (issue #20)
    try {
      // 127.0.0.1, not localhost: one address family, so the URL handed to the page is the one listening.
      await app.listen({ host: '127.0.0.1', port: receiver.port });
      receiver.port = app.server.address().port;
      receiver.app = app;
      return;
    } catch (error) {
      await app.close();
      if (error.code !== 'EADDRINUSE' || attempt >= 20) throw error;
      await sleep(100);
    }
  }
}

// ---- The request log (issue #20): every POST that reached a receiver, so a test can count them. -------
// The rows hold one pledge however often it came (the receiver drops a repeated id): only this log shows
// a page that sent one pledge twice, from a second tab or after a reload too. Kept across stop/restart.
/**
 * Appends `{path, id, status}` per POST: the entry is made when the request arrives, `id` (the
 * pledge's) once its body is read, `status` just before the answer leaves. A page that has an answer
 * therefore finds its POST in the log.
 */
function logRequests(app, receiver) {
  const log = (receiver.log ??= []);
  const entries = new WeakMap();
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST') return;
    const entry = { path: request.url.split('?')[0] };
    entries.set(request, entry);
    log.push(entry);
  });
  app.addHook('preValidation', async (request) => {
    const entry = entries.get(request);
    if (entry && typeof request.body?.id === 'string') entry.id = request.body.id;
  });
  app.addHook('onSend', async (request, reply) => {
    const entry = entries.get(request);
    if (entry) entry.status = reply.statusCode;
  });
}
// ---- end of the request log ---------------------------------------------------------------------------

function handle(id, receiver) {
  const url = `http://127.0.0.1:${receiver.port}`;
  return { id, url, endpoint: `${url}/api/pledges` };
}

/** Removes every file of a receiver (the DB and its -wal/-shm siblings live in one directory of their own). */
function removeFiles(receiver) {
  rmSync(receiver.dir, { recursive: true, force: true });
}

function checkStartOptions({ rateLimit, allowedOrigins, sortDelayMs }) {
  if (sortDelayMs !== undefined && !(Number.isInteger(sortDelayMs) && sortDelayMs >= 0)) {
    throw new Error(`${COMMAND}: sortDelayMs must be a whole number ≥ 0, not ${JSON.stringify(sortDelayMs)}`);
  }
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= 1)) {
    throw new Error(`${COMMAND}: rateLimit must be a whole number ≥ 1, not ${JSON.stringify(rateLimit)}`);
  }
  if (
    allowedOrigins !== undefined &&
    !(Array.isArray(allowedOrigins) && allowedOrigins.every((origin) => typeof origin === 'string'))
  ) {
    throw new Error(`${COMMAND}: allowedOrigins must be an array of strings`);
  }
}

export function receiverPlugin() {
  /** id → {dir, dbPath, token, rateLimit, allowedOrigins, port, app (null while stopped)}. */
  const receivers = new Map();
  let nextId = 1;

  const find = (id) => {
    const receiver = receivers.get(id);
    if (!receiver) throw new Error(`${COMMAND}: no receiver with id ${JSON.stringify(id)} (closed already?)`);
    return receiver;
  };
  const stop = async (receiver) => {
    const app = receiver.app;
    receiver.app = null;
    if (!app) return;
    // A stop is the receiver going down, not a graceful drain: without dropping every socket, a close
    // waits for the browser's open keep-alive and pre-connected sockets, which a busy Chromium may hold
    // past a test's timeout.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
  };

  const actions = {
    async start(payload, session) {
      checkStartOptions(payload);
      const id = `receiver-${nextId++}`;
      const dir = mkdtempSync(join(tmpdir(), 'samleng-receiver-'));
      const receiver = {
        dir,
        ...(await receiverDatabase(dir, undefined, session?.browser.name)),
        token: randomBytes(24).toString('hex'),
        // Tests post far more than a person would; a test about the limit passes its own.
        rateLimit: payload.rateLimit ?? 100_000,
        allowedOrigins: payload.allowedOrigins ?? ['*'],
        sortDelayMs: payload.sortDelayMs ?? 0,
        port: 0,
        app: null,
      };
      receivers.set(id, receiver);
      try {
        await listen(receiver);
      } catch (error) {
        receivers.delete(id);
        removeFiles(receiver);
        throw error;
      }
      return handle(id, receiver);
    },
    async stop({ id }) {
      const receiver = find(id);
      if (!receiver.app) throw new Error(`${COMMAND}: receiver ${id} is already stopped`);
      await stop(receiver);
      return handle(id, receiver);
    },
    async restart({ id }) {
      const receiver = find(id);
      if (receiver.app) throw new Error(`${COMMAND}: receiver ${id} is running; stop it before a restart`);
      await listen(receiver);
      return handle(id, receiver);
    },
    async close({ id }) {
      const receiver = find(id);
      receivers.delete(id);
      await stop(receiver);
      removeFiles(receiver);
      return { id, closed: true };
    },
    // The request log (issue #20): the POSTs this receiver has seen, oldest first.
    async requests({ id }) {
      return (find(id).log ?? []).map((entry) => ({ ...entry }));
    },
    async rows({ id, campaign }) {
      const receiver = find(id);
      if (typeof campaign !== 'string') throw new Error(`${COMMAND}: rows needs a campaign`);
      // A second, short-lived connection to the same database (SQLite's WAL mode allows it): the rows
      // exactly as stored, which the CSV export would alter (a leading "+" gets a "'"). Works while stopped.
      const { openStore } = await receiverModules();
      const store = await openStore({ path: receiver.dbPath, emailKey: receiver.emailKey });
      try {
        const rows = [];
        for await (const row of store.pledges(campaign)) rows.push(row);
        for (const row of rows) delete row.seq; // storage order is the array's order
        return rows;
      } finally {
        await store.close();
      }
    },
  };

  // `serverStop` is awaited on a normal end; on Ctrl-C the process may exit first, so delete synchronously.
  const removeAll = () => receivers.forEach(removeFiles);
  process.once('exit', removeAll);

  return {
    name: COMMAND,
    async executeCommand({ command, payload, session }) {
      if (command !== COMMAND) return undefined;
      const { action, ...rest } = payload ?? {};
      // Failures come back as `{error}`, thrown by test/receiver.ts in the test: web-test-runner would also
      // print a thrown error's stack in the run's output, where a test that expects one looks like a crash.
      // (Every answer is non-null: web-test-runner reads null as "not my command".)
      try {
        if (!Object.hasOwn(actions, action)) {
          const known = Object.keys(actions).join(', ');
          throw new Error(`${COMMAND}: unknown action ${JSON.stringify(action)} (one of ${known})`);
        }
        return await actions[action](rest, session);
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    async serverStop() {
      await Promise.allSettled([...receivers.values()].map(stop));
      removeAll();
      receivers.clear();
      process.off('exit', removeAll);
    },
  };
}
