// The cases' storage (#19), one SQL for both stores (sql.ts). A case is one feed case object kept as JSON;
// beside it its state (published, needsAction), a revision (a save from a stale form is refused), and a
// history of who changed which top-level field when. Alerts are queued into mail_outbox in the same
// transaction as the state change that calls for them: the change and its mails commit together, or
// neither does, and a restart sends what the outbox holds (the alert's key makes a second queueing of
// the same event a no-op).
import { all, run } from './sql.js';
import type { Work } from './sql.js';

export type CaseObject = Record<string, unknown> & { id: string };

interface CaseRow {
  id: string;
  body: string;
  published: number;
  needs_action: number;
  revision: number;
  updated_at: string;
  published_at: string | null;
}

export interface CaseSummary {
  id: string;
  name: unknown;
  status: unknown;
  published: boolean;
  needsAction: boolean;
  revision: number;
  updatedAt: string | null;
  publishedAt: string | null;
}

export interface CaseDetail {
  case: CaseObject;
  published: boolean;
  needsAction: boolean;
  revision: number;
  history: { at: string; by: string; field: string }[];
}

/**
 * An alert's outbox row names its case as `case:<id>` in the column pledges' mails use for their campaign,
 * so that erasing a pledge in a campaign of the same name never touches an alert.
 */
export const alertCampaign = (id: string) => `case:${id}`;
export const caseOfAlert = (campaign: string) => campaign.replace(/^case:/, '');

const COLUMNS = 'id, body, published, needs_action, revision, updated_at, published_at';

/** Stable JSON (keys sorted) to tell whether a field changed. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => stable(before[key]) !== stable(after[key])).sort();
}

const feedChanged = (at: string) =>
  run(
    `INSERT INTO case_feed_state (id, changed_at) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET changed_at = excluded.changed_at`,
    [at],
  );

const history = (id: string, at: string, by: string, fields: readonly string[]) =>
  fields.map((field) =>
    run('INSERT INTO case_history (case_id, at, actor, field) VALUES (?, ?, ?, ?)', [id, at, by, field]),
  );

function* caseRow(id: string, lock = false): Work<CaseRow | undefined> {
  const rows = (yield all(
    `SELECT ${COLUMNS} FROM cases WHERE id = ?`,
    [id],
    lock ? `SELECT ${COLUMNS} FROM cases WHERE id = ? FOR UPDATE` : undefined,
  )) as CaseRow[];
  return rows[0];
}

export function* listCases(): Work<CaseSummary[]> {
  const rows = (yield all(`SELECT ${COLUMNS} FROM cases ORDER BY updated_at DESC, id`)) as CaseRow[];
  return rows.map((row) => {
    const body = JSON.parse(row.body) as CaseObject;
    return {
      id: row.id,
      name: body.name ?? null,
      status: body.status ?? null,
      published: row.published === 1,
      needsAction: row.needs_action === 1,
      revision: Number(row.revision),
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
    };
  });
}

export function* getCase(id: string): Work<CaseDetail | undefined> {
  const row = yield* caseRow(id);
  if (!row) return undefined;
  const entries = (yield all(
    'SELECT at, actor, field FROM case_history WHERE case_id = ? ORDER BY seq DESC LIMIT 500',
    [id],
  )) as { at: string; actor: string; field: string }[];
  return {
    case: JSON.parse(row.body) as CaseObject,
    published: row.published === 1,
    needsAction: row.needs_action === 1,
    revision: Number(row.revision),
    history: entries.map((entry) => ({ at: entry.at, by: entry.actor, field: entry.field })),
  };
}

/** A new draft; undefined when the id is taken. */
export function* createCase(value: CaseObject, by: string, at: string): Work<number | undefined> {
  const inserted = (yield run(
    `INSERT INTO cases (id, body, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [value.id, JSON.stringify(value), at, at],
  )) as number;
  if (inserted === 0) return undefined;
  for (const statement of history(value.id, at, by, Object.keys(value).sort())) yield statement;
  return 1;
}

export type UpdateResult = { revision: number } | 'missing' | 'stale';

export function* updateCase(value: CaseObject, revision: number, by: string, at: string): Work<UpdateResult> {
  const row = yield* caseRow(value.id, true);
  if (!row) return 'missing';
  if (Number(row.revision) !== revision) return 'stale';
  const fields = changedFields(JSON.parse(row.body) as Record<string, unknown>, value);
  if (fields.length === 0) return { revision };
  yield run('UPDATE cases SET body = ?, revision = revision + 1, updated_at = ? WHERE id = ?', [
    JSON.stringify(value),
    at,
    value.id,
  ]);
  for (const statement of history(value.id, at, by, fields)) yield statement;
  if (row.published === 1) yield feedChanged(at);
  return { revision: revision + 1 };
}

export interface StateChange {
  published?: boolean | undefined;
  needsAction?: boolean | undefined;
}

export interface StateResult {
  published: boolean;
  needsAction: boolean;
  revision: number;
  alerts: number;
}

/**
 * Publishes, unpublishes, or marks as needing action; when that calls for alerts (a first publication, or
 * needsAction turning true on a published case), one mail per confirmed subscriber is queued here, in the
 * same transaction. Each alert's key is `alert:<case>:<revision>:<subscriber>`: one per event and person.
 */
export function* setCaseState(
  id: string,
  change: StateChange,
  by: string,
  at: string,
  alertDueAt: number,
): Work<StateResult | undefined> {
  const row = yield* caseRow(id, true);
  if (!row) return undefined;
  const wasPublished = row.published === 1;
  const wasNeeding = row.needs_action === 1;
  const published = change.published ?? wasPublished;
  const needsAction = change.needsAction ?? wasNeeding;
  const revision = Number(row.revision);
  const fields = [
    ...(published !== wasPublished ? ['published'] : []),
    ...(needsAction !== wasNeeding ? ['needsAction'] : []),
  ];
  if (fields.length === 0) return { published, needsAction, revision, alerts: 0 };
  const firstPublication = published && row.published_at === null;
  const callsForAction = published && needsAction && !wasNeeding;
  yield run(
    `UPDATE cases SET published = ?, needs_action = ?, revision = revision + 1, updated_at = ?,
            published_at = coalesce(published_at, ?) WHERE id = ?`,
    [published ? 1 : 0, needsAction ? 1 : 0, at, published ? at : null, id],
  );
  for (const statement of history(id, at, by, fields)) yield statement;
  if (published || wasPublished) yield feedChanged(at);
  let alerts = 0;
  if (firstPublication || callsForAction) {
    // The token column holds the subscriber's id: the unsubscribe link is made from it when the mail is
    // composed (alerts/unsubscribe-token.ts), so no working link waits in the outbox.
    alerts = (yield run(
      `INSERT INTO mail_outbox (pledge_id, kind, to_addr, addr_hash, campaign, locale, token, next_at)
       SELECT CAST(? AS TEXT) || id, 'alert', email, email_hash, CAST(? AS TEXT), language, id, CAST(? AS BIGINT)
       FROM subscribers WHERE confirmed_at IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [`alert:${id}:${revision + 1}:`, alertCampaign(id), alertDueAt],
    )) as number;
  }
  return { published, needsAction, revision: revision + 1, alerts };
}

