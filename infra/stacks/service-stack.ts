import { CfnOutput, Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ENV } from '../../shared/platform/config.ts';
import { ENTRIES } from '../paths.ts';
import { NodeFunction } from '../constructs/node-function.ts';
import { PagesSignIn } from '../constructs/pages-sign-in.ts';
import { PlatformApi } from '../constructs/platform-api.ts';
import {
  READ_ITEM_ACTIONS,
  ScopedDataRole,
  leadingKeysStatement,
  principalTag,
  tableKeyStatement,
} from '../constructs/scoped-data-role.ts';
import { leadingKeys, PARTITIONS } from '../../shared/data/keys.ts';
import { ROLLUP_INPUT_ATTRIBUTES } from '../../shared/data/table-schema.ts';
import { JOBS_KEYS, REGISTRY_KEYS, SnapshotJobs } from '../constructs/snapshot-jobs.ts';

/** Session-tag ABAC patterns (ARCHITECTURE.md §1), from the partition patterns the data layer's guard uses. */
const TENANT_LEADING_KEYS = leadingKeys(PARTITIONS.tenant(principalTag('tenant')));

export interface ServiceStackProps extends StackProps {
  readonly stage: string;
  readonly table: dynamodb.ITableV2;
  readonly tableKey: kms.IKey;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly jwtIssuer: string;
  /** The managed login's origin (https://<prefix>.auth.<region>.amazoncognito.com), where the pages sign people in. */
  readonly signInDomain: string;
  /** Where the Lambda entries live (tests use stubs until the real handlers exist). @default repo root */
  readonly sourceRoot?: string;
}

/**
 * Stateless: API, jobs and the scoped data roles. The roles live here, not in the data stack, because their
 * trust policies name the function roles (and the functions' env names the roles): one stack avoids a cycle.
 */
export class ServiceStack extends Stack {
  readonly api: PlatformApi;
  readonly apiFn: NodeFunction;
  readonly pagesSignIn: PagesSignIn;
  readonly jobs: SnapshotJobs;
  readonly tenantDataRole: ScopedDataRole;
  readonly tenantSnapshotRole: ScopedDataRole;
  readonly regionDataRole: ScopedDataRole;
  readonly nationalDataRole: ScopedDataRole;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { table, tableKey, sourceRoot } = props;

    // Alarm text holds queue names only (no personal data), so SSE is not needed; TLS is enforced (cdk-nag SNS3).
    this.alarmTopic = new sns.Topic(this, 'OpsAlarms', { displayName: `IRO platform ${props.stage} alarms`, enforceSSL: true });

    this.jobs = new SnapshotJobs(this, 'Jobs', { table, tableKey, alarmTopic: this.alarmTopic, sourceRoot });

    const jwksUrl = `${props.jwtIssuer}/.well-known/jwks.json`;
    this.apiFn = new NodeFunction(this, 'ApiFunction', {
      entry: ENTRIES.api,
      serviceName: 'api',
      description: 'Hono app: every HTTP route',
      // API Gateway gives up at 30 s; fail a little earlier so the function reports its own timeout.
      timeout: Duration.seconds(28),
      memorySize: 1024,
      sourceRoot,
      environment: {
        [ENV.tableName]: table.tableName,
        [ENV.planQueueUrl]: this.jobs.plan.queue.queueUrl,
        [ENV.tenantQueueUrl]: this.jobs.tenant.queue.queueUrl,
        [ENV.rollupQueueUrl]: this.jobs.rollup.queue.queueUrl,
        // Job status reports DLQ depths too.
        [ENV.planDlqUrl]: this.jobs.plan.dlq.queueUrl,
        [ENV.tenantDlqUrl]: this.jobs.tenant.dlq.queueUrl,
        [ENV.rollupDlqUrl]: this.jobs.rollup.dlq.queueUrl,
        [ENV.jwtIssuer]: props.jwtIssuer,
        [ENV.jwtAudience]: props.userPoolClient.userPoolClientId,
        [ENV.jwksUrl]: jwksUrl,
      },
    });

