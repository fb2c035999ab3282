import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueDepth {
  queue: string;
  visible: number;
  inFlight: number;
  deadLetters: number;
}

async function counts(sqs: SQSClient, url: string) {
  const out = await sqs.send(new GetQueueAttributesCommand({
    QueueUrl: url,
    AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
  }));
  return { visible: Number(out.Attributes?.ApproximateNumberOfMessages ?? 0), inFlight: Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) };
}

/** Queue and DLQ depths through GetQueueAttributes: the same call against fauxqs and AWS. */
export function queueDepths(sqs: SQSClient, queues: { name: string; url: string; dlqUrl: string }[]): Promise<QueueDepth[]> {
  return Promise.all(queues.map(async ({ name, url, dlqUrl }) => {
    const [main, dlq] = await Promise.all([counts(sqs, url), counts(sqs, dlqUrl)]);
    return { queue: name, visible: main.visible, inFlight: main.inFlight, deadLetters: dlq.visible + dlq.inFlight };
  }));
}
