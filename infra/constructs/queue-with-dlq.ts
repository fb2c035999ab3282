import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { visibilityTimeoutSeconds, type JobSpec } from '../../shared/platform/queue/jobs-manifest.ts';

export interface QueueWithDlqProps {
  /** The job's manifest entry: visibility, redrive, batching and concurrency all come from it. */
  readonly job: JobSpec;
  /** Where the DLQ alarm notifies. */
  readonly alarmTopic?: sns.ITopic;
}

/**
 * A work queue with its own DLQ and an alarm as soon as anything lands in the DLQ. Both queues use SQS-managed
 * SSE (no KMS grants needed by producers such as EventBridge Scheduler) and refuse non-TLS requests.
 */
export class QueueWithDlq extends Construct {
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;
  readonly dlqAlarm: cloudwatch.Alarm;
  private readonly job: JobSpec;

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    const { job } = props;
    this.job = job;

    this.dlq = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(job)),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: job.maxReceiveCount },
    });

    this.dlqAlarm = new cloudwatch.Alarm(this, 'DlqAlarm', {
      alarmDescription: `Messages in the DLQ of ${this.node.path}: the ${job.queue} job failed ${job.maxReceiveCount} times; inspect and redrive.`,
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

  /** Wires `fn` as the consumer with partial batch responses; refuses a function whose timeout is not the manifest's. */
  addConsumer(fn: lambda.Function): SqsEventSource {
    const { job } = this;
    if (fn.timeout?.toSeconds() !== job.functionTimeoutSeconds) {
      throw new Error(`${this.node.path}: consumer timeout ${fn.timeout?.toSeconds()}s is not the manifest's ${job.functionTimeoutSeconds}s`);
    }
    const source = new SqsEventSource(this.queue, {
      batchSize: job.batchSize,
      maxConcurrency: job.maxConcurrency,
      maxBatchingWindow: job.batchingWindowSeconds > 0 ? Duration.seconds(job.batchingWindowSeconds) : undefined,
      reportBatchItemFailures: true,
    });
    fn.addEventSource(source);
    return source;
  }
}
