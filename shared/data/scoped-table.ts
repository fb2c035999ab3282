import {
  BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand,
  type DynamoDBDocumentClient, type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { allowedPartitions, type Key, type Partitions } from './keys.ts';
import { describeScope, type DataScope } from './scopes.ts';

export type Item = Record<string, unknown>;

/** Raised when code asks a scoped table for a partition outside its scope: a bug, never a user error. */
export class ScopeViolation extends Error {
  constructor(scope: DataScope, pk: string) {
    super(`${describeScope(scope)} may not touch partition ${pk}`);
    this.name = 'ScopeViolation';
  }
}

export class ConditionFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionFailed';
  }
}

/** Adds up ConsumedCapacity per scope, for per-tenant cost apportioning and the benchmarks. */
export class CapacityMeter {
  read = 0;
  write = 0;
  add(kind: 'read' | 'write', consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    for (const c of [consumed ?? []].flat()) this[kind] += c.CapacityUnits ?? 0;
  }
}

const BATCH = 25;

/**
 * The table as one scope may see it: every call checks its partition key against the scope's allowed
 * partitions before it reaches DynamoDB (the application guard; the scoped IAM role is the second guard).
 * There is deliberately no scan.
 */
export class ScopedTable<S extends DataScope = DataScope> {
  private readonly allowed: Partitions;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly scope: S,
    readonly meter: CapacityMeter = new CapacityMeter(),
  ) {
    this.allowed = allowedPartitions(scope);
  }

  private guard(pk: string): void {
    const { exact, prefixes } = this.allowed;
    if (!exact.includes(pk) && !prefixes.some((p) => pk.startsWith(p))) throw new ScopeViolation(this.scope, pk);
  }

  async get<T extends Item>(key: Key): Promise<T | undefined> {
    this.guard(key.pk);
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ReturnConsumedCapacity: 'TOTAL' }));
    this.meter.add('read', out.ConsumedCapacity);
    return out.Item as T | undefined;
  }

  /** Put; with `condition`, a failed condition throws ConditionFailed (the optimistic-concurrency primitive). */
  async put(item: Key & Item, condition?: { expression: string; values?: Item; names?: Record<string, string> }): Promise<void> {
    this.guard(item.pk);
    try {
      const out = await this.doc.send(new PutCommand({
        TableName: this.tableName,
        Item: item,
        ReturnConsumedCapacity: 'TOTAL',
        ...(condition && {
          ConditionExpression: condition.expression,
          ...(condition.values && { ExpressionAttributeValues: condition.values }),
          ...(condition.names && { ExpressionAttributeNames: condition.names }),
        }),
      }));
      this.meter.add('write', out.ConsumedCapacity);
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConditionFailed(`condition failed on ${item.pk} ${item.sk}`);
      throw error;
    }
  }

  async delete(key: Key): Promise<void> {
    this.guard(key.pk);
    const out = await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: key, ReturnConsumedCapacity: 'TOTAL' }));
    this.meter.add('write', out.ConsumedCapacity);
  }

  /** Every item of a partition (optionally under a sort-key prefix), following LastEvaluatedKey. */
  async query<T extends Item>(pk: string, options: { skPrefix?: string; descending?: boolean; limit?: number } = {}): Promise<T[]> {
    this.guard(pk);
    return this.queryAll<T>({
      KeyConditionExpression: options.skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(options.skPrefix && { ':sk': options.skPrefix }) },
      ScanIndexForward: !options.descending,
    }, options.limit);
  }

  /** A Query on gsi1; the index partition must be inside the scope too. */
  async queryIndex<T extends Item>(index: { indexName: string; gsi1pk: string }): Promise<T[]> {
    this.guard(index.gsi1pk);
    return this.queryAll<T>({
      IndexName: index.indexName,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': index.gsi1pk },
    });
  }

  private async queryAll<T extends Item>(input: Omit<QueryCommandInput, 'TableName'>, limit?: number): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        ...input,
        TableName: this.tableName,
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
        ...(limit !== undefined && { Limit: limit - items.length }),
      }));
      this.meter.add('read', out.ConsumedCapacity);
      items.push(...((out.Items ?? []) as T[]));
      start = out.LastEvaluatedKey;
    } while (start && (limit === undefined || items.length < limit));
    return items;
  }

  /** BatchWrite in chunks of 25 with `concurrency` requests in flight; unprocessed items retried with backoff. */
  async batchPut(items: (Key & Item)[], options: { concurrency?: number; onProgress?: (written: number) => void } = {}): Promise<void> {
    await this.batch(items.map((item) => { this.guard(item.pk); return { PutRequest: { Item: item } }; }), options);
  }

  async batchDelete(keys: Key[], options: { concurrency?: number } = {}): Promise<void> {
    await this.batch(keys.map((key) => { this.guard(key.pk); return { DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }; }), options);
  }

  private async batch(
    requests: ({ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } })[],
    { concurrency = 4, onProgress }: { concurrency?: number; onProgress?: (written: number) => void },
  ): Promise<void> {
    const chunks: (typeof requests)[] = [];
    for (let i = 0; i < requests.length; i += BATCH) chunks.push(requests.slice(i, i + BATCH));
    let next = 0;
    let written = 0;
    const worker = async () => {
      while (next < chunks.length) {
        let pending = chunks[next++]!;
        const size = pending.length;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          if (attempt > 8) throw new Error(`BatchWrite: ${pending.length} items still unprocessed after retries`);
          const out = await this.doc.send(new BatchWriteCommand({
            RequestItems: { [this.tableName]: pending },
            ReturnConsumedCapacity: 'TOTAL',
          }));
          this.meter.add('write', out.ConsumedCapacity);
          pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
        }
        written += size;
        onProgress?.(written);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  }
}
