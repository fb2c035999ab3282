import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface QueueWithDlqProps {
  /** Timeout of the function that will consume the queue; visibility is derived from it (AWS: >= 6x timeout + batching window). */
  readonly consumerTimeout: Duration;
  /** @default Duration.seconds(0) */
  readonly maxBatchingWindow?: Duration;
  /** @default 3: a poison message reaches the DLQ after three attempts instead of blocking its batch for hours. */
  readonly maxReceiveCount?: number;
  /** Where the DLQ alarm notifies. */
  readonly alarmTopic?: sns.ITopic;
}

export interface ConsumerOptions {
  readonly batchSize: number;
  /** Caps concurrent invocations without reserving account concurrency (minimum 2). */
  readonly maxConcurrency: number;
}

/**
 * A work queue with its own DLQ and an alarm as soon as anything lands in the DLQ. Both queues use SQS-managed
 * SSE (no KMS grants needed by producers such as EventBridge Scheduler) and refuse non-TLS requests.
 */
export class QueueWithDlq extends Construct {
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;
  readonly dlqAlarm: cloudwatch.Alarm;
  private readonly maxBatchingWindow: Duration;
  private readonly visibilitySeconds: number;

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    this.maxBatchingWindow = props.maxBatchingWindow ?? Duration.seconds(0);
    this.visibilitySeconds = props.consumerTimeout.toSeconds() * 6 + this.maxBatchingWindow.toSeconds();

    this.dlq = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(this.visibilitySeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: props.maxReceiveCount ?? 3 },
    });

    this.dlqAlarm = new cloudwatch.Alarm(this, 'DlqAlarm', {
      alarmDescription: `Messages in the DLQ of ${this.node.path}: a job failed ${props.maxReceiveCount ?? 3} times; inspect and redrive.`,
      metric: this.dlq.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopic) this.dlqAlarm.addAlarmAction(new cwActions.SnsAction(props.alarmTopic));
  }

  /** Wires `fn` as the consumer with partial batch responses; refuses a function whose timeout breaks the 6x rule. */
  addConsumer(fn: lambda.Function, options: ConsumerOptions): SqsEventSource {
    const timeout = fn.timeout?.toSeconds() ?? 3;
    if (this.visibilitySeconds < timeout * 6 + this.maxBatchingWindow.toSeconds()) {
      throw new Error(`${this.node.path}: visibility ${this.visibilitySeconds}s < 6 x ${timeout}s consumer timeout + batching window`);
    }
    const source = new SqsEventSource(this.queue, {
      batchSize: options.batchSize,
      maxConcurrency: options.maxConcurrency,
      maxBatchingWindow: this.maxBatchingWindow.toSeconds() > 0 ? this.maxBatchingWindow : undefined,
      reportBatchItemFailures: true,
    });
    fn.addEventSource(source);
    return source;
  }
}
