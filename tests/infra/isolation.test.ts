import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildTestPlatform, identityStatements, managedPolicies, trustStatements, type Statement } from './helpers.ts';

/**
 * The IAM guard of ARCHITECTURE.md §1: tenant-facing code can reach tenant data only through the session-tagged
 * TenantDataRole, whose static policy pins `dynamodb:LeadingKeys` to the caller's own tenant.
 */
const built = buildTestPlatform();
const service = built.template(built.service);
const { service: stack } = built;
const id = (role: IConstruct) => stack.getLogicalId(role.node.defaultChild as CfnRole);

const roles = {
  tenant: id(stack.tenantDataRole.role),
  tenantWriter: id(stack.tenantSnapshotRole.role),
  region: id(stack.regionDataRole.role),
  national: id(stack.nationalDataRole.role),
  api: id(stack.apiFn.role),
  plan: id(stack.jobs.planFn.role),
  tenantSnapshot: id(stack.jobs.tenantSnapshotFn.role),
  rollup: id(stack.jobs.rollupFn.role),
};

const dynamo = (statements: Statement[]) => statements.filter((s) => s.Action.some((a) => a.startsWith('dynamodb:')));
const allowDynamo = (statements: Statement[]) => dynamo(statements).filter((s) => s.Effect === 'Allow');
const leadingKeys = (s: Statement) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[] | undefined;
const ITEM_ACTIONS = [
  'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem',
  'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem',
];

/** Every Allow on DynamoDB must carry the LeadingKeys pin and the Null guard, never a wildcard action. */
function expectPinned(statements: Statement[], label: string) {
  for (const s of allowDynamo(statements)) {
    expect(s.Action.some((a) => a.includes('*')), `${label}: ${s.Action}`).toBe(false);
    expect(leadingKeys(s), `${label} ${s.Sid}`).toBeDefined();
    expect(s.Condition?.Null, `${label} ${s.Sid}`).toEqual({ 'dynamodb:LeadingKeys': 'false' });
  }
}

