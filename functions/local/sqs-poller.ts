import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/** SQS returns, and deletes, at most ten messages per call. */
const SQS_MAX_BATCH = 10;

function withTimeout<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler timed out after ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface PollerOptions {
  queueUrl: string;
  queueArn: string;
  /** Up to this many messages per handler call (SQS returns at most 10 per receive, so several receives fill it). */
  batchSize: number;
  /** Like Lambda: a handler still running after this long fails its whole batch (the work itself cannot be stopped). */
  functionTimeoutSeconds: number;
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

  /** Receives until the batch is full or the queue has no more visible messages. */
  private async receiveBatch(): Promise<Message[]> {
    const messages: Message[] = [];
    while (messages.length < this.options.batchSize) {
      const out = await this.sqs.send(new ReceiveMessageCommand({
        QueueUrl: this.options.queueUrl,
        MaxNumberOfMessages: Math.min(SQS_MAX_BATCH, this.options.batchSize - messages.length),
        // Long-poll only for the first message; the rest of the batch is what is already there.
        WaitTimeSeconds: messages.length === 0 ? this.options.waitTimeSeconds ?? 1 : 0,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }));
      const received = out.Messages ?? [];
      messages.push(...received);
      if (received.length === 0) break;
    }
    return messages;
  }

  /** One receive → handle → delete cycle. Returns the number of messages received. */
  async pollOnce(): Promise<number> {
    const messages = await this.receiveBatch();
    if (messages.length === 0) return 0;
    this.busy++;
    try {
      const event: SQSEvent = { Records: messages.map((m) => this.toRecord(m)) };
      let failedIds: Set<string>;
      try {
        const response = await withTimeout(this.handler(event), this.options.functionTimeoutSeconds);
        failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch {
        failedIds = new Set(messages.map((m) => m.MessageId!));
      }
      const done = messages.filter((m) => !failedIds.has(m.MessageId!));
      for (let i = 0; i < done.length; i += SQS_MAX_BATCH) {
        await this.sqs.send(new DeleteMessageBatchCommand({
          QueueUrl: this.options.queueUrl,
          Entries: done.slice(i, i + SQS_MAX_BATCH).map((m, n) => ({ Id: String(n), ReceiptHandle: m.ReceiptHandle! })),
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
