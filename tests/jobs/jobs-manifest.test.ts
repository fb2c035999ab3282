import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, JOBS, visibilityTimeoutSeconds } from '../../shared/platform/queue/jobs-manifest.ts';
import { createSqsClient, sqsSender } from '../../shared/platform/queue/sender.ts';
import { createLocalQueues, type LocalQueues } from '../../functions/local/queues.ts';
import { SqsPoller } from '../../functions/local/sqs-poller.ts';

/**
 * Issue 9, item 6: the local runner reads the same jobs manifest as CDK (tests/infra/platform.test.ts checks
 * the CDK side): queue visibility and redrive, batch size (filled across several receives, as Lambda's
 * batching does beyond SQS's 10 per receive) and the function timeout, on a real fauxqs.
 */
let fauxqs: Awaited<ReturnType<typeof startFauxqs>>;
let sqs: ReturnType<typeof createSqsClient>;
let queues: LocalQueues;

beforeAll(async () => {
  fauxqs = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  sqs = createSqsClient(`http://127.0.0.1:${fauxqs.port}`);
  queues = await createLocalQueues(sqs);
});
afterAll(async () => {
  sqs.destroy();
  await fauxqs.stop();
});

describe('jobs manifest, locally', () => {
  it('every job queue has the manifest visibility (6 × timeout + window) and maxReceiveCount', async () => {
    for (const name of JOB_NAMES) {
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queues[name].url, AttributeNames: ['All'] }));
      expect(Number(Attributes?.VisibilityTimeout), name).toBe(visibilityTimeoutSeconds(JOBS[name]));
      expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}').maxReceiveCount, name).toBe(JOBS[name].maxReceiveCount);
    }
    // The rollup's settings as CDK deploys them: 6 × 180 s + the 30 s batching window.
    expect(visibilityTimeoutSeconds(JOBS.rollup)).toBe(1110);
  });

  it('a poller hands the handler up to batchSize messages, more than one receive can return', async () => {
    const sizes: number[] = [];
    const poller = new SqsPoller(sqs, async (event) => { sizes.push(event.Records.length); }, {
      queueUrl: queues.rollup.url, queueArn: queues.rollup.arn, batchSize: JOBS.rollup.batchSize, functionTimeoutSeconds: 5, waitTimeSeconds: 0,
    });
    const messages = Array.from({ length: 25 }, (_, i) => ({ type: 'rollup', yearEnding: 2000 + i }));
    await sqsSender(sqs).send(queues.rollup.url, messages);
    expect(await poller.pollOnce()).toBe(25);
    expect(sizes).toEqual([25]);
  });

  it('a handler still running after the function timeout fails its whole batch (nothing deleted)', async () => {
    const poller = new SqsPoller(sqs, () => new Promise(() => undefined), {
      queueUrl: queues.plan.url, queueArn: queues.plan.arn, batchSize: 1, functionTimeoutSeconds: 0.2, waitTimeSeconds: 0,
    });
    await sqsSender(sqs).send(queues.plan.url, [{ type: 'plan', reason: 'timeout test' }]);
    expect(await poller.pollOnce()).toBe(1);
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({
      QueueUrl: queues.plan.url, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
    }));
    // Still in flight (not deleted): it comes back after the visibility timeout, like a timed-out Lambda's batch.
    expect(Number(Attributes?.ApproximateNumberOfMessagesNotVisible)).toBe(1);
    const visible = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queues.plan.url, WaitTimeSeconds: 0 }));
    expect(visible.Messages ?? []).toEqual([]);
  });
});
