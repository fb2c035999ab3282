import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

/** Locally `endpoint` is fauxqs; in AWS it is absent. Same SDK calls either way. */
export function createSqsClient(endpoint?: string): SQSClient {
  return new SQSClient(endpoint
    ? { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {});
}

export interface QueueSender {
  send(queueUrl: string, bodies: readonly object[]): Promise<void>;
}

/** SendMessageBatch in tens (the SQS limit); any per-entry failure is an error, so a caller can retry. */
export function sqsSender(client: SQSClient): QueueSender {
  return {
    async send(queueUrl, bodies) {
      for (let i = 0; i < bodies.length; i += 10) {
        const entries = bodies.slice(i, i + 10).map((body, n) => ({ Id: String(n), MessageBody: JSON.stringify(body) }));
        const out = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (out.Failed?.length) throw new Error(`SQS rejected ${out.Failed.length} messages: ${out.Failed[0]?.Message ?? out.Failed[0]?.Code}`);
      }
    },
  };
}
