// The CSV export, one way for the API's export.csv and the console's download: the same columns and the
// same safe cells (csv.ts), scoped by the caller's access.
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { csvLinesAsync } from '../csv.js';
import type { PledgeRow } from '../store.js';
import type { Store } from '../store-api.js';
import type { Access } from './access.js';
import { exportRows } from './queries.js';

export const CSV_COLUMNS: readonly { header: string; value: (row: PledgeRow) => string | null }[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'campaign', value: (row) => row.campaign },
  { header: 'partner', value: (row) => row.partner },
  { header: 'name', value: (row) => row.name },
  { header: 'email', value: (row) => row.email },
  { header: 'country', value: (row) => row.country },
  { header: 'phone', value: (row) => row.phone },
  { header: 'city', value: (row) => row.city },
  { header: 'comment', value: (row) => row.comment },
  { header: 'consent_text', value: (row) => row.consent_text },
  { header: 'consent_at', value: (row) => row.consent_at },
  { header: 'locale', value: (row) => row.locale },
  { header: 'page_url', value: (row) => row.page_url },
  { header: 'confirmed_at', value: (row) => row.confirmed_at },
];

/** Streams the campaign's pledges this access may see as an attachment. */
export function sendCsv(reply: FastifyReply, store: Store, campaign: string, access: Access): FastifyReply {
  const day = new Date().toISOString().slice(0, 10);
  const who = access.partner ? `-${access.partner}` : '';
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="samleng-${campaign}${who}-${day}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csvLinesAsync(CSV_COLUMNS, exportRows(store, campaign, access))));
}
