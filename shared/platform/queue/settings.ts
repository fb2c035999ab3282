/**
 * Queue settings shared by CDK (infra) and the local fauxqs bootstrap, so redrive behaves the same in both.
 * visibilityTimeoutSeconds ≥ 6 × the consuming function's timeout (AWS guidance for SQS event sources).
 */
export const QUEUES = {
  plan: { name: 'plan', maxReceiveCount: 3, visibilityTimeoutSeconds: 180, batchSize: 1, functionTimeoutSeconds: 30 },
  tenant: { name: 'tenant', maxReceiveCount: 3, visibilityTimeoutSeconds: 720, batchSize: 5, functionTimeoutSeconds: 120 },
  rollup: { name: 'rollup', maxReceiveCount: 3, visibilityTimeoutSeconds: 360, batchSize: 10, functionTimeoutSeconds: 60 },
} as const;

export type QueueName = keyof typeof QUEUES;

export const dlqName = (queue: QueueName) => `${QUEUES[queue].name}-dlq`;
