// The console's and the scoped API's queries, on either store: the SQLite SQL is here (over the SQLite
// store's PledgeStore), the PostgreSQL SQL in ../pg/console-queries.ts; each exported function picks by
// the store it is given. Each takes an Access and filters on its partner in SQL:
// `(@partner IS NULL OR partner = @partner)`, the admin's partner being NULL. Only sorted rows are
// pledges (intake.ts), and only confirmed ones are shown (the same rule as the running counts and the CSV
// export); pending ones are only counted. A read first sorts what was taken in (as the export does).
import { truncateWal } from '../erasure.js';
import {
  pgCampaigns,
  pgCampaignStats,
  pgErasePledge,
  pgExportRows,
  pgSearchPledges,
} from '../pg/console-queries.js';
import { PgStore } from '../pg/store.js';
import { SqliteStore } from '../sqlite-store.js';
import type { PledgeRow, PledgeStore } from '../store.js';
import type { Store } from '../store-api.js';
import type { Access } from './access.js';

/** The SQLite file behind a store, or undefined for PostgreSQL; any other store is a bug. */
function sqliteOf(store: Store): PledgeStore | undefined {
  if (store instanceof SqliteStore) return store.inner;
  if (store instanceof PgStore) return undefined;
  throw new TypeError(`console queries: no SQL for a ${store.kind} store`);
}

/** The partner filter, for a statement whose parameters include @partner. */
const SCOPE = '(@partner IS NULL OR partner = @partner)';
/** A row that is a pledge: sorted (not a retry or a duplicate waiting to be dropped). */
const SORTED = 'sorted = 1';
/** What a pledge is, as the counts and the export see it. */
const CONFIRMED = `${SORTED} AND confirmed_at IS NOT NULL`;

const scope = (access: Access) => ({ partner: access.partner ?? null });

export interface Tally {
  key: string;
  count: number;
}

export interface CampaignStats {
  campaign: string;
  confirmed: number;
  /** Waiting for their owner's confirmation (0 unless confirmation by e-mail is on). */
  pending: number;
  byPartner: Tally[];
  byCountry: Tally[];
  /** Confirmed pledges per UTC day of signing, oldest first, days without any left out. */
  byDay: Tally[];
}

/** Campaigns with at least one pledge this access may see, largest first. */
export async function campaigns(store: Store, access: Access): Promise<Tally[]> {
  const db = sqliteOf(store)?.db;
  await store.sortNow();
  if (!db) return pgCampaigns(store as PgStore, access);
  return db
    .prepare<Record<string, unknown>, Tally>(
      `SELECT campaign AS key, count(*) AS count FROM pledges WHERE ${CONFIRMED} AND ${SCOPE}
       GROUP BY campaign ORDER BY count DESC, campaign LIMIT 500`,
    )
    .all(scope(access));
}

/** The console's numbers for one campaign. */
export async function campaignStats(store: Store, campaign: string, access: Access): Promise<CampaignStats> {
  const db = sqliteOf(store)?.db;
  await store.sortNow();
  if (!db) return pgCampaignStats(store as PgStore, campaign, access);
  const params = { campaign, ...scope(access) };
  const where = `campaign = @campaign AND ${SCOPE}`;
  const totals = db
    .prepare<Record<string, unknown>, { confirmed: number | null; pending: number | null }>(
      `SELECT sum(confirmed_at IS NOT NULL) AS confirmed, sum(confirmed_at IS NULL) AS pending
       FROM pledges WHERE ${where} AND ${SORTED}`,
    )
    .get(params);
  const tally = (column: string, order: string) =>
    db
      .prepare<Record<string, unknown>, Tally>(
        `SELECT ${column} AS key, count(*) AS count FROM pledges WHERE ${where} AND ${CONFIRMED}
         GROUP BY key ORDER BY ${order} LIMIT 1000`,
      )
      .all(params);
  return {
    campaign,
    confirmed: totals?.confirmed ?? 0,
    pending: totals?.pending ?? 0,
    byPartner: tally('partner', 'count DESC, key'),
    byCountry: tally("coalesce(country, '')", 'count DESC, key'),
    byDay: tally('substr(consent_at, 1, 10)', 'key'),
  };
}

export type TableRow = Pick<
  PledgeRow,
  'id' | 'partner' | 'name' | 'email' | 'country' | 'consent_text' | 'consent_at' | 'confirmed_at'
>;

export interface SearchQuery {
  campaign: string;
  /** Contained in the name or the e-mail, any case; `%` and `_` are plain characters. */
  search: string;
  /** From 0. */
  page: number;
  pageSize: number;
}

