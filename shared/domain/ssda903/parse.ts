/**
 * Reads uploaded 903 files into RawTables. Pure: bytes in, tables and file-level findings out; never throws.
 * A file is recognised by its content, never by its name: SSDA903 XML (the whole return in one file, see xml.ts)
 * or a CSV table, recognised by its header row (DESIGN.md §3).
 */
import { parse } from 'csv-parse/sync';
import { TABLE_COLUMNS } from './columns.ts';
import { TABLE_NAMES, type Finding, type RawTable, type TableName } from './records.ts';
import { looksLikeXml, parse903Xml, XML_CODES } from './xml.ts';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ParsedUpload {
  tables: RawTable[];
  findings: Finding[];
}

/** Stable codes of the file-level findings (all are errors: the upload cannot be read as a 903 return). */
export const FILE_CODES = {
  empty: 'EMPTY_FILE',
  notUtf8: 'NOT_UTF8',
  notCsv: 'NOT_CSV',
  notComma: 'NOT_COMMA_SEPARATED',
  unrecognised: 'UNRECOGNISED_FILE',
  missingColumn: 'MISSING_COLUMN',
  extraColumn: 'EXTRA_COLUMN',
  duplicateColumn: 'DUPLICATE_COLUMN',
  duplicateTable: 'DUPLICATE_TABLE',
  ...XML_CODES,
} as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fileFinding(file: string, code: string, message: string, row: number | null = null, column: string | null = null): Finding {
  return { file, row, column, code, message };
}

/** NUL bytes never occur in a text CSV; alternating NULs are the signature of UTF-16 without a BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return true;
  }
  const n = Math.min(bytes.length, 512);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  return n >= 4 && Math.max(evenNul, oddNul) >= n / 4 && Math.min(evenNul, oddNul) === 0;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** Decodes the bytes as UTF-8 text or says why it cannot. */
