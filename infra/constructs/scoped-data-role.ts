import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Item-level actions a scoped role may use. No Scan (a Scan has no leading key), no PartiQL, no transactions. */
export const TENANT_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
] as const;
export const READ_ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'] as const;

/** An IAM policy variable for a session tag, for the `tenant`/`region` value of a shared/data/keys.ts partition pattern. */
export const principalTag = (tag: string) => `\${aws:PrincipalTag/${tag}}`;

/**
 * Allow `actions` only on items whose partition key matches one of `leadingKeys`.
 * `ForAllValues` is vacuously true for a request with no leading key, hence the `Null` guard (key must be present).
 */
export function leadingKeysStatement(props: {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly leadingKeys: readonly string[];
  readonly sid?: string;
}): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: props.sid,
    effect: iam.Effect.ALLOW,
    actions: [...props.actions],
    resources: [...props.resources],
    conditions: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...props.leadingKeys] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    },
  });
}

/**
 * Use of the table's CMK, only through DynamoDB in this region. Explicit actions (no `GenerateDataKey*` /
 * `ReEncrypt*` wildcards) so cdk-nag IAM5 has nothing to flag.
 */
export function tableKeyStatement(scope: Construct, key: kms.IKey): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
    resources: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(scope).region}.amazonaws.com` } },
  });
}

export interface ScopedDataRoleProps {
  readonly table: dynamodb.ITableV2;
  readonly tableKey: kms.IKey;
  readonly description: string;
  /** Partition-key patterns, usually with `${aws:PrincipalTag/<tag>}`; end each prefix pattern in `#` (no TENANT#88* matching TENANT#886). */
  readonly leadingKeys: readonly string[];
  /** Session tag the caller must set (e.g. `tenant`); undefined for a role with a fixed scope (NATIONAL). */
  readonly sessionTag?: string;
  /** @default TENANT_ITEM_ACTIONS */
  readonly actions?: readonly string[];
  /** Attributes the role may never write (explicit Deny of any write whose `dynamodb:Attributes` names one). */
  readonly unwritableAttributes?: readonly string[];
  /** Execution roles allowed to assume this role (trust policy + their own sts permission). */
  readonly trustedRoles: readonly [iam.IRole, ...iam.IRole[]];
}

/**
 * A role that tenant-facing code assumes with session tags (ABAC): one static policy, scoped per request by
 * `${aws:PrincipalTag/...}` in the `dynamodb:LeadingKeys` condition, plus an explicit Deny on Scan.
 */
export class ScopedDataRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScopedDataRoleProps) {
    super(scope, id);
    const { table, trustedRoles } = props;

    // The session must carry the scope tag, and only that tag: an untagged session would have no PrincipalTag to
    // substitute (the LeadingKeys condition would then never match, but refusing the session is clearer).
    const trustConditions: Record<string, Record<string, unknown>> = props.sessionTag
      ? {
          Null: { [`aws:RequestTag/${props.sessionTag}`]: 'false' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [props.sessionTag] },
        }
      : {};
    const trusted = (role: iam.IRole) =>
      new iam.ArnPrincipal(role.roleArn).withConditions(trustConditions).withSessionTags();

    const [first, ...rest] = trustedRoles;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: trusted(first),
      description: props.description,
      maxSessionDuration: Duration.hours(1),
    });
    for (const role of rest) {
      this.role.assumeRolePolicy?.addStatements(
        new iam.PolicyStatement({
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          principals: [new iam.ArnPrincipal(role.roleArn)],
          conditions: trustConditions,
        }),
      );
    }
    for (const role of trustedRoles) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }),
      );
    }

    this.role.addToPolicy(
      leadingKeysStatement({
        sid: 'ScopedItemAccess',
        actions: props.actions ?? TENANT_ITEM_ACTIONS,
        resources: [table.tableArn],
        leadingKeys: props.leadingKeys,
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'NeverScan',
        effect: iam.Effect.DENY,
        actions: ['dynamodb:Scan'],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
    if (props.unwritableAttributes) {
      // dynamodb:Attributes lists the top-level attributes of a PutItem item, an UpdateItem's expressions and each
      // BatchWriteItem put (AWS documents it for all three), so naming one of these refuses the whole request.
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'NeverWriteAttributes',
          effect: iam.Effect.DENY,
          actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringEquals': { 'dynamodb:Attributes': [...props.unwritableAttributes] } },
        }),
      );
    }
    this.role.addToPolicy(tableKeyStatement(this, props.tableKey));
  }

  get roleArn(): string {
    return this.role.roleArn;
  }
}
