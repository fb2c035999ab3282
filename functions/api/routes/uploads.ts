import { Hono } from 'hono';
import { ConcurrentUpload, DatasetNotWritable } from '../../../shared/data/repositories/datasets.ts';
import { TABLE_NAMES, type Finding, type TableName } from '../../../shared/domain/ssda903/records.ts';
import type { ValidationReport } from '../../../shared/domain/ssda903/validate/index.ts';
import { importReturn, RowsWouldBeRemoved } from '../../../shared/imports/import-return.ts';
import { countTenantUsage } from '../../../shared/platform/observability/metrics.ts';
import type { PlanMessage } from '../../../shared/contracts/jobs.ts';
import { allow, ownTenantData, tenantOf } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { yearText } from '../validation.ts';

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

/** `replaceWithEmpty`: comma-separated 903 table names (form field), e.g. `Reviews,Missing`. */
function replaceWithEmptyField(value: string | File | (string | File)[] | undefined): TableName[] {
  if (value === undefined) return [];
  const names = [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',') : [''])).map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names.filter((n) => !(TABLE_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new ApiError(400, 'invalid_replace_with_empty', `replaceWithEmpty must list 903 tables (${TABLE_NAMES.join(', ')}) separated by commas`,
      [{ field: 'replaceWithEmpty', message: `not a 903 table: ${unknown.map((n) => JSON.stringify(n.slice(0, 40))).join(', ')}` }]);
  }
  return names as TableName[];
}

/**
 * POST /uploads (iro_manager): one multipart request with the CSV files of a 903 return, for the LA of the
 * token. Invalid → 422 with the findings (within a size budget) and nothing changed; a return that would empty
 * a stored table unasked, or a child too large to store → 422 and nothing changed; valid → the year's dataset
 * replaced atomically (new version, pointer flip), rows before → after per table, and a recompute queued.
 */
export const uploadRoutes = new Hono<AppEnv>()
  .use(allow('iro_manager'))
  .post('/', async (c) => {
    if (!c.req.header('content-type')?.startsWith('multipart/form-data')) {
      throw new ApiError(415, 'unsupported_media_type', 'send the 903 CSV files as multipart/form-data');
    }
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new ApiError(400, 'invalid_multipart', 'the multipart body could not be read');
    }
    const year = yearText.safeParse(form.year ?? c.req.query('year'));
    if (!year.success) throw new ApiError(400, 'invalid_year', 'year must be a collection year such as 2025 (for 2024-25)');
    const replaceWithEmpty = replaceWithEmptyField(form.replaceWithEmpty);
    const files = Object.values(form).flat().filter((v): v is File => typeof v !== 'string');
    if (files.length === 0) throw new ApiError(400, 'no_files', 'attach the CSV files of the return (Header, Episodes, Reviews, ...)');

    const la = tenantOf(c.var.principal);
    const uploaded = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    let outcome;
    try {
      outcome = await importReturn(ownTenantData(c), uploaded, { replaceWithEmpty, ...(year.data !== undefined && { yearEnding: year.data }) });
    } catch (error) {
      if (error instanceof ConcurrentUpload) throw new ApiError(409, 'concurrent_upload', error.message);
      if (error instanceof RowsWouldBeRemoved) throw new ApiError(422, 'rows_would_be_removed', `${error.message} Nothing was changed.`, { removals: error.removals });
      if (error instanceof DatasetNotWritable) {
        throw new ApiError(422, 'dataset_not_writable', `the return cannot be stored: ${error.message}. Nothing was changed.`, { item: error.item, bytes: error.bytes });
      }
      throw error;
    }
    if (!outcome.accepted) {
      throw new ApiError(422, 'invalid_return', `the ${outcome.yearEnding} return was rejected (see details.errors; ${outcome.report.total} findings in all); nothing was changed`,
        { valid: false, ...withinBudget(outcome.report) });
    }
    const recompute: PlanMessage = { type: 'plan', reason: 'upload', la };
    await c.var.deps.queue.send(c.var.deps.planQueueUrl, [recompute]);
    countTenantUsage('Uploads', la);
    const { queries, total, omitted } = withinBudget(outcome.report);
    return c.json({
      la,
      yearEnding: outcome.yearEnding,
      datasetVersion: outcome.pointer.version,
      rows: outcome.pointer.counts,
      replaced: outcome.replaced,
      queries,
      findings: { total, omitted },
      recomputeQueued: true,
    }, 201);
  });
