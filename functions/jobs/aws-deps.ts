import { DataLayer } from '../../shared/data/data-layer.ts';
import { readConfig } from '../../shared/platform/config.ts';
import { createSqsClient, sqsSender } from '../../shared/platform/queue/sender.ts';
import type { JobDeps } from './job-deps.ts';

/** Composition root for the job Lambdas: everything from the environment CDK sets. */
export function awsJobDeps(): JobDeps {
  const config = readConfig();
  return {
    data: new DataLayer({
      tableName: config.tableName,
      ...(config.dynamodbEndpoint && { endpoint: config.dynamodbEndpoint }),
      roles: { tenant: config.tenantDataRoleArn, region: config.regionDataRoleArn, national: config.nationalDataRoleArn },
    }),
    queue: sqsSender(createSqsClient(config.sqsEndpoint)),
    queueUrls: { tenant: config.tenantQueueUrl ?? '', rollup: config.rollupQueueUrl ?? '' },
    now: () => new Date(),
  };
}
