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
  {
    // Signers' safety (#13): the address is no longer an index (an HMAC of it is, see email-hash.ts); a
    // pledge may wait for its owner's confirmation, and only confirmed pledges are counted; pledges are
    // taken in through an intake table so that "was this address known?" is decided after the answer;
    // mails wait in an outbox. The HMAC of old rows comes from samleng_email_hash(), which the store
    // registers before migrating.
    version: 2,
    name: 'confirmation-intake-outbox',
    sql: `
      CREATE TABLE pledges_v2 (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        campaign     TEXT NOT NULL,
        partner      TEXT NOT NULL DEFAULT '',
        name         TEXT NOT NULL,
        email        TEXT NOT NULL,
        email_hash   TEXT NOT NULL,                 -- HMAC-SHA-256 of the normalized address: one per person
        country      TEXT,
        phone        TEXT,
        city         TEXT,
        comment      TEXT,
        consent_text TEXT NOT NULL,
        consent_at   TEXT NOT NULL,
        locale       TEXT NOT NULL,
        page_url     TEXT,
        confirmed_at TEXT,                          -- NULL while waiting for its owner's confirmation
        token_hash   TEXT UNIQUE,                   -- SHA-256 of the confirmation link's token
        stripped_at  TEXT,                          -- when retention removed its personal fields
        UNIQUE (campaign, email_hash)
      );
      INSERT INTO pledges_v2 (seq, id, campaign, partner, name, email, email_hash, country, phone, city,
                              comment, consent_text, consent_at, locale, page_url, confirmed_at)
        SELECT seq, id, campaign, partner, name, email, samleng_email_hash(email_key), country, phone, city,
               comment, consent_text, consent_at, locale, page_url, consent_at
        FROM pledges;
      DROP TABLE pledges;
      ALTER TABLE pledges_v2 RENAME TO pledges;
      CREATE INDEX pledges_pending ON pledges (consent_at) WHERE confirmed_at IS NULL;
      CREATE INDEX pledges_age ON pledges (consent_at) WHERE stripped_at IS NULL;

      -- Counts of confirmed pledges only.
      DELETE FROM pledge_counts;
      INSERT INTO pledge_counts (campaign, partner, n)
        SELECT campaign, '', count(*) FROM pledges WHERE confirmed_at IS NOT NULL GROUP BY campaign;
      INSERT INTO pledge_counts (campaign, partner, n)
        SELECT campaign, partner, count(*) FROM pledges WHERE confirmed_at IS NOT NULL AND partner <> ''
        GROUP BY campaign, partner;
      CREATE TRIGGER pledges_counted AFTER INSERT ON pledges WHEN NEW.confirmed_at IS NOT NULL BEGIN
        INSERT INTO pledge_counts (campaign, partner, n) VALUES (NEW.campaign, '', 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO pledge_counts (campaign, partner, n) SELECT NEW.campaign, NEW.partner, 1
          WHERE NEW.partner <> '' ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER pledges_confirmed AFTER UPDATE OF confirmed_at ON pledges
        WHEN OLD.confirmed_at IS NULL AND NEW.confirmed_at IS NOT NULL BEGIN
        INSERT INTO pledge_counts (campaign, partner, n) VALUES (NEW.campaign, '', 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO pledge_counts (campaign, partner, n) SELECT NEW.campaign, NEW.partner, 1
          WHERE NEW.partner <> '' ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER pledges_uncounted AFTER DELETE ON pledges WHEN OLD.confirmed_at IS NOT NULL BEGIN
        UPDATE pledge_counts SET n = n - 1 WHERE campaign = OLD.campaign AND partner IN ('', OLD.partner);
      END;

      -- Accepted pledges not yet sorted into new and known (intake.ts): the POST answer is sent first.
      CREATE TABLE pledge_intake (
        seq    INTEGER PRIMARY KEY,
        id     TEXT NOT NULL UNIQUE,
        pledge TEXT NOT NULL                        -- the validated pledge as JSON
      );

      -- Mails to send (mail/outbox.ts). A row is deleted once the SMTP server accepted it.
      CREATE TABLE mail_outbox (
        seq       INTEGER PRIMARY KEY,
        pledge_id TEXT NOT NULL UNIQUE,             -- one mail per pledge
        kind      TEXT NOT NULL,                    -- 'confirm' or 'known'
        to_addr   TEXT NOT NULL,
        addr_hash TEXT NOT NULL,
        campaign  TEXT NOT NULL,
        locale    TEXT NOT NULL,
        token     TEXT,                             -- the link's token (confirm mails)
        attempts  INTEGER NOT NULL DEFAULT 0,
        next_at   INTEGER NOT NULL                  -- ms since the epoch
      );
      CREATE INDEX mail_outbox_due ON mail_outbox (next_at);
      CREATE INDEX mail_outbox_addr ON mail_outbox (addr_hash);

      -- Mails per address per UTC day, to keep the form from flooding an inbox.
      CREATE TABLE mail_quota (
        addr_hash TEXT NOT NULL,
        day       TEXT NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (addr_hash, day)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Each pledge is written once (#14): the POST's group commit inserts it straight into `pledges` as
    // unsorted (sorted = 0), and the sorter (intake.ts) later marks it sorted or deletes it. The intake
    // table, which wrote every pledge twice, is gone. One pledge per id and one per address and campaign
    // are now partial unique indexes over sorted rows only: an unsorted insert never fails, and touches no
    // index at a random place (a UUID's or an HMAC's), which the sorter then does for a whole batch in one
    // transaction. Counts, exports, confirmation and retention read sorted rows only. The table is rebuilt
    // because SQLite cannot drop a table's UNIQUE constraint; rows a crash left in the intake move over as
    // unsorted.
    version: 3,
    name: 'write-once-intake',
    sql: `
      CREATE TABLE pledges_v3 (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL,                 -- unique among sorted rows (pledges_id)
        campaign     TEXT NOT NULL,
        partner      TEXT NOT NULL DEFAULT '',
        name         TEXT NOT NULL,
        email        TEXT NOT NULL,
        email_hash   TEXT NOT NULL,                 -- unique per campaign among sorted rows (pledges_person)
        country      TEXT,
        phone        TEXT,
        city         TEXT,
        comment      TEXT,
        consent_text TEXT NOT NULL,
        consent_at   TEXT NOT NULL,
        locale       TEXT NOT NULL,
        page_url     TEXT,
        confirmed_at TEXT,                          -- set only on sorted rows
        token_hash   TEXT,                          -- set only on sorted rows (pledges_token)
        stripped_at  TEXT,
        sorted       INTEGER NOT NULL DEFAULT 1     -- 0: accepted, not yet sorted into new and known
      );
      INSERT INTO pledges_v3 (seq, id, campaign, partner, name, email, email_hash, country, phone, city,
                              comment, consent_text, consent_at, locale, page_url, confirmed_at, token_hash,
                              stripped_at, sorted)
        SELECT seq, id, campaign, partner, name, email, email_hash, country, phone, city, comment,
               consent_text, consent_at, locale, page_url, confirmed_at, token_hash, stripped_at, 1
        FROM pledges;
      INSERT INTO pledges_v3 (id, campaign, partner, name, email, email_hash, country, phone, city, comment,
                              consent_text, consent_at, locale, page_url, sorted)
        SELECT id, json_extract(pledge, '$.campaign'),
               coalesce(json_extract(pledge, '$.partner'), ''), json_extract(pledge, '$.name'),
               json_extract(pledge, '$.email'), samleng_email_hash(json_extract(pledge, '$.email')),
               json_extract(pledge, '$.country'), json_extract(pledge, '$.phone'),
               json_extract(pledge, '$.city'), json_extract(pledge, '$.comment'),
               json_extract(pledge, '$.consentText'), json_extract(pledge, '$.receivedAt'),
               json_extract(pledge, '$.locale'), json_extract(pledge, '$.pageUrl'), 0
        FROM pledge_intake ORDER BY seq;
      DROP TABLE pledge_intake;
      DROP TABLE pledges;
      ALTER TABLE pledges_v3 RENAME TO pledges;

      -- One pledge per id, and per person and campaign, among sorted rows.
      CREATE UNIQUE INDEX pledges_id ON pledges (id) WHERE sorted = 1;
      CREATE UNIQUE INDEX pledges_person ON pledges (campaign, email_hash) WHERE sorted = 1;
      CREATE UNIQUE INDEX pledges_token ON pledges (token_hash) WHERE token_hash IS NOT NULL;
      -- What the sorter takes, in arrival order, and what an erasure looks through besides pledges_person.
      CREATE INDEX pledges_unsorted ON pledges (seq) WHERE sorted = 0;
      CREATE INDEX pledges_pending ON pledges (consent_at) WHERE confirmed_at IS NULL AND sorted = 1;
      CREATE INDEX pledges_age ON pledges (consent_at) WHERE stripped_at IS NULL AND sorted = 1;

      -- A pledge is counted while it is sorted and confirmed. The sorter's UPDATE sets both at once for
      -- single opt-in; a confirmation link sets confirmed_at later.
      CREATE TRIGGER pledges_counted AFTER INSERT ON pledges
        WHEN NEW.sorted = 1 AND NEW.confirmed_at IS NOT NULL BEGIN
        INSERT INTO pledge_counts (campaign, partner, n) VALUES (NEW.campaign, '', 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO pledge_counts (campaign, partner, n) SELECT NEW.campaign, NEW.partner, 1
          WHERE NEW.partner <> '' ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER pledges_confirmed AFTER UPDATE OF confirmed_at, sorted ON pledges
        WHEN NEW.sorted = 1 AND NEW.confirmed_at IS NOT NULL
         AND NOT (OLD.sorted = 1 AND OLD.confirmed_at IS NOT NULL) BEGIN
        INSERT INTO pledge_counts (campaign, partner, n) VALUES (NEW.campaign, '', 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO pledge_counts (campaign, partner, n) SELECT NEW.campaign, NEW.partner, 1
          WHERE NEW.partner <> '' ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER pledges_uncounted AFTER DELETE ON pledges
        WHEN OLD.sorted = 1 AND OLD.confirmed_at IS NOT NULL BEGIN
        UPDATE pledge_counts SET n = n - 1 WHERE campaign = OLD.campaign AND partner IN ('', OLD.partner);
      END;
    `,
  },
  {
    // Cases and alerts (#19): cases written in the console (one feed case object each, as JSON), their
    // history, the feed's last change; alert subscribers (double opt-in) and their intake, sorted after
    // the answer as pledges are. Alert mails go through mail_outbox (kinds sub-confirm, sub-known, alert).
    version: 4,
    name: 'cases-alerts',
    sql: `
      CREATE TABLE cases (
        id           TEXT PRIMARY KEY,
        body         TEXT NOT NULL,                 -- the feed case object (JSON)
        published    INTEGER NOT NULL DEFAULT 0,
        needs_action INTEGER NOT NULL DEFAULT 0,
        revision     INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        published_at TEXT                           -- the first publication: alerts go once
      );
      CREATE TABLE case_history (
        seq     INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,                      -- 'admin' or the partner's name
        field   TEXT NOT NULL
      );
      CREATE INDEX case_history_case ON case_history (case_id, seq);
      CREATE TABLE case_feed_state (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        changed_at TEXT NOT NULL                    -- the feed's last change (Last-Modified)
      );
      CREATE TABLE subscription_intake (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL,
        email_hash  TEXT NOT NULL,                  -- so that an erasure finds rows not yet sorted
        partner     TEXT NOT NULL DEFAULT '',
        body        TEXT NOT NULL,                  -- the validated request (JSON)
        received_at TEXT NOT NULL
      );
      CREATE TABLE subscribers (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        email        TEXT NOT NULL,
        email_hash   TEXT NOT NULL UNIQUE,          -- one subscription per address
        language     TEXT NOT NULL,
        partner      TEXT NOT NULL DEFAULT '',
        consent_text TEXT NOT NULL,
        page_url     TEXT,
        created_at   TEXT NOT NULL,
        confirmed_at TEXT,
        token_hash   TEXT UNIQUE,                   -- SHA-256 of the confirmation link's token
        unsub_token  TEXT NOT NULL UNIQUE           -- the unsubscribe link's token (it can only unsubscribe)
      );
    `,
  },
  {
    // No working unsubscribe link in the database: a link's token is now made from the subscriber's id
    // under the e-mail key when an alert is composed (alerts/unsubscribe-token.ts), and nothing of it is
    // stored. Of the tokens mailed before, only their SHA-256 is kept (unsub_old_hash), so those links
    // still work; alerts already queued carry the subscriber's id instead of the token. The table is
    // rebuilt because SQLite cannot drop a UNIQUE column (secure_delete overwrites the old pages).
    // samleng_token_hash() is registered by the store before migrating.
    version: 5,
    name: 'unsubscribe-token-hash',
    sql: `
      UPDATE mail_outbox SET token = (SELECT id FROM subscribers WHERE unsub_token = mail_outbox.token)
        WHERE kind = 'alert';
      CREATE TABLE subscribers_v5 (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        email          TEXT NOT NULL,
        email_hash     TEXT NOT NULL UNIQUE,        -- one subscription per address
        language       TEXT NOT NULL,
        partner        TEXT NOT NULL DEFAULT '',
        consent_text   TEXT NOT NULL,
        page_url       TEXT,
        created_at     TEXT NOT NULL,
        confirmed_at   TEXT,
        token_hash     TEXT UNIQUE,                 -- SHA-256 of the confirmation link's token
        unsub_old_hash TEXT UNIQUE                  -- SHA-256 of a pre-v5 unsubscribe token (NULL since)
      );
      INSERT INTO subscribers_v5 (seq, id, email, email_hash, language, partner, consent_text, page_url,
                                  created_at, confirmed_at, token_hash, unsub_old_hash)
        SELECT seq, id, email, email_hash, language, partner, consent_text, page_url, created_at,
               confirmed_at, token_hash, samleng_token_hash(unsub_token)
        FROM subscribers;
      DROP TABLE subscribers;
      ALTER TABLE subscribers_v5 RENAME TO subscribers;
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
