import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { dlqName, JOB_NAMES, JOBS, visibilityTimeoutSeconds, type JobName } from '../../shared/platform/queue/jobs-manifest.ts';

export interface LocalQueue {
  url: string;
  arn: string;
  dlqUrl: string;
}

export type LocalQueues = Record<JobName, LocalQueue>;

async function arnOf(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return out.Attributes!.QueueArn!;
}

/**
 * Creates every manifest job's queue and DLQ on the local SQS endpoint with the visibility timeout and redrive
 * policy CDK gives them; tests pass a shorter visibility so a retry shows within a second.
 */
export async function createLocalQueues(sqs: SQSClient, visibilityOverrideSeconds?: number): Promise<LocalQueues> {
  const entries = await Promise.all(JOB_NAMES.map(async (name) => {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: dlqName(name) }));
    const dlqArn = await arnOf(sqs, dlq.QueueUrl!);
    const queue = await sqs.send(new CreateQueueCommand({
      QueueName: JOBS[name].queue,
      Attributes: {
        VisibilityTimeout: String(visibilityOverrideSeconds ?? visibilityTimeoutSeconds(JOBS[name])),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: JOBS[name].maxReceiveCount }),
      },
    }));
    return [name, { url: queue.QueueUrl!, arn: await arnOf(sqs, queue.QueueUrl!), dlqUrl: dlq.QueueUrl! }] as const;
  }));
  return Object.fromEntries(entries) as LocalQueues;
}