/** Deletes a case (its history too); true when there was one. */
export function* deleteCase(id: string, at: string): Work<boolean> {
  const row = yield* caseRow(id, true);
  if (!row) return false;
  yield run('DELETE FROM cases WHERE id = ?', [id]);
  yield run('DELETE FROM case_history WHERE case_id = ?', [id]);
  // Alerts not yet sent for it: a deleted case is not news any more.
  yield run("DELETE FROM mail_outbox WHERE kind = 'alert' AND campaign = ?", [alertCampaign(id)]);
  if (row.published === 1) yield feedChanged(at);
  return true;
}

export interface Feed {
  cases: CaseObject[];
  changedAt: string | null;
}

/** The published cases, newest publication first, and when the feed last changed. */
export function* feedCases(): Work<Feed> {
  const rows = (yield all('SELECT body FROM cases WHERE published = 1 ORDER BY published_at DESC, id')) as {
    body: string;
  }[];
  const state = (yield all('SELECT changed_at FROM case_feed_state WHERE id = 1')) as {
    changed_at: string;
  }[];
  return {
    cases: rows.map((row) => JSON.parse(row.body) as CaseObject),
    changedAt: state[0]?.changed_at ?? null,
  };
}

/** A published case, for an alert mail about to go (undefined: unpublished or deleted since). */
export function* publishedCase(id: string): Work<CaseObject | undefined> {
  const rows = (yield all('SELECT body FROM cases WHERE id = ? AND published = 1', [id])) as {
    body: string;
  }[];
  return rows[0] ? (JSON.parse(rows[0].body) as CaseObject) : undefined;
}
