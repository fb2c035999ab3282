import { Duration, TimeZone } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { NIGHTLY_PLAN } from '../../shared/contracts/jobs.ts';
import { ENV } from '../../shared/platform/config.ts';
import { JOBS, type JobSpec } from '../../shared/platform/queue/jobs-manifest.ts';
import { leadingKeys, PARTITIONS } from '../../shared/data/keys.ts';
import { TABLE_SCHEMA } from '../../shared/data/table-schema.ts';
import { ENTRIES } from '../paths.ts';
import { NodeFunction } from './node-function.ts';
import { QueueWithDlq } from './queue-with-dlq.ts';
import { READ_ITEM_ACTIONS, leadingKeysStatement, tableKeyStatement } from './scoped-data-role.ts';

/** Non-tenant partitions the system jobs and platform_admin use, as LeadingKeys (patterns: shared/data/keys.ts). */
export const REGISTRY_KEYS = leadingKeys(PARTITIONS.registry);
export const JOBS_KEYS = leadingKeys(PARTITIONS.jobs);
/** Every job records its run under JOBS (functions/jobs/sqs-job.ts → repositories/jobs.ts). */
export const JOB_WRITE_ACTIONS = ['dynamodb:PutItem'] as const;

export interface SnapshotJobsProps {
  readonly table: dynamodb.ITableV2;
  readonly tableKey: kms.IKey;
  readonly alarmTopic: sns.ITopic;
  readonly sourceRoot?: string;
}

/**
 * Nightly pipeline: Scheduler → plan queue → plan (one message per LA) → tenant queue → tenant-snapshot
 * (tenant-scoped credentials) → rollup queue → rollup (regional + national snapshots).
 * One function per queue, each with only its own grants; partial batch responses everywhere.
 */
export class SnapshotJobs extends Construct {
  readonly plan: QueueWithDlq;
  readonly tenant: QueueWithDlq;
  readonly rollup: QueueWithDlq;
  readonly planFn: NodeFunction;
  readonly tenantSnapshotFn: NodeFunction;
  readonly rollupFn: NodeFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: SnapshotJobsProps) {
    super(scope, id);
    const { table, tableKey, alarmTopic, sourceRoot } = props;
    // Queue, batching, timeouts and memory: the jobs manifest, which the local runner reads too.
    this.plan = new QueueWithDlq(this, 'PlanQueue', { job: JOBS.plan, alarmTopic });
    this.tenant = new QueueWithDlq(this, 'TenantQueue', { job: JOBS.tenant, alarmTopic });
    this.rollup = new QueueWithDlq(this, 'RollupQueue', { job: JOBS.rollup, alarmTopic });
    const runtime = (job: JobSpec) => ({ timeout: Duration.seconds(job.functionTimeoutSeconds), memorySize: job.memoryMb });

    const base = { [ENV.tableName]: table.tableName };
    this.planFn = new NodeFunction(this, 'Plan', {
      entry: ENTRIES.plan,
      serviceName: 'jobs-plan',
      description: 'Plan queue: one tenant-snapshot message per LA in the registry',
      ...runtime(JOBS.plan),
      sourceRoot,
      environment: { ...base, [ENV.tenantQueueUrl]: this.tenant.queue.queueUrl },
    });
    this.tenantSnapshotFn = new NodeFunction(this, 'TenantSnapshot', {
      entry: ENTRIES.tenantSnapshot,
      serviceName: 'jobs-tenant-snapshot',
      description: "Tenant queue: one LA's snapshot, with tenant-scoped credentials only",
      ...runtime(JOBS.tenant),
      sourceRoot,
      environment: { ...base, [ENV.rollupQueueUrl]: this.rollup.queue.queueUrl },
    });
    this.rollupFn = new NodeFunction(this, 'Rollup', {
      entry: ENTRIES.rollup,
      serviceName: 'jobs-rollup',
      description: 'Rollup queue: regional and national snapshots, disclosure control applied before writing',
      ...runtime(JOBS.rollup),
      sourceRoot,
      environment: base,
    });

    this.plan.addConsumer(this.planFn.fn);
    this.tenant.addConsumer(this.tenantSnapshotFn.fn);
    this.rollup.addConsumer(this.rollupFn.fn);

    // plan: registry read + job run record + fan out. No TENANT# access.
    this.planFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'RegistryRead', actions: READ_ITEM_ACTIONS, resources: [table.tableArn], leadingKeys: REGISTRY_KEYS }),
    );
    this.planFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'JobStatus', actions: JOB_WRITE_ACTIONS, resources: [table.tableArn], leadingKeys: JOBS_KEYS }),
    );
    this.planFn.role.addToPolicy(tableKeyStatement(this, tableKey));
    this.tenant.queue.grantSendMessages(this.planFn.role);

    // tenant-snapshot: its own role reads the registry entry of the LA and records the run, nothing else;
    // the LA's data is reached only through the assumed TenantDataRole.
    this.tenantSnapshotFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'RegistryRead', actions: ['dynamodb:GetItem'], resources: [table.tableArn], leadingKeys: REGISTRY_KEYS }),
    );
    this.tenantSnapshotFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'JobStatus', actions: JOB_WRITE_ACTIONS, resources: [table.tableArn], leadingKeys: JOBS_KEYS }),
    );
    this.tenantSnapshotFn.role.addToPolicy(tableKeyStatement(this, tableKey));
    this.rollup.queue.grantSendMessages(this.tenantSnapshotFn.role);

    // rollup: read LA aggregates through gsi1 only, registry for region membership, write REGION#/NATIONAL snapshots.
    const indexArns = TABLE_SCHEMA.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
    this.rollupFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'SnapshotIndexQuery', actions: ['dynamodb:Query'], resources: indexArns, leadingKeys: leadingKeys(PARTITIONS.snapshotIndex) }),
    );
    this.rollupFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'RegistryRead', actions: READ_ITEM_ACTIONS, resources: [table.tableArn], leadingKeys: REGISTRY_KEYS }),
    );
    this.rollupFn.role.addToPolicy(
      leadingKeysStatement({
        sid: 'AggregateWrite',
        actions: [...READ_ITEM_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
        resources: [table.tableArn],
        leadingKeys: leadingKeys(PARTITIONS.everyRegion, PARTITIONS.national),
      }),
    );
    this.rollupFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'JobStatus', actions: JOB_WRITE_ACTIONS, resources: [table.tableArn], leadingKeys: JOBS_KEYS }),
    );
    this.rollupFn.role.addToPolicy(tableKeyStatement(this, tableKey));

    this.schedule = new scheduler.Schedule(this, 'Nightly', {
      description: 'Nightly recompute of every LA snapshot, then regional and national rollups',
      // 02:00 UK time all year (Scheduler handles BST), after the working day's uploads.
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '2', timeZone: TimeZone.EUROPE_LONDON }),
      target: new targets.SqsSendMessage(this.plan.queue, {
        // The same body the local scheduler tick sends (shared/contracts/jobs.ts).
        input: scheduler.ScheduleTargetInput.fromObject(NIGHTLY_PLAN),
        retryAttempts: 5,
        maxEventAge: Duration.hours(2),
        // Undeliverable nightly triggers land in the plan DLQ, so its alarm covers them too.
        deadLetterQueue: this.plan.dlq,
      }),
    });
  }
}
