/** Cells a spreadsheet would run as a formula start with one of these, fullwidth forms included (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV cell: text that starts like a formula gets a leading apostrophe (plain numbers such as "-2.5" stay
 * numbers), and cells with quotes, commas, line breaks or edge spaces are quoted with quotes doubled.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** A CSV document, header first, produced lazily from rows (for streaming large exports). */
export function* csvLines<T>(header: readonly string[], rows: Iterable<T>, cells: (row: T) => readonly unknown[]): Generator<string> {
  yield csvLine(header);
  for (const row of rows) yield csvLine(cells(row));
}
