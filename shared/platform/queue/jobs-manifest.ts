/**
 * The jobs manifest: every SQS-driven job once, read by CDK (infra/constructs/snapshot-jobs.ts), the local runner
 * (functions/local: queues, redrive, pollers) and GET /admin/jobs, so AWS and local runs cannot drift.
 */
export interface JobSpec {
  /** SQS queue name; its dead-letter queue is `<queue>-dlq`. */
  readonly queue: string;
  /** Lambda entry file (exports `handler`), relative to the repository root. */
  readonly handler: string;
  /** Messages per invocation. Lambda may batch up to this many within the batching window. */
  readonly batchSize: number;
  /** Seconds Lambda waits to fill a batch (0: none). */
  readonly batchingWindowSeconds: number;
  /** Event-source cap on concurrent invocations, without reserving account concurrency (minimum 2). */
  readonly maxConcurrency: number;
  readonly functionTimeoutSeconds: number;
  readonly memoryMb: number;
  /** Receives before a message moves to the DLQ: a poison message stops blocking its batch after this many. */
  readonly maxReceiveCount: number;
}

export const JOBS = {
  /** One nightly (or per-upload) message fans out to one tenant message per LA. */
  plan: {
    queue: 'plan', handler: 'functions/jobs/plan/handler.ts',
    batchSize: 1, batchingWindowSeconds: 0, maxConcurrency: 2, functionTimeoutSeconds: 60, memoryMb: 256, maxReceiveCount: 3,
  },
  /** LA snapshots in parallel but bounded (DynamoDB, STS). */
  tenant: {
    queue: 'tenant', handler: 'functions/jobs/tenant-snapshot/handler.ts',
    batchSize: 5, batchingWindowSeconds: 0, maxConcurrency: 10, functionTimeoutSeconds: 120, memoryMb: 1024, maxReceiveCount: 3,
  },
  /** The window and batch coalesce the ~153 "LA done" messages of a run into a few rebuilds per year. */
  rollup: {
    queue: 'rollup', handler: 'functions/jobs/rollup/handler.ts',
    batchSize: 100, batchingWindowSeconds: 30, maxConcurrency: 2, functionTimeoutSeconds: 180, memoryMb: 1024, maxReceiveCount: 3,
  },
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof JOBS;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** AWS guidance for an SQS event source: visibility ≥ 6 × the function timeout + the batching window. */
export function visibilityTimeoutSeconds(job: JobSpec): number {
  return 6 * job.functionTimeoutSeconds + job.batchingWindowSeconds;
}

export const dlqName = (job: JobName) => `${JOBS[job].queue}-dlq`;