export interface PledgePage {
  total: number;
  page: number;
  pageSize: number;
  rows: TableRow[];
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of a campaign's pledges, newest first, whose name or e-mail contains `search` (any case). */
export async function searchPledges(store: Store, query: SearchQuery, access: Access): Promise<PledgePage> {
  const db = sqliteOf(store)?.db;
  await store.sortNow();
  if (!db) return pgSearchPledges(store as PgStore, query, access);
  const params = {
    campaign: query.campaign,
    ...scope(access),
    like: query.search ? likePattern(query.search) : null,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
  const where = `campaign = @campaign AND ${SCOPE} AND ${CONFIRMED}
    AND (@like IS NULL OR name LIKE @like ESCAPE '\\' OR email LIKE @like ESCAPE '\\')`;
  const total = db
    .prepare<Record<string, unknown>, number>(`SELECT count(*) FROM pledges WHERE ${where}`)
    .pluck()
    .get(params);
  const rows = db
    .prepare<Record<string, unknown>, TableRow>(
      `SELECT id, partner, name, email, country, consent_text, consent_at, confirmed_at FROM pledges
       WHERE ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params);
  return { total: total ?? 0, page: query.page, pageSize: query.pageSize, rows };
}

/**
 * A campaign's confirmed pledges in storage order, a page at a time (each page read at once, so a large
 * export never holds the database while the response streams).
 */
export async function* exportRows(
  store: Store,
  campaign: string,
  access: Access,
  pageSize = 1000,
): AsyncGenerator<PledgeRow> {
  const db = sqliteOf(store)?.db;
  await store.sortNow();
  if (!db) {
    yield* pgExportRows(store as PgStore, campaign, access, pageSize);
    return;
  }
  const statement = db.prepare<Record<string, unknown>, PledgeRow & { seq: number }>(
    `SELECT seq, id, campaign, partner, name, email, country, phone, city, comment, consent_text, consent_at,
            locale, page_url, confirmed_at
     FROM pledges WHERE campaign = @campaign AND ${SCOPE} AND ${CONFIRMED} AND seq > @after
     ORDER BY seq LIMIT @limit`,
  );
  let after = 0;
  for (;;) {
    const rows = statement.all({ campaign, ...scope(access), after, limit: pageSize });
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq;
  }
}

/**
 * Erases a person's pledge in a campaign, if this access may see it, and the mail waiting for them there;
 * returns pledges removed (0 or 1). A partner asking about a person who signed through another partner
 * gets 0, the same answer as for someone who never signed. The WAL is cut either way (erasure.ts).
 */
export async function erasePledge(
  store: Store,
  campaign: string,
  email: string,
  access: Access,
): Promise<number> {
  const sqlite = sqliteOf(store);
  if (!sqlite) return pgErasePledge(store as PgStore, campaign, email, access);
  return sqliteErase(sqlite, campaign, email, access);
}

function sqliteErase(store: PledgeStore, campaign: string, email: string, access: Access): number {
  const hash = store.hash(email);
  const params = { campaign, hash, ...scope(access) };
  const removed = store.paused(() =>
    store.db
      .transaction(() => {
        // As erasure.ts: the pledge, and the address's rows not yet sorted (each would become its pledge or a
        // duplicate of it); two statements so that each uses its index. A partner's only within its own.
        const kept = store.db
          .prepare(
            `DELETE FROM pledges WHERE campaign = @campaign AND email_hash = @hash AND sorted = 1 AND ${SCOPE}`,
          )
          .run(params).changes;
        const unsorted = store.db
          .prepare(
            `DELETE FROM pledges WHERE sorted = 0 AND campaign = @campaign AND email_hash = @hash AND ${SCOPE}`,
          )
          .run(params).changes;
        const changes = kept > 0 || unsorted > 0 ? 1 : 0;
        // One pledge per person and campaign: once theirs is gone, nothing of theirs is left to send there. (An
        // unsorted row has no mail yet: mail is queued when it is sorted. A partner who removed only such a row
        // leaves alone the mail of a pledge another partner holds.)
        if (kept > 0 || access.partner === undefined) {
          store.db
            .prepare('DELETE FROM mail_outbox WHERE campaign = ? AND addr_hash = ?')
            .run(campaign, hash);
        }
        return changes;
      })
      .immediate(),
  );
  truncateWal(store);
  return removed;
}

/** The count the API's DELETE answers with: the campaign's, or the partner's share of it. */
export async function visibleCount(store: Store, campaign: string, access: Access): Promise<number> {
  return store.count(campaign, access.partner);
}
