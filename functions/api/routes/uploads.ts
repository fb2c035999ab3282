import { ConcurrentUpload } from '../../../shared/data/repositories/datasets.ts';
import { importReturn } from '../../../shared/imports/import-return.ts';
import { countTenantUsage } from '../../../shared/platform/observability/metrics.ts';
import type { PlanMessage } from '../../../shared/contracts/jobs.ts';
import { UploadAccepted, UploadForm } from '../../../shared/contracts/api/uploads.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';

const upload = defineRoute('upload.create', {
  method: 'post', path: '/uploads', tags: ['Uploads'], summary: "Replace a collection year of your LA's 903 return",
  description: 'One multipart request with the files of a 903 return for the LA of the token. Invalid: 422 with the findings, nothing changed. Valid: the year is replaced atomically (new version, pointer flip) and a recompute of the LA is queued',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: json(UploadAccepted, 'stored; queries listed; recompute queued'),
    ...problems('invalid_multipart', 'no_files', 'concurrent_upload', 'payload_too_large', 'unsupported_media_type', 'invalid_return'),
  },
});

const YEAR = /^20\d\d$/;

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
  const yearField = form.year ?? c.req.query('year');
  if (yearField !== undefined && (typeof yearField !== 'string' || !YEAR.test(yearField))) {
    throw new ApiError('invalid_request', 'year must be a collection year such as 2025 (for 2024-25)', { errors: [{ field: 'year', message: 'a collection year such as 2025' }] });
  }
  const files = Object.values(form).flat().filter((v): v is File => typeof v !== 'string');
  if (files.length === 0) throw new ApiError('no_files', 'attach the files of the return (Header, Episodes, Reviews, ...)');

  const la = c.var.data.scope.la;
  const uploaded = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  let outcome;
  try {
    outcome = await importReturn(c.var.data, uploaded, yearField !== undefined ? { yearEnding: Number(yearField) } : {});
  } catch (error) {
    if (error instanceof ConcurrentUpload) throw new ApiError('concurrent_upload', error.message);
    throw error;
  }
  if (!outcome.accepted) {
    throw new ApiError('invalid_return', `the ${outcome.yearEnding} return was rejected (${outcome.report.total} findings in all); nothing was changed`, {
      valid: false, errors: outcome.report.errors, queries: outcome.report.queries, total: outcome.report.total,
    });
  }
  const recomputeMessage: PlanMessage = { type: 'plan', reason: 'upload', la };
  await c.var.deps.queue.send(c.var.deps.planQueueUrl, [recomputeMessage]);
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
