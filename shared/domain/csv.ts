/**
 * Writing CSV that people open in spreadsheets: every CSV the platform writes from stored or uploaded values goes
 * through here. A cell that starts with = + - @ (or a tab or carriage return) would be read as a formula by Excel
 * or Sheets (CSV injection, OWASP), so it is prefixed with a single quote; plain numbers such as -5 are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV document: a header row and data rows, CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | boolean | null | undefined)[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