function decode(file: UploadedFile): { text: string } | { finding: Finding } {
  const { name, bytes } = file;
  if (bytes.length === 0) return { finding: fileFinding(name, FILE_CODES.empty, `${name} is empty: it has no header row and no data.`) };
  if (looksLikeUtf16(bytes)) {
    return {
      finding: fileFinding(name, FILE_CODES.notUtf8,
        `${name} is saved as UTF-16 (Excel's "Unicode Text"); save it again as "CSV UTF-8 (comma delimited)".`),
    };
  }
  if (hasNul(bytes)) {
    return { finding: fileFinding(name, FILE_CODES.notCsv, `${name} is not a CSV text file (it contains binary data).`) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      finding: fileFinding(name, FILE_CODES.notUtf8, looksLikeXml(bytes)
        ? `${name} is not valid UTF-8 text; export the XML again as UTF-8.`
        : `${name} is not valid UTF-8 text; save it again as "CSV UTF-8 (comma delimited)".`),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { finding: fileFinding(name, FILE_CODES.empty, `${name} is empty: it has no header row and no data.`) };
  return { text };
}

function firstLine(text: string): string {
  const nl = text.search(/\r|\n/);
  return nl === -1 ? text : text.slice(0, nl);
}

/**
 * Quote-free CSV (what 903 systems and the generator write) split natively, record for record as csv-parse reads
 * it: in a fresh process csv-parse's per-character loop ran unoptimised and was most of `cli validate`'s time
 * (about 15× the native split on a 9,000-row return). Null when the text has a quote or any line end but \n or
 * \r\n throughout: csv-parse reads those.
 */
export function splitPlainCsv(text: string): string[][] | null {
  if (text.includes('"')) return null;
  let eol = '\n';
  if (text.includes('\r')) {
    const crlf = text.split('\r\n').length;
    if (text.split('\r').length !== crlf || text.split('\n').length !== crlf) return null;
    eol = '\r\n';
  }
  const lines = text.split(eol);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split(','));
}

function isBlankRecord(record: string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

/** The table whose columns best match the header, or null when none is a plausible match. */
export function recogniseTable(header: readonly string[]): TableName | null {
  const upper = new Set(header.map((h) => h.trim().toUpperCase()));
  let best: TableName | null = null;
  let bestScore = 0;
  for (const table of TABLE_NAMES) {
    const cols = TABLE_COLUMNS[table];
    let shared = 0;
    for (const c of cols) if (upper.has(c)) shared++;
    // Jaccard similarity: an exact header scores 1; a header with one column missing or added still wins.
    const score = shared / (cols.length + upper.size - shared);
    if (score > bestScore) {
      bestScore = score;
      best = table;
    }
  }
  return best !== null && upper.has('CHILD') && bestScore >= 0.5 ? best : null;
}

/** Missing, extra and duplicated columns of a recognised header (exact, case-sensitive names). */
function checkColumns(table: TableName, header: string[]): Finding[] {
  const findings: Finding[] = [];
  const expected = TABLE_COLUMNS[table];
  const seen = new Set<string>();
  for (const col of header) {
    if (seen.has(col)) {
      findings.push(fileFinding(table, FILE_CODES.duplicateColumn, `${table} has the column ${col} twice.`, 1, col));
    }
    seen.add(col);
    if (!expected.includes(col)) {
      const near = expected.find((e) => e === col.trim().toUpperCase());
      findings.push(fileFinding(table, FILE_CODES.extraColumn,
        near
          ? `${table} column "${col}" should be named exactly ${near}.`
          : `${table} has a column "${col}" that is not in the 903 ${table} table (expected ${expected.join(', ')}).`,
        1, col));
    }
  }
  for (const col of expected) {
    if (!seen.has(col)) {
      findings.push(fileFinding(table, FILE_CODES.missingColumn,
        `${table} is missing the column ${col} (expected ${expected.join(', ')}).`, 1, null));
    }
  }
  return findings;
}

function parseOne(file: UploadedFile, out: ParsedUpload, seen: Map<TableName, string>): void {
  const decoded = decode(file);
  if ('finding' in decoded) {
    out.findings.push(decoded.finding);
    return;
  }
  const { text } = decoded;
  if (looksLikeXml(file.bytes)) {
    const xml = parse903Xml(file.name, text);
    out.findings.push(...xml.findings);
    for (const table of xml.tables) {
      const earlier = seen.get(table.table);
      if (earlier !== undefined) {
        out.findings.push(fileFinding(table.table, FILE_CODES.duplicateTable,
          `${file.name} and ${earlier} both hold the ${table.table} table; upload the XML alone, or the CSV files alone.`));
        continue;
      }
      seen.set(table.table, file.name);
      out.tables.push(table);
    }
    return;
  }
  const head = firstLine(text);
  if (!head.includes(',') && (head.includes(';') || head.includes('\t'))) {
    const sep = head.includes(';') ? 'semicolons' : 'tabs';
    out.findings.push(fileFinding(file.name, FILE_CODES.notComma,
      `${file.name} is separated by ${sep}, not commas; save it again as "CSV UTF-8 (comma delimited)".`, 1));
    return;
  }
  let records: string[][];
  try {
    records = splitPlainCsv(text) ?? parse(text, { relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    const where = typeof (err as { lines?: unknown }).lines === 'number' ? ` near line ${(err as { lines: number }).lines}` : '';
    out.findings.push(fileFinding(file.name, FILE_CODES.notCsv,
      `${file.name} cannot be read as CSV${where}: ${(err as Error).message}`));
    return;
  }
  // The header is the first non-blank record; rows are numbered by record (header = 1) so they match Excel.
  let h = 0;
  while (h < records.length && isBlankRecord(records[h]!)) h++;
  if (h >= records.length) {
    out.findings.push(fileFinding(file.name, FILE_CODES.empty, `${file.name} is empty: it has no header row and no data.`));
    return;
  }
  const header = records[h]!.map((c) => c.trim());
  const table = recogniseTable(header);
  if (table === null) {
    out.findings.push(fileFinding(file.name, FILE_CODES.unrecognised,
      `${file.name} is not a 903 table: its header row (${header.slice(0, 8).join(', ')}) matches none of Header, ` +
      'Episodes, Reviews, Missing, UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, SWEpisodes.', h + 1));
    return;
  }
  const earlier = seen.get(table);
  if (earlier !== undefined) {
    out.findings.push(fileFinding(table, FILE_CODES.duplicateTable,
      `${file.name} and ${earlier} are both the ${table} table; upload each table once.`));
    return;
  }
  seen.set(table, file.name);
  out.findings.push(...checkColumns(table, header));

  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = h + 1; i < records.length; i++) {
    const record = records[i]!;
    // Blank lines (trailing ones especially) are skipped but still counted, so row numbers stay those of the file.
    if (isBlankRecord(record)) continue;
    rows.push(record);
    lines.push(i + 1);
  }
  const raw: RawTable = { table, columns: header, rows, fileName: file.name };
  // Lines are only needed when they are not simply 2, 3, 4, ... (a blank line or blank header lines came first).
  if (lines.length > 0 && lines[lines.length - 1] !== lines.length + 1) raw.lines = lines;
  out.tables.push(raw);
}

export function parse903Files(files: { name: string; bytes: Uint8Array }[]): ParsedUpload {
  const out: ParsedUpload = { tables: [], findings: [] };
  const seen = new Map<TableName, string>();
  for (const file of files) {
    try {
      parseOne(file, out, seen);
    } catch (err) {
      // Defensive: parsing must never throw on user input.
      out.findings.push(fileFinding(file.name, FILE_CODES.notCsv, `${file.name} could not be read: ${(err as Error).message}`));
    }
  }
  return out;
}