    // IAM guard (second to the data layer's TenantScope): tenant-facing code reaches tenant data only through these.
    // API requests may not write the attributes the rollup reads (gsi1 keys, the aggregate): only the tenant job's
    // own role writes an LA snapshot, so no LA user's session can put anything into the aggregate inputs.
    this.tenantDataRole = new ScopedDataRole(this, 'TenantDataRole', {
      description: 'Tenant-scoped data access for API requests; assumed with session tag tenant=<LA code>',
      table,
      tableKey,
      leadingKeys: TENANT_LEADING_KEYS,
      sessionTag: 'tenant',
      unwritableAttributes: ROLLUP_INPUT_ATTRIBUTES,
      trustedRoles: [this.apiFn.role],
    });
    this.tenantSnapshotRole = new ScopedDataRole(this, 'TenantSnapshotRole', {
      description: 'Tenant-scoped access of the tenant-snapshot job, the one writer of LA snapshots; session tag tenant=<LA code>',
      table,
      tableKey,
      leadingKeys: TENANT_LEADING_KEYS,
      sessionTag: 'tenant',
      trustedRoles: [this.jobs.tenantSnapshotFn.role],
    });
    // Regional chairs and national users only read precomputed aggregates (DESIGN §1: they write nothing).
    this.regionDataRole = new ScopedDataRole(this, 'RegionDataRole', {
      description: 'Region-scoped aggregate reads; assumed with session tag region=<region>',
      table,
      tableKey,
      leadingKeys: leadingKeys(PARTITIONS.region(principalTag('region'))),
      sessionTag: 'region',
      actions: READ_ITEM_ACTIONS,
      trustedRoles: [this.apiFn.role],
    });
    this.nationalDataRole = new ScopedDataRole(this, 'NationalDataRole', {
      description: 'National aggregate reads (disclosure-controlled snapshots only)',
      table,
      tableKey,
      leadingKeys: leadingKeys(PARTITIONS.national),
      actions: READ_ITEM_ACTIONS,
      trustedRoles: [this.apiFn.role],
    });

    this.apiFn.fn.addEnvironment(ENV.tenantDataRoleArn, this.tenantDataRole.roleArn);
    this.apiFn.fn.addEnvironment(ENV.regionDataRoleArn, this.regionDataRole.roleArn);
    this.apiFn.fn.addEnvironment(ENV.nationalDataRoleArn, this.nationalDataRole.roleArn);
    this.jobs.tenantSnapshotFn.fn.addEnvironment(ENV.tenantDataRoleArn, this.tenantSnapshotRole.roleArn);

    // The API's own role: platform_admin's registry and job status only, never a TENANT#/REGION#/NATIONAL key.
    this.apiFn.role.addToPolicy(
      leadingKeysStatement({
        sid: 'RegistryAdmin',
        actions: [...READ_ITEM_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        leadingKeys: REGISTRY_KEYS,
      }),
    );
    this.apiFn.role.addToPolicy(
      leadingKeysStatement({ sid: 'JobStatusRead', actions: READ_ITEM_ACTIONS, resources: [table.tableArn], leadingKeys: JOBS_KEYS }),
    );
    this.apiFn.role.addToPolicy(tableKeyStatement(this, tableKey));
    // Uploads enqueue a plan message for their LA and platform_admin can start a full run: plan queue only.
    this.jobs.plan.queue.grantSendMessages(this.apiFn.role);
    // Job status shows queue and DLQ depths (read-only queue attributes, no receive/delete).
    const allQueues = [this.jobs.plan, this.jobs.tenant, this.jobs.rollup].flatMap((q) => [q.queue, q.dlq]);
    this.apiFn.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'QueueDepths',
        actions: ['sqs:GetQueueAttributes'],
        resources: allQueues.map((q) => q.queueArn),
      }),
    );

    this.api = new PlatformApi(this, 'HttpApi', {
      handler: this.apiFn.fn,
      jwtIssuer: props.jwtIssuer,
      // The pages' client names its callback under the API's URL, so it is made after the API: its id is filled in
      // at synthesis (both live in this stack, on the imported pool, so the auth stack never refers back here).
      jwtAudience: [props.userPoolClient.userPoolClientId, Lazy.string({ produce: () => this.pagesSignIn.client.userPoolClientId })],
      rateLimit: 50,
      burstLimit: 100,
    });
    this.pagesSignIn = new PagesSignIn(this, 'PagesSignIn', { userPool: props.userPool, apiUrl: this.api.url, reader: this.apiFn.role });
    this.apiFn.fn.addEnvironment(ENV.signInDomain, props.signInDomain);
    this.apiFn.fn.addEnvironment(ENV.pagesClientId, this.pagesSignIn.client.userPoolClientId);
    this.apiFn.fn.addEnvironment(ENV.sessionSecretArn, this.pagesSignIn.sessionSecret.secretArn);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: props.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: props.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', { value: `${this.api.url}app/sign-in` });
  }
}
