import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface PollerOptions {
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  /** Long-poll wait; short in tests so `drain` returns quickly. */
  waitTimeSeconds?: number;
}

/**
 * What Lambda's SQS event source mapping does, for local runs: receive a batch, build the same SQSEvent
 * (messageId, receiptHandle, attributes incl. ApproximateReceiveCount), call the same handler, delete what
 * succeeded. Reported `batchItemFailures` (or every message, if the handler throws) are left alone: they
 * reappear after the visibility timeout, and the queue's redrive policy moves them to the DLQ after
 * maxReceiveCount receives — the real SQS behaviour, played by fauxqs.
 */
export class SqsPoller {
  private running = false;
  private loop?: Promise<void>;
  private busy = 0;

  constructor(private readonly sqs: SQSClient, private readonly handler: SqsHandler, private readonly options: PollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.pollOnce();
        } catch (error) {
          if (this.running) {
            process.stderr.write(`poller ${this.options.queueUrl}: ${(error as Error).message}\n`);
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** True while a batch is being handled (used by `drain` to know the pipeline is idle). */
  get idle(): boolean {
    return this.busy === 0;
  }

  /** One receive → handle → delete cycle. Returns the number of messages received. */
  async pollOnce(): Promise<number> {
    const out = await this.sqs.send(new ReceiveMessageCommand({
      QueueUrl: this.options.queueUrl,
      MaxNumberOfMessages: this.options.batchSize,
      WaitTimeSeconds: this.options.waitTimeSeconds ?? 1,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }));
    const messages = out.Messages ?? [];
    if (messages.length === 0) return 0;
    this.busy++;
    try {
      const event: SQSEvent = { Records: messages.map((m) => this.toRecord(m)) };
      let failedIds: Set<string>;
      try {
        const response = await this.handler(event);
        failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch {
        failedIds = new Set(messages.map((m) => m.MessageId!));
      }
      const done = messages.filter((m) => !failedIds.has(m.MessageId!));
      if (done.length > 0) {
        await this.sqs.send(new DeleteMessageBatchCommand({
          QueueUrl: this.options.queueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }));
      }
      return messages.length;
    } finally {
      this.busy--;
    }
  }

  private toRecord(m: Message): SQSRecord {
    const a = m.Attributes ?? {};
    return {
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body ?? '',
      attributes: {
        ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
        SentTimestamp: a.SentTimestamp ?? String(Date.now()),
        SenderId: a.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn,
      awsRegion: 'us-east-1',
    };
  }
}
