import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { NIGHTLY_PLAN } from '../../shared/contracts/jobs.ts';
import { TABLE_SCHEMA } from '../../shared/data/table-schema.ts';
import { ENV } from '../../shared/platform/config.ts';
import { JOBS, visibilityTimeoutSeconds } from '../../shared/platform/queue/jobs-manifest.ts';
import type { IConstruct } from 'constructs';
import { PAGE_ROUTES, PUBLIC_ROUTES } from '../../infra/constructs/platform-api.ts';
import { buildTestPlatform } from './helpers.ts';

const built = buildTestPlatform();
const data = built.template(built.data);
const service = built.template(built.service);
const auth = built.template(built.auth);

describe('data stack: the one table', () => {
  it('is on-demand with PITR, deletion protection and the key schema of TABLE_SCHEMA (pk/sk + gsi1)', () => {
    const [index] = TABLE_SCHEMA.globalIndexes;
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: index?.indexName,
          KeySchema: [
            { AttributeName: index?.partitionKey, KeyType: 'HASH' },
            { AttributeName: index?.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ],
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it('is encrypted with a customer-managed KMS key that rotates', () => {
    const keys = data.findResources('AWS::KMS::Key');
    const [keyId, key] = Object.entries(keys)[0] ?? [];
    expect(Object.keys(keys)).toHaveLength(1);
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } } })],
    });
  });

  it('keeps table and key when the stack is deleted', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });
});

describe('HTTP API', () => {
  const routes = Object.values(service.findResources('AWS::ApiGatewayV2::Route'));
  const authorizers = service.findResources('AWS::ApiGatewayV2::Authorizer');
  const [authorizerId] = Object.keys(authorizers);

  it('has one JWT authorizer on the Cognito pool, audience = the API client and the pages\' client', () => {
    expect(Object.keys(authorizers)).toHaveLength(1);
    service.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('WebClient') }), { Ref: Match.stringLikeRegexp('PagesSignInClient') }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.eu-west-2.amazonaws.com/', { 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') }]],
        },
      },
    });
  });

  it('requires the JWT authorizer on every route except the public ones and the pages', () => {
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const publicKeys: string[] = [];
    for (const route of routes) {
      const key = route.Properties.RouteKey as string;
      if (route.Properties.AuthorizationType === 'NONE') {
        publicKeys.push(key);
        continue;
      }
      expect(route.Properties, key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
    expect(publicKeys.sort()).toEqual([...PUBLIC_ROUTES, ...PAGE_ROUTES].sort());
    expect(routes.map((r) => r.Properties.RouteKey)).toEqual(expect.arrayContaining(['ANY /{proxy+}', 'ANY /']));
  });

  it('sends every route to the one Hono function', () => {
    service.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    service.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });

  it('has a throttled $default stage with JSON access logs to a log group with retention', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    service.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });
});

