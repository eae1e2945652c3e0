// The pieces without HTTP: CSV cells, the token check, configuration, error mapping, the store.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { FailureLimiter } from '../src/admin-limit.js';
import { bearerChecker } from '../src/auth.js';
import { ConfigError, DEFAULT_DB, DEFAULT_RATE_LIMIT, loadConfig } from '../src/config.js';
import { csvCell, csvLines } from '../src/csv.js';
import { fieldErrors } from '../src/schema.js';
import { emailKey, PledgeStore } from '../src/store.js';
import { tempDir } from './helpers.js';

describe('csvCell', () => {
  it('quotes every cell, so no separator a spreadsheet guesses (, or ;) splits one', () => {
    assert.equal(csvCell('Sok Dara'), '"Sok Dara"');
    assert.equal(csvCell('ស្រីពៅ'), '"ស្រីពៅ"');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('x;=1+1'), '"x;=1+1"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
    assert.equal(csvCell(null), '""');
    assert.equal(csvCell(undefined), '""');
    assert.equal(csvCell(42), '"42"');
  });

  it('neutralizes cells a spreadsheet would run as formulas, also after leading white space', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(csvCell(`${start}1+1`).startsWith(`"'${start}`), true, JSON.stringify(start));
    }
    for (const lead of [' ', '\n', '\r\n', ' \n \t', '\u00a0', '\u3000']) {
      assert.equal(csvCell(`${lead}=1+1`), `"'${lead}=1+1"`, JSON.stringify(lead));
    }
    assert.equal(csvCell('=cmd|"/c calc"!A0'), `"'=cmd|""/c calc""!A0"`);
    assert.equal(csvCell('a=b'), '"a=b"');
  });

  it('writes a BOM, a header row and CRLF rows', () => {
    const lines = [
      ...csvLines([{ header: 'n', value: (row: { n: string }) => row.n }], [{ n: 'x' }, { n: 'y' }]),
    ];
    assert.deepEqual(lines, ['\uFEFF"n"\r\n', '"x"\r\n', '"y"\r\n']);
  });
});

describe('bearerChecker', () => {
  const token = 'a-long-enough-admin-token-123';
  it('accepts the token, and any of several during a rotation', () => {
    assert.equal(bearerChecker([token])(`Bearer ${token}`), true);
    assert.equal(bearerChecker([token])(`bearer ${token}`), true);
    assert.equal(bearerChecker(['old-token-0000000000', token])(`Bearer ${token}`), true);
  });
  it('refuses anything else', () => {
    const check = bearerChecker([token]);
    for (const header of [
      undefined,
      '',
      'Bearer',
      `Bearer ${token.slice(0, -1)}`,
      `Token ${token}`,
      `Bearer ${token} x`,
    ]) {
      assert.equal(check(header), false, String(header));
    }
    assert.equal(bearerChecker([])(`Bearer ${token}`), false);
  });
});

