import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod/mini';
import { systemActor } from '../../shared/data/audit.ts';
import type { DataSession } from '../../shared/data/data-layer.ts';
import { recordJobRun, type JobRun } from '../../shared/data/repositories/jobs.ts';
import { PLATFORM_SCOPE } from '../../shared/data/scopes.ts';
import type { Logger } from '@aws-lambda-powertools/logger';
import { logger } from '../../shared/platform/observability/logger.ts';
import { metrics, MetricUnit } from '../../shared/platform/observability/metrics.ts';
import type { JobDeps } from './job-deps.ts';

export type SqsJobHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * Wraps a per-message function as an SQS handler with partial batch responses: a message that throws is
 * reported in `batchItemFailures` and comes back after the visibility timeout; after maxReceiveCount the
 * queue's redrive policy moves it to the DLQ. A body that fails its schema throws too (it lands in the DLQ).
 * `onBatch` runs once after the records, with the parsed bodies that succeeded (e.g. to dedupe fan-out).
 */
export function sqsJob<S extends z.ZodMiniType>(
  job: JobRun['job'],
  schema: S,
  deps: JobDeps,
  handleMessage: (body: z.infer<S>, context: { record: SQSRecord; log: Logger; data: DataSession }) => Promise<void>,
  options: {
    /** Messages of one batch with the same key share one run (and its outcome): e.g. one rollup per year. */
    coalesceBy?: (body: z.infer<S>) => string;
  } = {},
): SqsJobHandler {
  return async (event, context) => {
    const startedAt = deps.now().toISOString();
    const processor = new BatchProcessor(EventType.SQS);
    const runs = new Map<string, Promise<void>>();
    const recordHandler = async (record: SQSRecord) => {
      // A child logger per message: keys (tenant, messageId) never leak between concurrent messages.
      const log = logger.createChild({ persistentKeys: { job, messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount } });
      try {
        const body = schema.parse(JSON.parse(record.body));
        const key = options.coalesceBy?.(body);
        // The job reads as a system actor: child-level reads (a whole LA-year) land in the audit trail per message.
        const data = deps.data.session(systemActor(job));
        const run = (key !== undefined && runs.get(key)) || handleMessage(body, { record, log, data }).then(() => data.flush());
        if (key !== undefined) runs.set(key, run);
        await run;
      } catch (error) {
        log.error(`${job} message failed`, { error });
        throw error;
      }
    };
    const response = await processPartialResponse(event, recordHandler, processor, { ...(context && { context }), throwOnFullBatchFailure: false });
    const failed = response.batchItemFailures.length;
    metrics.addMetric(`${job}JobMessages`, MetricUnit.Count, event.Records.length);
    if (failed) metrics.addMetric(`${job}JobFailures`, MetricUnit.Count, failed);
    metrics.publishStoredMetrics();
    await recordJobRun(deps.data.for(PLATFORM_SCOPE), {
      job, startedAt, finishedAt: deps.now().toISOString(), messages: event.Records.length, failed,
    }).catch((error: unknown) => logger.warn('could not record job run', { error }));
    return response;
  };
}