describe('Lambda functions', () => {
  const functions = service.findResources('AWS::Lambda::Function');

  it('are four, all arm64 on nodejs24.x with JSON logs to their own log group with retention', () => {
    expect(Object.keys(functions)).toHaveLength(4);
    const logGroups = service.findResources('AWS::Logs::LogGroup');
    for (const [id, fn] of Object.entries(functions)) {
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.Runtime, id).toBe('nodejs24.x');
      expect(fn.Properties.LoggingConfig?.LogFormat, id).toBe('JSON');
      const logGroupId = fn.Properties.LoggingConfig?.LogGroup?.Ref as string;
      expect(logGroups[logGroupId]?.Properties.RetentionInDays, id).toBeGreaterThan(0);
      expect(fn.Properties.Timeout, id).toBeLessThanOrEqual(900);
    }
  });

  it('get Powertools env, source maps and the table name under the ENV names', () => {
    for (const [id, fn] of Object.entries(functions)) {
      const vars = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(vars), id).toEqual(
        expect.arrayContaining(['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'NODE_OPTIONS', ENV.tableName]),
      );
      expect(vars.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('the API gets the JWT, queue and scoped-role env it needs; nothing outside ENV is invented', () => {
    const api = Object.values(functions).find((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === 'api');
    const vars = Object.keys(api?.Properties.Environment.Variables ?? {});
    expect(vars).toEqual(
      expect.arrayContaining([
        ENV.jwtIssuer, ENV.jwtAudience, ENV.jwksUrl, ENV.planQueueUrl, ENV.tenantQueueUrl, ENV.rollupQueueUrl,
        ENV.planDlqUrl, ENV.tenantDlqUrl, ENV.rollupDlqUrl,
        ENV.tenantDataRoleArn, ENV.regionDataRoleArn, ENV.nationalDataRoleArn,
      ]),
    );
    const known = new Set<string>([...Object.values(ENV), 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'POWERTOOLS_LOG_LEVEL']);
    for (const fn of Object.values(functions)) {
      for (const name of Object.keys(fn.Properties.Environment.Variables)) expect(known.has(name), name).toBe(true);
    }
  });
});

describe('queues and jobs', () => {
  const queues = service.findResources('AWS::SQS::Queue');
  const workQueues = Object.entries(queues).filter(([, q]) => q.Properties.RedrivePolicy);
  const dlqIds = Object.keys(queues).filter((id) => !queues[id]?.Properties.RedrivePolicy);
  const alarms = Object.values(service.findResources('AWS::CloudWatch::Alarm'));
  const mappings = Object.values(service.findResources('AWS::Lambda::EventSourceMapping'));
  const functions = service.findResources('AWS::Lambda::Function');

  it('three work queues (plan, tenant, rollup), each with its own DLQ after 3 receives', () => {
    expect(workQueues).toHaveLength(3);
    expect(dlqIds).toHaveLength(3);
    const targets = workQueues.map(([, q]) => q.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]);
    expect(new Set(targets).size).toBe(3);
    for (const [id, q] of workQueues) expect(q.Properties.RedrivePolicy.maxReceiveCount, id).toBe(3);
    expect(new Set(targets)).toEqual(new Set(dlqIds));
  });

  it('every queue is encrypted and refuses non-TLS requests', () => {
    for (const [id, q] of Object.entries(queues)) expect(q.Properties.SqsManagedSseEnabled, id).toBe(true);
    const policies = Object.values(service.findResources('AWS::SQS::QueuePolicy'));
    for (const id of Object.keys(queues)) {
      const guarded = policies.some(
        (p) =>
          JSON.stringify(p.Properties.Queues).includes(`"${id}"`) &&
          p.Properties.PolicyDocument.Statement.some(
            (s: { Effect: string; Condition?: { Bool?: Record<string, string> } }) =>
              s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          ),
      );
      expect(guarded, id).toBe(true);
    }
  });

  it('every DLQ has an alarm on ApproximateNumberOfMessagesVisible > 0 that notifies the ops topic', () => {
    for (const dlq of dlqIds) {
      const alarm = alarms.find((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(`"${dlq}"`));
      expect(alarm, dlq).toBeDefined();
      expect(alarm?.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: expect.stringMatching(/OpsAlarms/) }],
      });
    }
  });

  it('every event source mapping reports batch item failures, and visibility >= 6 x function timeout', () => {
    expect(mappings).toHaveLength(3);
    for (const m of mappings) {
      expect(m.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(m.Properties.BatchSize).toBeGreaterThan(0);
      expect(m.Properties.ScalingConfig?.MaximumConcurrency).toBeGreaterThanOrEqual(2);
      const queueId = m.Properties.EventSourceArn['Fn::GetAtt'][0] as string;
      const fnId = m.Properties.FunctionName.Ref as string;
      const visibility = queues[queueId]?.Properties.VisibilityTimeout as number;
      const timeout = functions[fnId]?.Properties.Timeout as number;
      const window = (m.Properties.MaximumBatchingWindowInSeconds as number | undefined) ?? 0;
      expect(visibility, queueId).toBeGreaterThanOrEqual(6 * timeout + window);
    }
  });

  it("each job's queue, event source and function carry exactly its jobs-manifest entry", () => {
    const { jobs } = built.service;
    const wiring = [[JOBS.plan, jobs.plan, jobs.planFn], [JOBS.tenant, jobs.tenant, jobs.tenantSnapshotFn], [JOBS.rollup, jobs.rollup, jobs.rollupFn]] as const;
    const idOf = (c: IConstruct) => built.service.getLogicalId(c.node.defaultChild as never);
    for (const [job, queue, fn] of wiring) {
      const q = queues[idOf(queue.queue)]!.Properties;
      expect(q.VisibilityTimeout, job.queue).toBe(visibilityTimeoutSeconds(job));
      expect(q.RedrivePolicy.maxReceiveCount, job.queue).toBe(job.maxReceiveCount);
      const f = functions[idOf(fn.fn)]!.Properties;
      expect([f.Timeout, f.MemorySize], job.queue).toEqual([job.functionTimeoutSeconds, job.memoryMb]);
      const m = mappings.find((x) => x.Properties.EventSourceArn['Fn::GetAtt'][0] === idOf(queue.queue))!.Properties;
      expect(m.FunctionName.Ref, job.queue).toBe(idOf(fn.fn));
      expect([m.BatchSize, m.ScalingConfig.MaximumConcurrency, m.MaximumBatchingWindowInSeconds ?? 0], job.queue)
        .toEqual([job.batchSize, job.maxConcurrency, job.batchingWindowSeconds]);
    }
  });

  it('the nightly schedule sends the plan message to the plan queue (London time)', () => {
    const planQueueId = built.service.getLogicalId(built.service.jobs.plan.queue.node.defaultChild as never);
    service.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [planQueueId, 'Arn'] },
        Input: JSON.stringify(NIGHTLY_PLAN),
      }),
    });
    expect(JSON.parse(JSON.stringify(NIGHTLY_PLAN))).toEqual({ type: 'plan', reason: 'nightly' });
  });
});

describe('Cognito', () => {
  it('has the tenant/role/region custom attributes, MFA and no self sign-up', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith(
        ['tenant', 'role', 'region'].map((name) => Match.objectLike({ Name: name, AttributeDataType: 'String' })),
      ),
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('lets the client read but never write the scope attributes (no self-service tenant change)', () => {
    const client = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'))[0];
    expect(client?.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:tenant', 'custom:role', 'custom:region']));
    expect(client?.Properties.WriteAttributes).toBeDefined();
    for (const attr of client?.Properties.WriteAttributes as string[]) expect(attr.startsWith('custom:'), attr).toBe(false);
  });
});