describe('loadConfig', () => {
  it('has defaults', () => {
    assert.deepEqual(loadConfig({}), {
      port: 8000,
      host: 'localhost',
      dbPath: DEFAULT_DB,
      emailKey: undefined,
      allowedOrigins: [],
      adminTokens: [],
      partnerTokens: [],
      rateLimit: DEFAULT_RATE_LIMIT,
      trustProxy: false,
      logLevel: 'info',
      mail: undefined,
      confirmDays: 7,
      alertsPerMinute: 60,
      retentionDays: undefined,
    });
  });
  it('reads the mail settings, all three or none', () => {
    const mail = {
      SAMLENG_SMTP_URL: 'smtp://u:p@mail.example:587',
      SAMLENG_MAIL_FROM: 'Campaign <pledges@example.org>',
      SAMLENG_PUBLIC_URL: 'https://pledges.example.org/',
    };
    assert.deepEqual(loadConfig(mail).mail, {
      smtpUrl: 'smtp://u:p@mail.example:587',
      from: 'Campaign <pledges@example.org>',
      publicUrl: 'https://pledges.example.org',
    });
    assert.throws(() => loadConfig({ ...mail, SAMLENG_SMTP_URL: 'http://x' }), /SAMLENG_SMTP_URL/);
    assert.throws(() => loadConfig({ ...mail, SAMLENG_MAIL_FROM: '' }), /SAMLENG_MAIL_FROM/);
    assert.throws(() => loadConfig({ ...mail, SAMLENG_PUBLIC_URL: 'pledges.example' }), /SAMLENG_PUBLIC_URL/);
    const kept = loadConfig({ SAMLENG_CONFIRM_DAYS: '3', SAMLENG_RETENTION_DAYS: '365' });
    assert.equal(kept.confirmDays, 3);
    assert.equal(kept.retentionDays, 365);
    assert.throws(() => loadConfig({ SAMLENG_RETENTION_DAYS: '0' }), /SAMLENG_RETENTION_DAYS/);
  });
  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      SAMLENG_DB: '/var/lib/samleng/pledges.db',
      SAMLENG_ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443/ ',
      SAMLENG_ADMIN_TOKEN: 'new-token-0123456789,old-token-0123456789',
      SAMLENG_RATE_LIMIT: '30',
      SAMLENG_TRUST_PROXY: '127.0.0.1',
      SAMLENG_LOG_LEVEL: 'warn',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dbPath, '/var/lib/samleng/pledges.db');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.deepEqual(config.adminTokens, ['new-token-0123456789', 'old-token-0123456789']);
    assert.equal(config.rateLimit, 30);
    assert.deepEqual(config.trustProxy, ['127.0.0.1']);
    assert.equal(loadConfig({ SAMLENG_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ SAMLENG_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(loadConfig({ SAMLENG_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8 ::1' }).trustProxy, [
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
  });
  it('says what to fix', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(() => loadConfig({ SAMLENG_RATE_LIMIT: '0' }), /SAMLENG_RATE_LIMIT/);
    assert.throws(() => loadConfig({ SAMLENG_ADMIN_TOKEN: 'short' }), /at least 16/);
    assert.throws(() => loadConfig({ SAMLENG_ALLOWED_ORIGINS: 'partner.example' }), /not an origin/);
    assert.throws(() => loadConfig({ SAMLENG_ALLOWED_ORIGINS: 'ftp://partner.example' }), /http/);
    assert.throws(() => loadConfig({ SAMLENG_TRUST_PROXY: 'yes' }), /SAMLENG_TRUST_PROXY.*number of proxies/);
    assert.throws(() => loadConfig({ SAMLENG_TRUST_PROXY: '10.0.0.0/33' }), /SAMLENG_TRUST_PROXY/);
  });
});

describe('fieldErrors', () => {
  it('maps ajv errors to one code per field', () => {
    assert.deepEqual(
      fieldErrors([
        { keyword: 'required', instancePath: '', params: { missingProperty: 'email' } },
        { keyword: 'maxLength', instancePath: '/name', params: {} },
        { keyword: 'pattern', instancePath: '/name', params: {} },
        { keyword: 'type', instancePath: '', params: {} },
      ]),
      { email: 'required', name: 'too-long', body: 'type' },
    );
  });
});

describe('PledgeStore', () => {
  it('normalizes e-mail keys', () => {
    assert.equal(emailKey('  Dara@Example.ORG '), 'dara@example.org');
    assert.equal(emailKey('e\u0301@example.org'), emailKey('\u00e9@example.org'));
  });

  it('pages through a campaign in storage order', async () => {
    const store = new PledgeStore({ path: ':memory:' });
    const ids = Array.from({ length: 7 }, (_, index) => {
      const id = randomUUID();
      store.add({
        id,
        campaign: 'c',
        name: `n${index}`,
        email: `${index}@x.org`,
        consentText: 't',
        locale: 'en',
      });
      return id;
    });
    store.add({
      id: randomUUID(),
      campaign: 'other',
      name: 'o',
      email: 'o@x.org',
      consentText: 't',
      locale: 'en',
    });
    assert.deepEqual(
      [...store.pledges('c', 3)].map((row) => row.id),
      ids,
    );
    assert.deepEqual(
      [...store.pledges('c', 7)].map((row) => row.id),
      ids,
    );
    assert.deepEqual([...store.pledges('none', 3)], []);
    store.close();
    store.close(); // closing twice is harmless
  });

  it('group-commits pledges that arrive together, then sorts out retries and known addresses', async () => {
    const store = new PledgeStore({ path: ':memory:' });
    const base = { campaign: 'g', name: 'n', consentText: 't', locale: 'en' };
    const id = randomUUID();
    await Promise.all([
      store.addSoon({ ...base, id, email: 'a@x.org' }),
      store.addSoon({ ...base, id: randomUUID(), email: 'b@x.org' }),
      store.addSoon({ ...base, id: id.toUpperCase(), email: 'c@x.org' }),
      store.addSoon({ ...base, id: randomUUID(), email: 'B@X.org' }),
    ]);
    store.sortIntake();
    assert.equal(store.count('g'), 2);
    assert.deepEqual(
      [...store.pledges('g')].map((row) => row.email),
      ['a@x.org', 'b@x.org'],
    );
    store.close();
  });

  it('fails every pledge of a group whose commit fails, and takes in none of them', async () => {
    const store = new PledgeStore({ path: ':memory:' });
    store.db.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON pledges WHEN NEW.name = 'boom' BEGIN SELECT RAISE(ABORT, 'no'); END",
    );
    const base = { campaign: 'f', consentText: 't', locale: 'en' };
    const outcomes = await Promise.allSettled([
      store.addSoon({ ...base, id: randomUUID(), name: 'fine', email: 'a@x.org' }),
      store.addSoon({ ...base, id: randomUUID(), name: 'boom', email: 'b@x.org' }),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['rejected', 'rejected'],
    );
    store.sortIntake();
    assert.equal(store.count('f'), 0);
    store.close();
  });

  it('migrates a new file once, in WAL mode, and records it in schema_migrations', async () => {
    const path = join(tempDir(), 'nested', 'dir', 'p.db');
    new PledgeStore({ path }).close();
    new PledgeStore({ path }).close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    const rows = db.prepare('SELECT version, name FROM schema_migrations').all();
    assert.deepEqual(rows, [
      { version: 1, name: 'pledges' },
      { version: 2, name: 'confirmation-intake-outbox' },
      { version: 3, name: 'write-once-intake' },
      { version: 4, name: 'cases-alerts' },
      { version: 5, name: 'unsubscribe-token-hash' },
    ]);
    db.close();
  });
});

describe('FailureLimiter', () => {
  it('blocks a key after max failures until its window ends, and forgets it then', () => {
    let now = 1_000_000;
    const limiter = new FailureLimiter({ max: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.retryAfter('a'), 0);
      limiter.fail('a');
    }
    assert.equal(limiter.retryAfter('a'), 60);
    assert.equal(limiter.retryAfter('b'), 0, 'other keys are not affected');
    now += 59_001;
    assert.equal(limiter.retryAfter('a'), 1);
    now += 1_000;
    assert.equal(limiter.retryAfter('a'), 0, 'a new window');
  });

  it('remembers at most maxEntries keys, dropping the oldest under a flood of new ones', () => {
    const limiter = new FailureLimiter({ max: 1, maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) limiter.fail(`flood-${i}`);
    assert.equal(limiter.retryAfter('flood-999'), 60);
    assert.equal(limiter.retryAfter('flood-0'), 0);
  });
});

describe('migration 2 (signers’ safety)', () => {
  it('re-keys a version-1 database by the HMAC of each address: counts, dedupe and erasure keep working', async () => {
    const { MIGRATIONS } = await import('../src/migrations.js');
    const path = join(tempDir(), 'v1.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0].sql);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 'pledges', '2029-01-01T00:00:00Z')`);
    const insert =
      old.prepare(`INSERT INTO pledges (id, campaign, partner, name, email, email_key, consent_text,
      consent_at, locale) VALUES (?, 'm', ?, 'n', ?, ?, 't', '2029-01-01T00:00:00Z', 'en')`);
    insert.run(randomUUID(), 'p1', 'Dara@Example.org', 'dara@example.org');
    insert.run(randomUUID(), '', 'sok@example.org', 'sok@example.org');
    old.close();

    const store = new PledgeStore({ path });
    assert.equal(store.count('m'), 2, 'old pledges stay counted (they were confirmed by the old rules)');
    assert.equal(store.count('m', 'p1'), 1);
    store.add({
      id: randomUUID(),
      campaign: 'm',
      name: 'again',
      email: ' DARA@example.org',
      consentText: 't',
      locale: 'en',
    });
    assert.equal(store.count('m'), 2, 'a known address is still known');
    assert.equal(
      store.db
        .prepare('SELECT count(*) FROM pledges WHERE email_hash = ?')
        .pluck()
        .get(store.hash('dara@example.org')),
      1,
    );
    assert.deepEqual(
      [...store.pledges('m')].map((row) => row.confirmed_at),
      ['2029-01-01T00:00:00Z', '2029-01-01T00:00:00Z'],
    );
    store.close();
  });
});

describe('SAMLENG_PARTNER_TOKENS', () => {
  it('reads partner:token pairs and refuses short tokens or bad names', () => {
    const token = 'a'.repeat(16);
    assert.deepEqual(
      loadConfig({ SAMLENG_PARTNER_TOKENS: `khmer-voices:${token}, amis.du-cambodge:${token}b` })
        .partnerTokens,
      [
        { partner: 'khmer-voices', token },
        { partner: 'amis.du-cambodge', token: `${token}b` },
      ],
    );
    assert.throws(() => loadConfig({ SAMLENG_PARTNER_TOKENS: 'khmer-voices:short' }), /at least 16/);
    assert.throws(() => loadConfig({ SAMLENG_PARTNER_TOKENS: token }), /partner:token pairs/);
    assert.throws(() => loadConfig({ SAMLENG_PARTNER_TOKENS: `-bad:${token}` }), /partner:token pairs/);
  });
});

describe('migration 3 (each pledge written once)', () => {
  it('moves pledges a crash left in the intake into pledges, sorts them at start, and drops the intake', async () => {
    const { MIGRATIONS } = await import('../src/migrations.js');
    const { emailHasher, loadEmailKey } = await import('../src/email-hash.js');
    const path = join(tempDir(), 'v2.db');
    const hash = emailHasher(loadEmailKey(path));
    const old = new Database(path);
    old.function('samleng_email_hash', (key: unknown) => hash(String(key)));
    old.exec(MIGRATIONS[0].sql);
    old.exec(MIGRATIONS[1].sql);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 'pledges', '2029-01-01T00:00:00Z'),
        (2, 'confirmation-intake-outbox', '2029-01-01T00:00:00Z')`);
    const storedId = randomUUID();
    old
      .prepare(
        `INSERT INTO pledges (id, campaign, partner, name, email, email_hash, consent_text, consent_at, locale,
         confirmed_at) VALUES (?, 'm', '', 'old', 'dara@example.org', ?, 't', '2029-01-01T00:00:00Z', 'en',
         '2029-01-01T00:00:00Z')`,
      )
      .run(storedId, hash('dara@example.org'));
    const intake = old.prepare('INSERT INTO pledge_intake (id, pledge) VALUES (?, ?)');
    const base = { campaign: 'm', consentText: 't', locale: 'en', receivedAt: '2029-01-02T00:00:00Z' };
    const newId = randomUUID();
    intake.run(
      newId,
      JSON.stringify({ ...base, id: newId, name: 'new', email: 'Sok@Example.org', partner: 'p' }),
    );
    const knownId = randomUUID();
    intake.run(knownId, JSON.stringify({ ...base, id: knownId, name: 'again', email: 'DARA@example.org' }));
    intake.run(storedId, JSON.stringify({ ...base, id: storedId, name: 'retry', email: 'dara@example.org' }));
    old.close();

    const store = new PledgeStore({ path });
    assert.equal(store.count('m'), 2);
    assert.equal(store.count('m', 'p'), 1);
    assert.deepEqual(
      [...store.pledges('m')].map((row) => [row.id, row.name, row.email, row.partner, row.confirmed_at]),
      [
        [storedId, 'old', 'dara@example.org', '', '2029-01-01T00:00:00Z'],
        [newId, 'new', 'Sok@Example.org', 'p', '2029-01-02T00:00:00Z'],
      ],
    );
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'pledge_intake'").all();
    assert.deepEqual(tables, []);
    assert.equal(store.db.prepare('SELECT count(*) FROM pledges WHERE sorted = 0').pluck().get(), 0);
    store.close();
  });
});

describe('PostgreSQL migrations', () => {
  it('have the versions and names of the SQLite ones, in order (the same schema history in both stores)', async () => {
    const { MIGRATIONS } = await import('../src/migrations.js');
    const { PG_MIGRATIONS } = await import('../src/pg/migrations.js');
    assert.deepEqual(
      PG_MIGRATIONS.map(({ version, name }) => ({ version, name })),
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });
});