describe('TenantDataRole', () => {
  const statements = identityStatements(service, roles.tenant);

  it('allows exactly the seven item actions on the table, pinned to TENANT#<tag> and TENANT#<tag>#*', () => {
    const allows = allowDynamo(statements);
    expect(allows).toHaveLength(1);
    const [allow] = allows;
    expect([...(allow?.Action ?? [])].sort()).toEqual([...ITEM_ACTIONS].sort());
    expect(allow?.Resource).toHaveLength(1);
    expect(JSON.stringify(allow?.Resource)).not.toContain('/index/');
    expect(allow?.Condition).toEqual({
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': ['TENANT#${aws:PrincipalTag/tenant}', 'TENANT#${aws:PrincipalTag/tenant}#*'],
      },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
  });

  it('explicitly denies Scan on the table and its indexes', () => {
    const deny = statements.find((s) => s.Effect === 'Deny');
    expect(deny?.Action).toEqual(['dynamodb:Scan']);
    expect(deny?.Resource).toHaveLength(2);
    expect(JSON.stringify(deny?.Resource)).toContain('/index/*');
  });

  it('may use the table key only via DynamoDB', () => {
    const kms = statements.filter((s) => s.Action.some((a) => a.startsWith('kms:')));
    expect(kms).toHaveLength(1);
    expect(kms[0]?.Action.some((a) => a.includes('*'))).toBe(false);
    expect(kms[0]?.Condition?.StringEquals?.['kms:ViaService']).toBe('dynamodb.eu-west-2.amazonaws.com');
  });

  it('is assumable (AssumeRole + TagSession) only by the API, and TenantSnapshotRole only by the tenant job, with exactly the tenant tag', () => {
    for (const [role, caller] of [[roles.tenant, roles.api], [roles.tenantWriter, roles.tenantSnapshot]] as const) {
      const trust = trustStatements(service, role);
      expect(trust.map((s) => JSON.stringify(s.Principal))).toEqual([JSON.stringify({ AWS: { 'Fn::GetAtt': [caller, 'Arn'] } })]);
      for (const s of trust) {
        expect(s.Action.sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
        expect(s.Condition).toEqual({
          Null: { 'aws:RequestTag/tenant': 'false' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
        });
      }
      const assume = identityStatements(service, caller).find((s) => s.Action.includes('sts:AssumeRole') && JSON.stringify(s.Resource).includes(role));
      expect(assume?.Action.sort(), caller).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    }
  });

  it('may not write the attributes the rollup reads; TenantSnapshotRole may, with the same partitions', () => {
    const deny = statements.find((s) => s.Sid === 'NeverWriteAttributes');
    expect(deny?.Effect).toBe('Deny');
    expect(deny?.Condition).toEqual({ 'ForAnyValue:StringEquals': { 'dynamodb:Attributes': ['gsi1pk', 'gsi1sk', 'aggregate'] } });
    const writer = identityStatements(service, roles.tenantWriter);
    expect(writer.some((s) => s.Sid === 'NeverWriteAttributes')).toBe(false);
    expect(allowDynamo(writer).map(leadingKeys)).toEqual(allowDynamo(statements).map(leadingKeys));
  });
});

describe('RegionDataRole and NationalDataRole', () => {
  it('region: read-only, pinned to REGION#<tag>, no Scan, API only', () => {
    const statements = identityStatements(service, roles.region);
    const [allow, ...more] = allowDynamo(statements);
    expect(more).toHaveLength(0);
    expect(allow?.Action.sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(allow?.Condition).toEqual({
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': ['REGION#${aws:PrincipalTag/region}'],
      },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
    expect(statements.some((s) => s.Effect === 'Deny' && s.Action.includes('dynamodb:Scan'))).toBe(true);
    expect(trustStatements(service, roles.region).map((s) => JSON.stringify(s.Principal))).toEqual([
      JSON.stringify({ AWS: { 'Fn::GetAtt': [roles.api, 'Arn'] } }),
    ]);
  });

  it('national: read-only, pinned to NATIONAL, no Scan', () => {
    const statements = identityStatements(service, roles.national);
    const [allow, ...more] = allowDynamo(statements);
    expect(more).toHaveLength(0);
    expect(leadingKeys(allow!)).toEqual(['NATIONAL']);
    expectPinned(statements, 'national');
    expect(statements.some((s) => s.Effect === 'Deny' && s.Action.includes('dynamodb:Scan'))).toBe(true);
  });
});

describe("function execution roles (their own credentials)", () => {
  const own = Object.entries(roles).filter(([name]) => ['api', 'plan', 'tenantSnapshot', 'rollup'].includes(name));

  it('have no AWS managed policies, no dynamodb:* and never an allowed Scan', () => {
    for (const [name, role] of own) {
      expect(managedPolicies(service, role), name).toEqual([]);
      for (const s of identityStatements(service, role)) {
        expect(s.Action, name).not.toContain('dynamodb:*');
        expect(s.Action, name).not.toContain('*');
        if (s.Effect === 'Allow') expect(s.Action, name).not.toContain('dynamodb:Scan');
      }
    }
  });

  it('every DynamoDB allow is pinned by LeadingKeys with the Null guard', () => {
    for (const [name, role] of own) expectPinned(identityStatements(service, role), name);
  });

  it('tenant-facing functions (API, tenant-snapshot) cannot reach TENANT#, REGION# or NATIONAL keys directly', () => {
    for (const role of [roles.api, roles.tenantSnapshot]) {
      const keys = allowDynamo(identityStatements(service, role)).flatMap((s) => leadingKeys(s) ?? []);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key, role).toMatch(/^(REGISTRY|JOBS)$/);
    }
    // tenant-snapshot: registry lookup and its job-run record only.
    const snapshotActions = allowDynamo(identityStatements(service, roles.tenantSnapshot)).flatMap((s) => s.Action);
    expect(snapshotActions.sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
  });

  it('plan reads REGISTRY and writes JOBS only; rollup adds gsi1 reads and REGION#/NATIONAL writes', () => {
    const keysOf = (role: string) => new Set(allowDynamo(identityStatements(service, role)).flatMap((s) => leadingKeys(s) ?? []));
    expect(keysOf(roles.plan)).toEqual(new Set(['REGISTRY', 'JOBS']));
    expect(keysOf(roles.rollup)).toEqual(new Set(['REGISTRY', 'JOBS', 'SNAPSHOTS#*', 'REGION#*', 'NATIONAL']));
    const indexQuery = allowDynamo(identityStatements(service, roles.rollup)).find((s) => s.Sid === 'SnapshotIndexQuery');
    expect(indexQuery?.Action).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(indexQuery?.Resource)).toContain('/index/gsi1');
    // No role other than rollup may touch an index.
    for (const role of [roles.api, roles.plan, roles.tenantSnapshot, roles.tenant, roles.tenantWriter, roles.region, roles.national]) {
      for (const s of allowDynamo(identityStatements(service, role))) expect(JSON.stringify(s.Resource), role).not.toContain('/index/');
    }
  });

  it('only the jobs that need it may send: plan → tenant queue, tenant-snapshot → rollup queue, API → plan queue', () => {
    const sendTargets = (role: string) =>
      identityStatements(service, role)
        .filter((s) => s.Action.includes('sqs:SendMessage'))
        .flatMap((s) => s.Resource.map((r) => (r as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]));
    const q = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as never);
    expect(sendTargets(roles.plan)).toEqual([q(stack.jobs.tenant.queue)]);
    expect(sendTargets(roles.tenantSnapshot)).toEqual([q(stack.jobs.rollup.queue)]);
    expect(sendTargets(roles.api)).toEqual([q(stack.jobs.plan.queue)]);
    expect(sendTargets(roles.rollup)).toEqual([]);
    // The API may read queue attributes (job status depths) of the six queues, never receive or delete.
    const apiSqs = identityStatements(service, roles.api).filter((s) => s.Action.some((a) => a.startsWith('sqs:')));
    expect(new Set(apiSqs.flatMap((s) => s.Action))).toEqual(
      new Set(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl']),
    );
    const depth = apiSqs.find((s) => s.Sid === 'QueueDepths');
    expect(depth?.Action).toEqual(['sqs:GetQueueAttributes']);
    expect(depth?.Resource).toHaveLength(6);
  });

  it('scoped role ARNs reach the functions under the ENV names', () => {
    const fns = service.findResources('AWS::Lambda::Function');
    const env = (role: string) =>
      Object.values(fns).find((f) => JSON.stringify(f.Properties.Role).includes(role))?.Properties.Environment.Variables;
    expect(env(roles.api)).toMatchObject({
      TENANT_DATA_ROLE_ARN: { 'Fn::GetAtt': [roles.tenant, 'Arn'] },
      REGION_DATA_ROLE_ARN: { 'Fn::GetAtt': [roles.region, 'Arn'] },
      NATIONAL_DATA_ROLE_ARN: { 'Fn::GetAtt': [roles.national, 'Arn'] },
    });
    expect(env(roles.tenantSnapshot)).toMatchObject({ TENANT_DATA_ROLE_ARN: { 'Fn::GetAtt': [roles.tenantWriter, 'Arn'] } });
    expect(env(roles.plan)?.TENANT_DATA_ROLE_ARN).toBeUndefined();
  });
});
