// Schema migrations, applied in order at start inside one transaction each. Append new ones; never edit
// one that has shipped (a database remembers which versions it has in `schema_migrations`).
import type { Database } from 'better-sqlite3';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'pledges',
    sql: `
      CREATE TABLE pledges (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,          -- the client's UUID: the idempotency key
        campaign     TEXT NOT NULL,
        partner      TEXT NOT NULL DEFAULT '',      -- '' when the form named no partner
        name         TEXT NOT NULL,
        email        TEXT NOT NULL,                 -- as typed (trimmed)
        email_key    TEXT NOT NULL,                 -- trimmed, NFC, lower case: one pledge per person
        country      TEXT,
        phone        TEXT,
        city         TEXT,
        comment      TEXT,
        consent_text TEXT NOT NULL,                 -- the exact sentence the person agreed to
        consent_at   TEXT NOT NULL,                 -- when the receiver stored it (ISO 8601, UTC)
        locale       TEXT NOT NULL,
        page_url     TEXT,
        UNIQUE (campaign, email_key)
      );

      -- Running counts, kept by triggers in the same transaction as the insert or delete, so that a
      -- count is one indexed read however many pledges there are. partner '' holds the campaign total
      -- (partner names are never empty).
      CREATE TABLE pledge_counts (
        campaign TEXT NOT NULL,
        partner  TEXT NOT NULL,
        n        INTEGER NOT NULL,
        PRIMARY KEY (campaign, partner)
      ) WITHOUT ROWID;

      CREATE TRIGGER pledges_counted AFTER INSERT ON pledges BEGIN
        INSERT INTO pledge_counts (campaign, partner, n) VALUES (NEW.campaign, '', 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO pledge_counts (campaign, partner, n) SELECT NEW.campaign, NEW.partner, 1
          WHERE NEW.partner <> '' ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER pledges_uncounted AFTER DELETE ON pledges BEGIN
        UPDATE pledge_counts SET n = n - 1 WHERE campaign = OLD.campaign AND partner IN ('', OLD.partner);
      END;
    `,
  },
];

/** Creates `schema_migrations` if needed and applies the migrations this database lacks. */
export function migrate(db: Database, now: () => Date = () => new Date()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    // IMMEDIATE: a second process starting at the same moment waits instead of migrating twice.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (again) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
      done.push(migration.version);
    }).immediate();
  }
  return done;
}
