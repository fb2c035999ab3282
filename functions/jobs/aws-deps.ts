import { dataLayerFromConfig, readConfig } from '../../shared/platform/config.ts';
import { createSqsClient, sqsSender } from '../../shared/platform/queue/sender.ts';
import type { JobDeps } from './job-deps.ts';

/** Composition root for the job Lambdas: everything from the environment CDK sets. */
export function awsJobDeps(): JobDeps {
  const config = readConfig();
  return {
    data: dataLayerFromConfig(config),
    queue: sqsSender(createSqsClient(config.sqsEndpoint)),
    queueUrls: { tenant: config.tenantQueueUrl ?? '', rollup: config.rollupQueueUrl ?? '' },
    now: () => new Date(),
  };
}
