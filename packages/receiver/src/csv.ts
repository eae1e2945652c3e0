// RFC 4180 CSV for spreadsheet programs: CRLF line ends, quoted fields where needed, a UTF-8 byte order
// mark so Excel reads Khmer and accents right, and formula injection neutralized.

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

export const BOM = '\uFEFF';

/** One cell: a leading formula character gets a `'` so the cell stays text; then RFC 4180 quoting. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
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
