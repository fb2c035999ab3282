import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { regionId } from '../../shared/domain/tenancy/regions.ts';
import { buildTestPlatform, identityStatements, type Statement } from './helpers.ts';

/**
 * Issue 9, item 7: the synthesized roles' policies EVALUATED (@cloud-copilot/iam-simulate) against concrete
 * DynamoDB requests, rather than compared as strings. The policies are read out of the synthesized template;
 * only the table's ARN (a cross-stack import there) is resolved to a concrete one.
 */
const built = buildTestPlatform();
const service = built.template(built.service);
const { service: stack } = built;
const logicalId = (role: IConstruct) => stack.getLogicalId(role.node.defaultChild as CfnRole);
const tableLogicalId = built.data.getLogicalId(built.data.table.node.defaultChild as never);

const ACCOUNT = '111122223333';
const TABLE = `arn:aws:dynamodb:eu-west-2:${ACCOUNT}:table/iro-platform`;
const GSI1 = `${TABLE}/index/gsi1`;
const NORTH_EAST = regionId('North East');
const NORTH_WEST = regionId('North West');

/** The template's intrinsic for the table ARN becomes TABLE; anything else unresolved stays unmatchable. */
function resolve(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (typeof v['Fn::ImportValue'] === 'string' && v['Fn::ImportValue'].includes(`FnGetAtt${tableLogicalId}Arn`)) return TABLE;
  if (Array.isArray(v['Fn::Join']) && v['Fn::Join'][0] === '') return (v['Fn::Join'][1] as unknown[]).map(resolve).join('');
  return `unresolved:${JSON.stringify(value)}`;
}

function policyOf(role: IConstruct) {
  const statements = identityStatements(service, logicalId(role));
  return {
    Version: '2012-10-17',
    Statement: statements.map((s: Statement) => ({ ...s, Resource: s.Resource.map(resolve) })),
  };
}

type Outcome = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

interface Case {
  /** What the case proves. */
  why: string;
  action: string;
  resource?: string;
  leadingKeys?: string[];
  attributes?: string[];
  tags?: Record<string, string>;
  expect: Outcome;
}

