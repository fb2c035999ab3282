import { getPointer, loadDataset, replaceDataset, type DatasetPointer } from '../data/repositories/datasets.ts';
import type { ScopedTable } from '../data/scoped-table.ts';
import type { TenantScope } from '../data/scopes.ts';
import { toDataset } from '../domain/ssda903/dataset.ts';
import { parse903Files, type UploadedFile } from '../domain/ssda903/parse.ts';
import { latestYearEnding, validate903Upload, type ValidationReport } from '../domain/ssda903/validate/index.ts';

export type ImportOutcome =
  | { accepted: true; yearEnding: number; pointer: DatasetPointer; report: ValidationReport }
  | { accepted: false; yearEnding: number; report: ValidationReport };

export interface ImportOptions {
  /** The collection year; absent = the latest the files allow. */
  yearEnding?: number;
  concurrency?: number;
  onProgress?: (written: number, total: number) => void;
}

/**
 * One 903 return into one LA's store: parse, validate (against the LA's stored previous year when there is
 * one), then write a new dataset version and flip the pointer. All or nothing: a rejected return writes
 * nothing; the pointer version is read BEFORE validation, so an upload that finishes first in the meantime
 * makes this one fail with ConcurrentUpload instead of silently replacing it.
 * Used by the upload route, `cli import` and the local demo seed alike.
 */
export async function importReturn(table: ScopedTable<TenantScope>, files: UploadedFile[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const parsed = parse903Files(files);
  const yearEnding = options.yearEnding ?? latestYearEnding(parsed.tables);
  const expected = await getPointer(table, yearEnding);
  const previous = await loadDataset(table, yearEnding - 1);
  const report = validate903Upload(parsed, { yearEnding, ...(previous && { previous: previous.dataset }) });
  if (!report.valid) return { accepted: false, yearEnding, report };
  const pointer = await replaceDataset(table, toDataset(parsed.tables, yearEnding), parsed.tables, {
    expectedVersion: expected?.version ?? null,
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  return { accepted: true, yearEnding, pointer, report };
}
