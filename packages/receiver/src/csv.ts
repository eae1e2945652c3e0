// RFC 4180 CSV for spreadsheet programs: CRLF line ends, every cell quoted, a UTF-8 byte order mark so
// Excel reads Khmer and accents right, and formula injection neutralized.

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab and carriage return,
 * also after leading white space or line breaks, which LibreOffice and Excel skip before they look for a
 * formula.
 */
const FORMULA_START = /^[\s\u00A0\u3000]*[=+\-@\t\r]/;

export const BOM = '\uFEFF';

/**
 * One cell: a formula start gets a `'` in front so the cell stays text; then the cell is always quoted.
 * Always, not only when it holds `,`: a French-locale spreadsheet splits on `;`, and a quoted cell is
 * one cell whatever the separator the program guesses.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A CSV document as chunks (the BOM, a header row, then one chunk per row), for streaming. */
export function* csvLines<T>(
  columns: readonly { header: string; value: (row: T) => string | number | null | undefined }[],
  rows: Iterable<T>,
): Generator<string> {
  yield BOM + csvRow(columns.map((column) => column.header));
  for (const row of rows) yield csvRow(columns.map((column) => column.value(row)));
}

/** csvLines over rows that come a page at a time from the database (either store). */
export async function* csvLinesAsync<T>(
  columns: readonly { header: string; value: (row: T) => string | number | null | undefined }[],
  rows: AsyncIterable<T>,
): AsyncGenerator<string> {
  yield BOM + csvRow(columns.map((column) => column.header));
  for await (const row of rows) yield csvRow(columns.map((column) => column.value(row)));
}
