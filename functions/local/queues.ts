import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { dlqName, QUEUES, type QueueName } from '../../shared/platform/queue/settings.ts';

export interface LocalQueue {
  url: string;
  arn: string;
  dlqUrl: string;
}

export type LocalQueues = Record<QueueName, LocalQueue>;

async function arnOf(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return out.Attributes!.QueueArn!;
}

/**
 * Creates the plan/tenant/rollup queues and their DLQs on the local SQS endpoint with the redrive policy CDK
 * gives them (same maxReceiveCount). The visibility timeout is shorter locally so retries show within seconds.
 */
export async function createLocalQueues(sqs: SQSClient, visibilityTimeoutSeconds: number): Promise<LocalQueues> {
  const entries = await Promise.all((Object.keys(QUEUES) as QueueName[]).map(async (name) => {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: dlqName(name) }));
    const dlqArn = await arnOf(sqs, dlq.QueueUrl!);
    const queue = await sqs.send(new CreateQueueCommand({
      QueueName: QUEUES[name].name,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: QUEUES[name].maxReceiveCount }),
      },
    }));
    return [name, { url: queue.QueueUrl!, arn: await arnOf(sqs, queue.QueueUrl!), dlqUrl: dlq.QueueUrl! }] as const;
  }));
  return Object.fromEntries(entries) as LocalQueues;
}
