import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/data/table-schema.ts';

export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * Stateful: the one table and its key. Kept apart from the stateless service stack so that redeploying or
 * even deleting the service never touches data (RETAIN + deletion protection on both).
 */
export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly tableKey: kms.Key;

  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: string }) {
    super(scope, id, props);

    this.tableKey = new kms.Key(this, 'TableKey', {
      description: `IRO platform (${props.stage}) table encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.tableKey),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Job-run records expire after a week (shared/data/repositories/jobs.ts writes `expiresAt`, epoch seconds).
      timeToLiveAttribute: TTL_ATTRIBUTE,
      globalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.projectedAttributes],
      })),
    });
  }
}
