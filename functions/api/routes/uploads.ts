import { Hono } from 'hono';
import { ConcurrentUpload } from '../../../shared/data/repositories/datasets.ts';
import { importReturn } from '../../../shared/imports/import-return.ts';
import { countTenantUsage } from '../../../shared/platform/observability/metrics.ts';
import type { PlanMessage } from '../../../shared/contracts/jobs.ts';
import { allow, ownTenantData, tenantOf } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { yearText } from '../validation.ts';

/**
 * POST /uploads (iro_manager): one multipart request with the CSV files of a 903 return, for the LA of the
 * token. Invalid → 422 with every finding and nothing changed; valid → the year's dataset replaced
 * atomically (new version, pointer flip) and a recompute of the LA queued.
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
    const files = Object.values(form).flat().filter((v): v is File => typeof v !== 'string');
    if (files.length === 0) throw new ApiError(400, 'no_files', 'attach the CSV files of the return (Header, Episodes, Reviews, ...)');

    const la = tenantOf(c.var.principal);
    const uploaded = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    let outcome;
    try {
      outcome = await importReturn(ownTenantData(c), uploaded, year.data !== undefined ? { yearEnding: year.data } : {});
    } catch (error) {
      if (error instanceof ConcurrentUpload) throw new ApiError(409, 'concurrent_upload', error.message);
      throw error;
    }
    if (!outcome.accepted) {
      throw new ApiError(422, 'invalid_return', `the ${outcome.yearEnding} return was rejected (see details.errors; ${outcome.report.total} findings in all); nothing was changed`, outcome.report);
    }
    const recompute: PlanMessage = { type: 'plan', reason: 'upload', la };
    await c.var.deps.queue.send(c.var.deps.planQueueUrl, [recompute]);
    countTenantUsage('Uploads', la);
    return c.json({
      la,
      yearEnding: outcome.yearEnding,
      datasetVersion: outcome.pointer.version,
      rows: outcome.pointer.counts,
      queries: outcome.report.queries,
      recomputeQueued: true,
    }, 201);
  });
