// The console's and the scoped API's queries in PostgreSQL's SQL: the same answers as the SQLite ones in
// ../console/queries.ts (which dispatches here for a PgStore), over PgStore's pool. Each filters on the
// caller's partner in SQL, `($n::text IS NULL OR partner = $n)`, the admin's partner being NULL. Only
// sorted rows are pledges, and only confirmed ones are shown; pending ones are only counted. Text sorts
// by COLLATE "C" (bytes), as SQLite's default collation does, so both stores list ties alike.
import type { PoolClient } from 'pg';
import type { Access } from '../console/access.js';
import type { CampaignStats, PledgePage, SearchQuery, TableRow, Tally } from '../console/queries.js';
import type { PledgeRow } from '../store.js';
import { classify, inTransaction } from './errors.js';
import type { PgStore } from './store.js';

/** The partner filter over parameter `n` (a text, or NULL for the admin). */
const scope = (n: number) => `($${n}::text IS NULL OR partner = $${n})`;
/** What a pledge is, as the counts and the export see it. */
const CONFIRMED = 'sorted AND confirmed_at IS NOT NULL';

const partnerOf = (access: Access) => access.partner ?? null;

async function query<R extends object>(store: PgStore, sql: string, params: unknown[]): Promise<R[]> {
  try {
    return (await store.pool.query<R & Record<string, unknown>>(sql, params)).rows;
  } catch (error) {
    throw classify(error);
  }
}

/** Runs `work` in PgStore's retrying transaction (`begin` opens it). */
const transaction = <T>(store: PgStore, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN') =>
  inTransaction(store.pool, work, begin);

/** Reads that must see one state of the database. */
const snapshot = <T>(store: PgStore, work: (client: PoolClient) => Promise<T>) =>
  transaction(store, work, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');

/** Campaigns with at least one pledge this access may see, largest first. */
export async function pgCampaigns(store: PgStore, access: Access): Promise<Tally[]> {
  return query<Tally>(
    store,
    `SELECT campaign AS key, count(*)::int AS count FROM pledges WHERE ${CONFIRMED} AND ${scope(1)}
     GROUP BY campaign ORDER BY count DESC, campaign COLLATE "C" LIMIT 500`,
    [partnerOf(access)],
  );
}

/** The console's numbers for one campaign. */
export async function pgCampaignStats(
  store: PgStore,
  campaign: string,
  access: Access,
): Promise<CampaignStats> {
  const params = [campaign, partnerOf(access)];
  const where = `campaign = $1 AND ${scope(2)}`;
  // One snapshot for the four reads, so the totals and the tallies agree (SQLite reads them in one turn).
  const [totals, byPartner, byCountry, byDay] = await snapshot(store, async (client) => {
    // PostgreSQL orders by an output name only bare, so the collation goes on the expression itself.
    const tally = async (column: string, byCount: boolean) =>
      (
        await client.query<Tally>(
          `SELECT ${column} AS key, count(*)::int AS count FROM pledges WHERE ${where} AND ${CONFIRMED}
           GROUP BY key ORDER BY ${byCount ? 'count DESC, ' : ''}${column} COLLATE "C" LIMIT 1000`,
          params,
        )
      ).rows;
    const { rows } = await client.query<{ confirmed: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
              count(*) FILTER (WHERE confirmed_at IS NULL)::int AS pending
       FROM pledges WHERE ${where} AND sorted`,
      params,
    );
    return [
      rows,
      await tally('partner', true),
      await tally("coalesce(country, '')", true),
      // consent_at is an ISO 8601 text in UTC (toISOString): its first 10 characters are the UTC day.
      await tally('substr(consent_at, 1, 10)', false),
    ] as const;
  });
  return {
    campaign,
    confirmed: totals[0]?.confirmed ?? 0,
    pending: totals[0]?.pending ?? 0,
    byPartner,
    byCountry,
    byDay,
  };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (escaped with `\`, named in ESCAPE below). */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of a campaign's pledges, newest first, whose name or e-mail contains `search` (any case). */
export async function pgSearchPledges(
  store: PgStore,
  search: SearchQuery,
  access: Access,
): Promise<PledgePage> {
  const params = [search.campaign, partnerOf(access), search.search ? likePattern(search.search) : null];
  const where = `campaign = $1 AND ${scope(2)} AND ${CONFIRMED}
    AND ($3::text IS NULL OR name ILIKE $3 ESCAPE '\\' OR email ILIKE $3 ESCAPE '\\')`;
  const [total, rows] = await snapshot(
    store,
    async (client) =>
      [
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pledges WHERE ${where}`, params))
          .rows,
        (
          await client.query<TableRow>(
            `SELECT id, partner, name, email, country, consent_text, consent_at, confirmed_at FROM pledges
         WHERE ${where} ORDER BY seq DESC LIMIT $4 OFFSET $5`,
            [...params, search.pageSize, search.page * search.pageSize],
          )
        ).rows,
      ] as const,
  );
  return { total: total[0]?.n ?? 0, page: search.page, pageSize: search.pageSize, rows };
}

/** A campaign's confirmed pledges this access may see, in storage order, a page per query. */
export async function* pgExportRows(
  store: PgStore,
  campaign: string,
  access: Access,
  pageSize = 1000,
): AsyncGenerator<PledgeRow> {
  let after = 0;
  for (;;) {
    const rows = await query<PledgeRow & { seq: number }>(
      store,
      `SELECT seq::float8 AS seq, id, campaign, partner, name, email, country, phone, city, comment,
              consent_text, consent_at, locale, page_url, confirmed_at
       FROM pledges WHERE campaign = $1 AND ${scope(2)} AND ${CONFIRMED} AND seq > $3
       ORDER BY seq LIMIT $4`,
      [campaign, partnerOf(access), after, pageSize],
    );
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq;
  }
}

/**
 * Erases a person's pledge in a campaign, if this access may see it, and the mail waiting for them there
 * (PgStore.erase, scoped); returns pledges removed (0 or 1). Sorted and unsorted rows go in one DELETE: a
 * row another receiver is sorting is locked, so the DELETE waits for that sorting and then sees the row
 * as it left it (sorted, or deleted as a duplicate). Two statements would let a row sorted between them
 * escape both. The mail goes in a second statement, which sees a mail that sorting queued.
 */
export async function pgErasePledge(
  store: PgStore,
  campaign: string,
  email: string,
  access: Access,
): Promise<number> {
  const hash = store.hash(email);
  const removed = await transaction(store, async (client) => {
    const { rows } = await client.query<{ sorted: boolean }>(
      `DELETE FROM pledges WHERE campaign = $1 AND email_hash = $2 AND ${scope(3)} RETURNING sorted`,
      [campaign, hash, partnerOf(access)],
    );
    // As in SQLite: once the person's pledge is gone, nothing of theirs is left to send there. A partner
    // who removed only an unsorted row leaves alone the mail of a pledge another partner holds.
    if (rows.some((row) => row.sorted) || access.partner === undefined) {
      await client.query('DELETE FROM mail_outbox WHERE campaign = $1 AND addr_hash = $2', [campaign, hash]);
    }
    return rows.length;
  });
  // Dead rows out of the pages now rather than at autovacuum's leisure (as PgStore.erase).
  if (removed > 0) await store.pool.query('VACUUM pledges, mail_outbox').catch(() => {});
  return removed > 0 ? 1 : 0;
}
