import { ConcurrentUpload, DatasetNotWritable } from '../../../shared/data/repositories/datasets.ts';
import { TABLE_NAMES, type Finding, type TableName } from '../../../shared/domain/ssda903/records.ts';
import type { ValidationReport } from '../../../shared/domain/ssda903/validate/index.ts';
import { importReturn, RowsWouldBeRemoved } from '../../../shared/imports/import-return.ts';
import { countTenantUsage } from '../../../shared/platform/observability/metrics.ts';
import type { PlanMessage } from '../../../shared/contracts/jobs.ts';
import { UploadAccepted, UploadForm } from '../../../shared/contracts/api/uploads.ts';
import type * as z from 'zod';
import type { ScopedTable } from '../../../shared/data/scoped-table.ts';
import type { TenantScope } from '../../../shared/data/scopes.ts';
import type { ApiDeps } from '../deps.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';

/**
 * Findings listed in one answer, in bytes of JSON: Lambda answers at most 6 MB, and an answer about an upload
 * should never be larger than the upload (a 9.8 MB upload once got an 18 MB 422).
 */
const FINDINGS_BUDGET_BYTES = 1024 * 1024;

/** The report's findings that fit the budget, in order, with how many were left out of `total`. */
function withinBudget(report: ValidationReport) {
  let remaining = FINDINGS_BUDGET_BYTES;
  const fit = (list: Finding[]) => list.filter((f) => {
    const bytes = Buffer.byteLength(JSON.stringify(f)) + 1;
    if (bytes > remaining) return false;
    remaining -= bytes;
    return true;
  });
  const errors = fit(report.errors);
  const queries = fit(report.queries);
  return { errors, queries, total: report.total, omitted: report.total - errors.length - queries.length };
}

const fieldError = (field: string, message: string) => ({ errors: [{ field, message }] });

/** `replaceWithEmpty`: comma-separated 903 table names (form field), e.g. `Reviews,Missing`. */
function replaceWithEmptyField(value: string | File | (string | File)[] | undefined): TableName[] {
  if (value === undefined) return [];
  const names = [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',') : [''])).map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names.filter((n) => !(TABLE_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new ApiError('invalid_request', `replaceWithEmpty must list 903 tables (${TABLE_NAMES.join(', ')}) separated by commas`,
      fieldError('replaceWithEmpty', `not a 903 table: ${unknown.map((n) => JSON.stringify(n.slice(0, 40))).join(', ')}`));
  }
  return names as TableName[];
}

const YEAR = /^20\d\d$/;

const upload = defineRoute('upload.create', {
  method: 'post', path: '/uploads', tags: ['Uploads'], summary: "Replace a collection year of your LA's 903 return",
  description: 'One multipart request with the files (CSV, or the DfE XML) of a 903 return for the LA of the token. '
    + 'Invalid: 422 with the findings (within a 1 MB budget, with `total` and `omitted`), nothing changed. A return that would empty a stored table '
    + 'without saying so in `replaceWithEmpty`, or a child too large to store: 422, nothing changed. Valid: the year is replaced atomically '
    + '(new version, pointer flip), rows before → after per table, and a recompute of the LA is queued',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: json(UploadAccepted, 'stored; queries listed; recompute queued'),
    ...problems('invalid_multipart', 'no_files', 'concurrent_upload', 'payload_too_large', 'unsupported_media_type', 'invalid_return', 'rows_would_be_removed', 'dataset_not_writable'),
  },
});

/** An upload as asked: the files, the year (absent: inferred from the dates), the tables that may be emptied. */
export interface UploadRequest {
  files: File[];
  year?: number;
  replaceWithEmpty: TableName[];
}

/** The multipart form of an upload (the route's and the upload page's), checked field by field; `year` absent = inferred. */
export function readUploadForm(form: Record<string, string | File | (string | File)[]>, year: string | File | (string | File)[] | undefined): UploadRequest {
  if (year !== undefined && (typeof year !== 'string' || !YEAR.test(year))) {
    throw new ApiError('invalid_request', 'year must be a collection year such as 2025 (for 2024-25)', fieldError('year', 'a collection year such as 2025'));
  }
  const replaceWithEmpty = replaceWithEmptyField(form.replaceWithEmpty);
  // Every file part is a file of the return, whatever its field name; an empty file input sends one nameless, empty part.
  const files = Object.values(form).flat().filter((v): v is File => typeof v !== 'string' && !(v.size === 0 && v.name === ''));
  if (files.length === 0) throw new ApiError('no_files', 'attach the files of the return (Header, Episodes, Reviews, ...)');
  return { files, replaceWithEmpty, ...(year !== undefined && { year: Number(year) }) };
}

export type UploadAcceptedBody = z.infer<typeof UploadAccepted>;

/** What a rejected return's answer lists: its findings within the budget, with `total` and `omitted`. */
export type RejectedFindings = ReturnType<typeof withinBudget>;

/**
 * Imports an upload into the caller's LA and queues its recompute. Every refusal is an ApiError that changes
 * nothing; a rejected return's is `invalid_return` with its findings (RejectedFindings) as extensions.
 */
export async function receiveUpload(deps: ApiDeps, table: ScopedTable<TenantScope>, request: UploadRequest): Promise<UploadAcceptedBody> {
  const la = table.scope.la;
  const uploaded = await Promise.all(request.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  let outcome;
  try {
    outcome = await importReturn(table, uploaded, { replaceWithEmpty: request.replaceWithEmpty, ...(request.year !== undefined && { yearEnding: request.year }) });
  } catch (error) {
    if (error instanceof ConcurrentUpload) throw new ApiError('concurrent_upload', error.message);
    if (error instanceof RowsWouldBeRemoved) throw new ApiError('rows_would_be_removed', `${error.message} Nothing was changed.`, { removals: error.removals });
    if (error instanceof DatasetNotWritable) {
      throw new ApiError('dataset_not_writable', `the return cannot be stored: ${error.message}. Nothing was changed.`, { item: error.item, bytes: error.bytes });
    }
    throw error;
  }
  if (!outcome.accepted) {
    throw new ApiError('invalid_return', `the ${outcome.yearEnding} return was rejected (${outcome.report.total} findings in all); nothing was changed`,
      { valid: false, yearEnding: outcome.yearEnding, ...withinBudget(outcome.report) });
  }
  const recomputeMessage: PlanMessage = { type: 'plan', reason: 'upload', la };
  await deps.queue.send(deps.planQueueUrl, [recomputeMessage]);
  countTenantUsage('Uploads', la);
  const { queries, total, omitted } = withinBudget(outcome.report);
  return {
    la,
    yearEnding: outcome.yearEnding,
    datasetVersion: outcome.pointer.version,
    rows: outcome.pointer.counts,
    replaced: outcome.replaced,
    queries,
    findings: { total, omitted },
    recomputeQueued: true,
  };
}

export const uploadRoutes = createOpenApiApp().openapi(upload, async (c) => {
  if (!c.req.header('content-type')?.startsWith('multipart/form-data')) {
    throw new ApiError('unsupported_media_type', 'send the 903 files as multipart/form-data');
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new ApiError('invalid_multipart', 'the multipart body could not be read');
  }
  const request = readUploadForm(form, form.year ?? c.req.query('year'));
  return c.json(await receiveUpload(c.var.deps, c.var.data, request), 201);
});