async function evaluate(role: IConstruct, c: Case): Promise<{ outcome: string; ignored: string[] }> {
  const contextVariables: Record<string, string | string[]> = {};
  if (c.leadingKeys) contextVariables['dynamodb:LeadingKeys'] = c.leadingKeys;
  if (c.attributes) contextVariables['dynamodb:Attributes'] = c.attributes;
  for (const [k, v] of Object.entries(c.tags ?? {})) contextVariables[`aws:PrincipalTag/${k}`] = v;
  const result = await runSimulation({
    request: {
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/role/session`,
      action: c.action,
      resource: { resource: c.resource ?? TABLE, accountId: ACCOUNT },
      contextVariables,
    },
    identityPolicies: [{ name: 'synthesized', policy: policyOf(role) }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  if (result.resultType !== 'single') throw new Error(`simulation: ${JSON.stringify(result)}`);
  return { outcome: result.overallResult, ignored: result.result.ignoredContextKeys ?? [] };
}

function check(label: string, role: () => IConstruct, cases: Case[]) {
  describe(label, () => {
    it.each(cases)('$action $leadingKeys $attributes → $expect: $why', async (c) => {
      const { outcome, ignored } = await evaluate(role(), c);
      // A context key the simulator dropped would make the case prove nothing.
      expect(ignored).toEqual([]);
      expect(outcome).toBe(c.expect);
    });
  });
}

const ITEM = 'dynamodb:GetItem';
const tenant390 = { tenant: '390' };
const DATASET_390 = 'TENANT#390#DS#2025#v1';
const SNAPSHOT_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'aggregate', 'computedAt'];

check('TenantDataRole (API requests), session tag tenant=390', () => stack.tenantDataRole.role, [
  { why: 'its own LA partition', action: ITEM, leadingKeys: ['TENANT#390'], tags: tenant390, expect: 'Allowed' },
  { why: 'its own dataset-version partition', action: 'dynamodb:Query', leadingKeys: [DATASET_390], tags: tenant390, expect: 'Allowed' },
  { why: 'an upload writes child items', action: 'dynamodb:BatchWriteItem', leadingKeys: [DATASET_390], attributes: ['pk', 'sk', 'data'], tags: tenant390, expect: 'Allowed' },
  { why: 'a pointer flip', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: ['pk', 'sk', 'version'], tags: tenant390, expect: 'Allowed' },
  { why: 'another LA', action: ITEM, leadingKeys: ['TENANT#391'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'an LA code that starts with its own', action: ITEM, leadingKeys: ['TENANT#3901'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: "another LA's dataset partition", action: 'dynamodb:Query', leadingKeys: ['TENANT#391#DS#2025#v1'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'a batch with one foreign key in it', action: 'dynamodb:BatchGetItem', leadingKeys: ['TENANT#390', 'TENANT#391'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'a region', action: ITEM, leadingKeys: [`REGION#${NORTH_EAST}`], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'the national aggregate', action: ITEM, leadingKeys: ['NATIONAL'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'the cross-LA index', action: 'dynamodb:Query', resource: GSI1, leadingKeys: ['SNAPSHOTS#2025'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'no Scan of the table', action: 'dynamodb:Scan', tags: tenant390, expect: 'ExplicitlyDenied' },
  { why: 'no Scan of an index', action: 'dynamodb:Scan', resource: GSI1, tags: tenant390, expect: 'ExplicitlyDenied' },
  { why: 'nothing without the tenant tag', action: ITEM, leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'nothing without a leading key (Null guard)', action: ITEM, tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'defect 2: no gsi1 keys from an API session', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], tags: tenant390, expect: 'ExplicitlyDenied' },
  { why: 'defect 2: no aggregate body from an API session', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: ['pk', 'sk', 'aggregate'], tags: tenant390, expect: 'ExplicitlyDenied' },
  { why: 'defect 2: nor by UpdateItem', action: 'dynamodb:UpdateItem', leadingKeys: ['TENANT#390'], attributes: ['gsi1sk'], tags: tenant390, expect: 'ExplicitlyDenied' },
  { why: 'defect 2: nor hidden in a batch', action: 'dynamodb:BatchWriteItem', leadingKeys: [DATASET_390], attributes: ['pk', 'sk', 'data', 'gsi1pk'], tags: tenant390, expect: 'ExplicitlyDenied' },
]);

check('TenantSnapshotRole (the tenant job), session tag tenant=390', () => stack.tenantSnapshotRole.role, [
  { why: 'the one writer of its LA snapshot and gsi1 keys', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: SNAPSHOT_ATTRS, tags: tenant390, expect: 'Allowed' },
  { why: 'loads its dataset version', action: 'dynamodb:Query', leadingKeys: [DATASET_390], tags: tenant390, expect: 'Allowed' },
  { why: "never another LA's snapshot", action: 'dynamodb:PutItem', leadingKeys: ['TENANT#391'], attributes: SNAPSHOT_ATTRS, tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'never a prefix-sharing LA', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#3901'], attributes: SNAPSHOT_ATTRS, tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'never an aggregate', action: 'dynamodb:PutItem', leadingKeys: [`REGION#${NORTH_EAST}`], attributes: ['pk', 'sk'], tags: tenant390, expect: 'ImplicitlyDenied' },
  { why: 'nothing without the tag', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: SNAPSHOT_ATTRS, expect: 'ImplicitlyDenied' },
  { why: 'no Scan', action: 'dynamodb:Scan', tags: tenant390, expect: 'ExplicitlyDenied' },
]);

const northEast = { region: NORTH_EAST };
check(`RegionDataRole, session tag region=${NORTH_EAST}`, () => stack.regionDataRole.role, [
  { why: 'its own region', action: ITEM, leadingKeys: [`REGION#${NORTH_EAST}`], tags: northEast, expect: 'Allowed' },
  { why: 'its own region, latest year', action: 'dynamodb:Query', leadingKeys: [`REGION#${NORTH_EAST}`], tags: northEast, expect: 'Allowed' },
  { why: 'another region', action: ITEM, leadingKeys: [`REGION#${NORTH_WEST}`], tags: northEast, expect: 'ImplicitlyDenied' },
  { why: 'a longer region id sharing its prefix', action: ITEM, leadingKeys: [`REGION#${NORTH_EAST}-x`], tags: northEast, expect: 'ImplicitlyDenied' },
  { why: 'read-only', action: 'dynamodb:PutItem', leadingKeys: [`REGION#${NORTH_EAST}`], attributes: ['pk', 'sk'], tags: northEast, expect: 'ImplicitlyDenied' },
  { why: 'never an LA', action: ITEM, leadingKeys: ['TENANT#390'], tags: northEast, expect: 'ImplicitlyDenied' },
  { why: 'never the national item', action: ITEM, leadingKeys: ['NATIONAL'], tags: northEast, expect: 'ImplicitlyDenied' },
  { why: 'never the cross-LA index', action: 'dynamodb:Query', resource: GSI1, leadingKeys: ['SNAPSHOTS#2025'], tags: northEast, expect: 'ImplicitlyDenied' },
  { why: 'nothing without the tag', action: ITEM, leadingKeys: [`REGION#${NORTH_EAST}`], expect: 'ImplicitlyDenied' },
  { why: 'no Scan', action: 'dynamodb:Scan', tags: northEast, expect: 'ExplicitlyDenied' },
]);

check('NationalDataRole', () => stack.nationalDataRole.role, [
  { why: 'the national aggregate', action: ITEM, leadingKeys: ['NATIONAL'], expect: 'Allowed' },
  { why: 'the latest national year', action: 'dynamodb:Query', leadingKeys: ['NATIONAL'], expect: 'Allowed' },
  { why: 'read-only', action: 'dynamodb:PutItem', leadingKeys: ['NATIONAL'], attributes: ['pk', 'sk'], expect: 'ImplicitlyDenied' },
  { why: 'no region (LAs are named there)', action: ITEM, leadingKeys: [`REGION#${NORTH_EAST}`], expect: 'ImplicitlyDenied' },
  { why: 'no LA', action: ITEM, leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'never the cross-LA index', action: 'dynamodb:Query', resource: GSI1, leadingKeys: ['SNAPSHOTS#2025'], expect: 'ImplicitlyDenied' },
  { why: 'no Scan', action: 'dynamodb:Scan', expect: 'ExplicitlyDenied' },
]);

check('rollup execution role', () => stack.jobs.rollupFn.role, [
  { why: "every LA's aggregate of a year, through gsi1", action: 'dynamodb:Query', resource: GSI1, leadingKeys: ['SNAPSHOTS#2025'], expect: 'Allowed' },
  { why: 'the registry, for names and regions', action: 'dynamodb:Query', leadingKeys: ['REGISTRY'], expect: 'Allowed' },
  { why: 'writes a regional aggregate', action: 'dynamodb:PutItem', leadingKeys: [`REGION#${NORTH_EAST}`], attributes: ['pk', 'sk', 'data'], expect: 'Allowed' },
  { why: 'writes the national aggregate', action: 'dynamodb:PutItem', leadingKeys: ['NATIONAL'], attributes: ['pk', 'sk', 'data'], expect: 'Allowed' },
  { why: 'reads the national stamp', action: ITEM, leadingKeys: ['NATIONAL'], expect: 'Allowed' },
  { why: 'records its run', action: 'dynamodb:PutItem', leadingKeys: ['JOBS'], attributes: ['pk', 'sk'], expect: 'Allowed' },
  { why: 'no LA partition on the table', action: 'dynamodb:Query', leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'no LA item', action: ITEM, leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'the index only with its own partitions', action: 'dynamodb:Query', resource: GSI1, leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'SNAPSHOTS# only through the index', action: 'dynamodb:Query', leadingKeys: ['SNAPSHOTS#2025'], expect: 'ImplicitlyDenied' },
  { why: 'never writes an LA', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: ['pk', 'sk'], expect: 'ImplicitlyDenied' },
  { why: 'never writes the registry', action: 'dynamodb:PutItem', leadingKeys: ['REGISTRY'], attributes: ['pk', 'sk'], expect: 'ImplicitlyDenied' },
  { why: 'no Scan of the index', action: 'dynamodb:Scan', resource: GSI1, expect: 'ImplicitlyDenied' },
]);

check("the API's and the tenant job's own credentials (no session)", () => stack.apiFn.role, [
  { why: 'platform_admin reads the registry', action: 'dynamodb:Query', leadingKeys: ['REGISTRY'], expect: 'Allowed' },
  { why: 'tenant data only through an assumed, tagged role', action: ITEM, leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'aggregates only through an assumed role', action: ITEM, leadingKeys: ['NATIONAL'], expect: 'ImplicitlyDenied' },
]);

check("tenant-snapshot execution role (no session)", () => stack.jobs.tenantSnapshotFn.role, [
  { why: 'looks up its LA in the registry', action: ITEM, leadingKeys: ['REGISTRY'], expect: 'Allowed' },
  { why: 'tenant data only through the tagged TenantSnapshotRole', action: ITEM, leadingKeys: ['TENANT#390'], expect: 'ImplicitlyDenied' },
  { why: 'never writes the index attributes itself', action: 'dynamodb:PutItem', leadingKeys: ['TENANT#390'], attributes: SNAPSHOT_ATTRS, expect: 'ImplicitlyDenied' },
]);
