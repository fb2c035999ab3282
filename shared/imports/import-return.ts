import { getPointer, loadDataset, replaceDataset, type DatasetPointer } from '../data/repositories/datasets.ts';
import type { ScopedTable } from '../data/scoped-table.ts';
import type { TenantScope } from '../data/scopes.ts';
import { toDataset } from '../domain/ssda903/dataset.ts';
import { parse903Files, type UploadedFile } from '../domain/ssda903/parse.ts';
import type { RawTable, TableName } from '../domain/ssda903/records.ts';
import { validate903Upload, type ValidationReport } from '../domain/ssda903/validate/index.ts';
import { inferYearEnding } from '../domain/ssda903/dates.ts';

/** Rows of one table before and after an import. */
export interface TableChange {
  before: number;
  after: number;
}

export type ImportOutcome =
  | { accepted: true; yearEnding: number; pointer: DatasetPointer; report: ValidationReport; replaced: Record<string, TableChange> }
  | { accepted: false; yearEnding: number; report: ValidationReport };

export interface ImportOptions {
  /** The collection year; absent = the latest the files allow. */
  yearEnding?: number;
  /** Tables sent with their header row only that may replace the stored rows with none. */
  replaceWithEmpty?: readonly TableName[];
  concurrency?: number;
  onProgress?: (written: number, total: number) => void;
}

/** A stored table the return would empty: left out of the upload, or sent with its header only and not named in replaceWithEmpty. */
export interface Removal {
  table: string;
  storedRows: number;
  sent: 'omitted' | 'header only';
}

/** The return would remove stored rows without saying so: nothing is written. */
export class RowsWouldBeRemoved extends Error {
  constructor(readonly yearEnding: number, readonly removals: Removal[]) {
    super(`the ${yearEnding} return would remove stored rows: ${removals.map((r) => `${r.table} (${r.storedRows.toLocaleString('en-GB')} rows; ${r.sent === 'omitted' ? 'not sent' : 'sent with its header only'})`).join(', ')}. ` +
      'Send every table of the return; to empty a table on purpose, send it with its header row only and name it in replaceWithEmpty (--replace-with-empty for `cli import`).');
    this.name = 'RowsWouldBeRemoved';
  }
}

/** An import replaces every stored table: each one holding rows must come back with rows, or be emptied explicitly. */
function removals(stored: DatasetPointer | undefined, tables: RawTable[], replaceWithEmpty: readonly TableName[]): Removal[] {
  const out: Removal[] = [];
  for (const [table, storedRows] of Object.entries(stored?.counts ?? {})) {
    if (storedRows === 0) continue;
    const sent = tables.find((t) => t.table === table);
    if (!sent) out.push({ table, storedRows, sent: 'omitted' });
    else if (sent.rows.length === 0 && !replaceWithEmpty.includes(sent.table)) out.push({ table, storedRows, sent: 'header only' });
  }
  return out;
}

function changes(before: DatasetPointer | undefined, after: DatasetPointer): Record<string, TableChange> {
  const tables = new Set([...Object.keys(before?.counts ?? {}), ...Object.keys(after.counts)]);
  return Object.fromEntries([...tables].sort().map((t) => [t, { before: before?.counts[t] ?? 0, after: after.counts[t] ?? 0 }]));
}

/**
 * One 903 return into one LA's store: parse, validate (against the LA's stored previous year when there is
 * one), check it removes no stored rows unasked (RowsWouldBeRemoved), then write a new dataset version and flip
 * the pointer. All or nothing: a refused return writes nothing; the pointer version is read BEFORE validation,
 * so an upload that finishes first in the meantime makes this one fail with ConcurrentUpload instead of
 * silently replacing it. Used by the upload route, `cli import` and the local demo seed alike.
 */
export async function importReturn(table: ScopedTable<TenantScope>, files: UploadedFile[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const parsed = parse903Files(files);
  // One stray date must not move the year: it is inferred from the bulk of the return's dates.
  const yearEnding = options.yearEnding ?? inferYearEnding(parsed.tables, new Date().toISOString().slice(0, 10)).yearEnding;
  const expected = await getPointer(table, yearEnding);
  const previous = await loadDataset(table, yearEnding - 1);
  const report = validate903Upload(parsed, { yearEnding, ...(previous && { previous: previous.dataset }) });
  if (!report.valid) return { accepted: false, yearEnding, report };
  // After validation, so a file that could not be read is reported as such, not as a table left out.
  const removed = removals(expected, parsed.tables, options.replaceWithEmpty ?? []);
  if (removed.length > 0) throw new RowsWouldBeRemoved(yearEnding, removed);
  const pointer = await replaceDataset(table, toDataset(parsed.tables, yearEnding), parsed.tables, {
    expectedVersion: expected?.version ?? null,
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  return { accepted: true, yearEnding, pointer, report, replaced: changes(expected, pointer) };
}
