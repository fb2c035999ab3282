import {
  BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand,
  type DynamoDBDocumentClient, type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { AuditTrail, UNATTRIBUTED } from './audit.ts';
import { CorruptItem, GSI1_ITEM, kindOf, parseItem, type Actor, type Gsi1Item, type ItemOf, type ItemType, type StoredItem } from './items.ts';
import { allowedPartitions, isAppendOnlyKey, isRevisionedKey, recordKeys, type Key, type Partitions } from './keys.ts';
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

/** A write the item's kind does not allow: overwriting or deleting an append-only item, or putting a revisioned one. */
export class WriteRefused extends Error {
  constructor(key: Key, reason: string) {
    super(`refused write to ${key.pk} ${key.sk}: ${reason}`);
    this.name = 'WriteRefused';
  }
}

/** An update based on a revision that is no longer current (HTTP 409); `currentRev` is what the caller should reload. */
export class StaleRevision extends Error {
  constructor(key: Key, readonly currentRev: number, expectedRev: number) {
    super(`${key.sk} is at revision ${currentRev}, not ${expectedRev}`);
    this.name = 'StaleRevision';
  }
}

/** A paging cursor that this query did not hand out (HTTP 400). */
export class InvalidCursor extends Error {
  constructor() {
    super('cursor is not one this listing returned');
    this.name = 'InvalidCursor';
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

export interface TableContext {
  /** Who reads and writes through this table: recorded in the audit trail and in record history. */
  actor?: Actor;
  meter?: CapacityMeter;
}

export interface QueryOptions<T extends ItemType> {
  skPrefix?: string;
  /** Sort keys from this one on (instead of a prefix). */
  skFrom?: string;
  /** Sort keys between these two, both included (instead of a prefix). */
  skBetween?: readonly [string, string];
  descending?: boolean;
  limit?: number;
  /** The kind every returned item must be (a different kind is a CorruptItem). */
  type?: T;
}

export interface Page<I> {
  items: I[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

/** What a revisioned record is, for ScopedTable.update: the record's identity and the change asked for. */
export interface RecordChange {
  collection: string;
  id: string;
  child?: string;
  /** The revision the caller read (0: the record must not exist yet). */
  expectedRev: number;
  /** Fields to set; a field set to undefined is removed. */
  set: Record<string, unknown>;
}

type RecordItem = ItemOf<'record'>;
type HistoryItem = ItemOf<'history'>;

const BATCH = 25;

/**
 * The table as one scope may see it: every call checks its partition key against the scope's allowed
 * partitions before it reaches DynamoDB (the application guard; the scoped IAM role is the second guard).
 * Every item read is parsed against its kind (items.ts); every child-level item returned is noted in the
 * audit trail, which `flush()` writes. There is deliberately no scan.
 */
export class ScopedTable<S extends DataScope = DataScope> {
  private readonly allowed: Partitions;
  readonly meter: CapacityMeter;
  private readonly actor?: Actor;
  private readonly audit?: AuditTrail;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly scope: S,
    context: TableContext = {},
  ) {
    this.allowed = allowedPartitions(scope);
    this.meter = context.meter ?? new CapacityMeter();
    this.actor = context.actor;
    // Child-level items live only in tenant partitions, so only a tenant table has reads to audit.
    if (scope.kind === 'tenant') this.audit = new AuditTrail(scope, context.actor ?? UNATTRIBUTED);
  }

  private guard(pk: string): void {
    const { exact, prefixes } = this.allowed;
    if (!exact.includes(pk) && !prefixes.some((p) => pk.startsWith(p))) throw new ScopeViolation(this.scope, pk);
  }

  /** Child-level items read must be audited; a tenant table is the only one that can reach them. */
  private audited<I extends StoredItem>(items: I[]): I[] {
    if (this.audit) this.audit.noteRead(items);
    else if (items.some((i) => kindOf(i.type).child)) throw new Error(`${describeScope(this.scope)} read a child-level item`);
    return items;
  }

  async get(key: Key): Promise<StoredItem | undefined>;
  async get<T extends ItemType>(key: Key, type: T): Promise<ItemOf<T> | undefined>;
  async get(key: Key, type?: ItemType): Promise<StoredItem | undefined> {
    const item = await this.getParsed(key, type, false);
    return item && this.audited([item])[0];
  }

  private async getParsed(key: Key, type: ItemType | undefined, consistent: boolean): Promise<StoredItem | undefined> {
    this.guard(key.pk);
    const out = await this.doc.send(new GetCommand({
      TableName: this.tableName, Key: { pk: key.pk, sk: key.sk }, ReturnConsumedCapacity: 'TOTAL', ...(consistent && { ConsistentRead: true }),
    }));
    this.meter.add('read', out.ConsumedCapacity);
    return out.Item && parseItem(out.Item, type);
  }

  /** Checks a write against its kind's schema and write policy before it reaches DynamoDB. */
  private checkedForPut(item: Key & Item): StoredItem {
    this.guard(item.pk);
    if (isAppendOnlyKey(item)) throw new WriteRefused(item, 'append-only items are written only by the data layer');
    if (isRevisionedKey(item)) throw new WriteRefused(item, 'records change only through update (which writes their history)');
    const parsed = parseItem(item);
    if (kindOf(parsed.type).writes !== 'put') throw new WriteRefused(item, `${parsed.type} items are not written by put`);
    return parsed;
  }

  /** Put; with `condition`, a failed condition throws ConditionFailed (the optimistic-concurrency primitive). */
  async put(item: Key & Item, condition?: { expression: string; values?: Item; names?: Record<string, string> }): Promise<void> {
    await this.write(this.checkedForPut(item), condition);
  }

  private async write(item: StoredItem, condition?: { expression: string; values?: Item; names?: Record<string, string> }): Promise<void> {
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

  private refuseDelete(key: Key): void {
    this.guard(key.pk);
    if (isAppendOnlyKey(key)) throw new WriteRefused(key, 'append-only items are never deleted');
    if (isRevisionedKey(key)) throw new WriteRefused(key, 'records are never deleted (their history would be orphaned)');
  }

  async delete(key: Key): Promise<void> {
    this.refuseDelete(key);
    const out = await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: key.pk, sk: key.sk }, ReturnConsumedCapacity: 'TOTAL' }));
    this.meter.add('write', out.ConsumedCapacity);
  }

  /** Every item of a partition (optionally under a sort-key prefix), following LastEvaluatedKey. */
  async query<T extends ItemType>(pk: string, options: QueryOptions<T> & { type: T }): Promise<ItemOf<T>[]>;
  async query(pk: string, options?: QueryOptions<ItemType>): Promise<StoredItem[]>;
  async query(pk: string, options: QueryOptions<ItemType> = {}): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.queryOnce(pk, options, start, options.limit === undefined ? undefined : options.limit - items.length);
      items.push(...page.items);
      start = page.last;
    } while (start && (options.limit === undefined || items.length < options.limit));
    return this.audited(items);
  }

  /** One page of a partition, for listings the caller pages through with an opaque cursor. */
  async queryPage<T extends ItemType>(pk: string, options: QueryOptions<T> & { type: T; limit: number; cursor?: string }): Promise<Page<ItemOf<T>>> {
    const start = options.cursor === undefined ? undefined : decodeCursor(options.cursor, pk, options);
    const { items, last } = await this.queryOnce(pk, options, start, options.limit);
    return { items: this.audited(items) as ItemOf<T>[], ...(last && { cursor: encodeCursor(last) }) };
  }

  /** The cursor that pages on from (or, descending, back from) an item: for a page ending at an item the caller chose. */
  cursorAt(key: Key): string {
    return encodeCursor({ pk: key.pk, sk: key.sk });
  }

  /** The keys of a partition's items, not their content (nothing read, nothing to audit): for deleting a partition. */
  async queryKeys(pk: string, skPrefix?: string): Promise<Key[]> {
    this.guard(pk);
    const keys: Key[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix && { ':sk': skPrefix }) },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }));
      this.meter.add('read', out.ConsumedCapacity);
      keys.push(...((out.Items ?? []) as Key[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  private async queryOnce(pk: string, options: QueryOptions<ItemType>, start: Record<string, unknown> | undefined, limit: number | undefined) {
    this.guard(pk);
    const between = options.skBetween;
    return this.queryRequest({
      KeyConditionExpression: options.skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : options.skFrom ? 'pk = :pk AND sk >= :sk'
        : between ? 'pk = :pk AND sk BETWEEN :sk AND :to' : 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': pk, ...((options.skPrefix ?? options.skFrom ?? between) && { ':sk': options.skPrefix ?? options.skFrom ?? between![0] }), ...(between && { ':to': between[1] }),
      },
      ScanIndexForward: !options.descending,
      ...(start && { ExclusiveStartKey: start }),
      ...(limit !== undefined && { Limit: limit }),
    }, options.type);
  }

  private async queryRequest(input: Omit<QueryCommandInput, 'TableName'>, type: ItemType | undefined) {
    const out = await this.doc.send(new QueryCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }));
    this.meter.add('read', out.ConsumedCapacity);
    return { items: (out.Items ?? []).map((i) => parseItem(i, type)), last: out.LastEvaluatedKey };
  }

  /**
   * A Query on gsi1 (the rollup's input); the index partition must be inside the scope too. Index items carry
   * only keys and the aggregate figures, never a child, so there is nothing to audit.
   */
  async queryIndex(index: { indexName: string; gsi1pk: string }): Promise<Gsi1Item[]> {
    this.guard(index.gsi1pk);
    const items: Gsi1Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.tableName,
        IndexName: index.indexName,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': index.gsi1pk },
        ReturnConsumedCapacity: 'TOTAL',
        ...(start && { ExclusiveStartKey: start }),
      }));
      this.meter.add('read', out.ConsumedCapacity);
      for (const raw of out.Items ?? []) {
        const parsed = GSI1_ITEM.safeParse(raw);
        if (!parsed.success) throw new CorruptItem(raw.pk, raw.sk, 'gsi1', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
        items.push(parsed.data);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * Optimistic-concurrency update of a revisioned record, with one append-only history item per revision.
   * DynamoDB Local has no transactions, so the two writes are ordered to survive a crash between them:
   *
   *   1. CLAIM  put history item rev N+1 (who, when, fields before → after) IF attribute_not_exists.
   *             Revision N+1 has exactly one author: a second writer from rev N fails here.
   *   2. APPLY  put the record at rev N+1 IF rev = N (IF attribute_not_exists for a new record).
   *
   * Invariant: the record is at rev N+1 only if history N+1 exists and holds that change. A writer that dies
   * after 1 leaves a claimed-but-unapplied history item; the next writer from rev N fails its claim, ROLLS IT
   * FORWARD (applies that history item to the record, IF rev = N) and gets StaleRevision(N+1): the dead write
   * is not lost and no history is invented. A writer whose APPLY fails found its own claim rolled forward by
   * another writer, so its change is in. Readers see rev N until the claim is applied (`historyOf` hides
   * revisions above the record's), as if the write were still in flight.
   */
  async update(change: RecordChange): Promise<RecordItem> {
    const scope: DataScope = this.scope;
    if (scope.kind !== 'tenant') throw new ScopeViolation(scope, 'records');
    const key = recordKeys.record(scope, change.collection, change.id);
    const historyKey = (rev: number) => recordKeys.history(scope, change.collection, change.id, rev);
    if (!this.actor) throw new WriteRefused(key, 'a record change needs an actor (data.for(scope, { actor }))');
    const current = await this.getParsed(key, 'record', true) as RecordItem | undefined;
    const rev = current?.rev ?? 0;
    if (rev !== change.expectedRev) throw new StaleRevision(key, rev, change.expectedRev);
    const changes = diffFields(current?.fields ?? {}, change.set);
    if (current && changes.length === 0) return current;

    const claim: HistoryItem = {
      ...historyKey(rev + 1), type: 'history', v: 1, collection: change.collection, id: change.id, rev: rev + 1,
      ...(change.child !== undefined && { child: change.child }), at: new Date().toISOString(), actor: this.actor, changes,
    };
    try {
      await this.write(claim, { expression: 'attribute_not_exists(pk)' });
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      throw new StaleRevision(key, await this.rollForward(key, historyKey(rev + 1), rev), change.expectedRev);
    }
    const next = applyHistory(key, current, claim);
    try {
      await this.write(next, revCondition(rev));
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // Only our own claim can take the record to rev N+1: another writer rolled it forward for us.
    }
    return next;
  }

  /** Applies a claimed-but-unapplied history item rev N+1 to a record at rev N; returns the record's revision after. */
  private async rollForward(key: Key, claimKey: Key, rev: number): Promise<number> {
    const [claim, current] = await Promise.all([
      this.getParsed(claimKey, 'history', true) as Promise<HistoryItem | undefined>,
      this.getParsed(key, 'record', true) as Promise<RecordItem | undefined>,
    ]);
    const now = current?.rev ?? 0;
    if (!claim || now !== rev) return now;
    try {
      await this.write(applyHistory(key, current, claim), revCondition(rev));
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      return ((await this.getParsed(key, 'record', true)) as RecordItem | undefined)?.rev ?? now;
    }
    return rev + 1;
  }

  /**
   * Seeding only (the demo seed, the benchmarks): creates records at revision 1 with their history items, the same
   * items `update` writes, in BatchWrites instead of three round trips a record. BatchWrite has no conditions, so
   * the collection must hold nothing yet (checked first; a collection written to meanwhile is the caller's bug).
   */
  async seedRecords(collection: string, records: readonly Omit<RecordChange, 'collection' | 'expectedRev'>[], options: { concurrency?: number } = {}): Promise<void> {
    const scope: DataScope = this.scope;
    if (scope.kind !== 'tenant') throw new ScopeViolation(scope, 'records');
    const pk = recordKeys.collection(scope, collection);
    this.guard(pk);
    if (!this.actor) throw new WriteRefused({ pk, sk: '' }, 'seeding records needs an actor (data.for(scope, { actor }))');
    const probe = await this.doc.send(new QueryCommand({
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, Limit: 1, ProjectionExpression: 'pk', ReturnConsumedCapacity: 'TOTAL',
    }));
    this.meter.add('read', probe.ConsumedCapacity);
    if ((probe.Items ?? []).length > 0) throw new WriteRefused({ pk, sk: '' }, 'records are seeded in bulk only into an empty collection');
    const at = new Date().toISOString();
    const items = records.flatMap((r) => {
      const claim: HistoryItem = {
        ...recordKeys.history(scope, collection, r.id, 1), type: 'history', v: 1, collection, id: r.id, rev: 1,
        ...(r.child !== undefined && { child: r.child }), at, actor: this.actor!, changes: diffFields({}, r.set),
      };
      return [claim, applyHistory(recordKeys.record(scope, collection, r.id), undefined, claim)].map((item) => parseItem(item));
    });
    await this.batch(items.map((Item) => ({ PutRequest: { Item } })), options);
  }

  /** BatchWrite in chunks of 25 with `concurrency` requests in flight; unprocessed items retried with backoff. */
  async batchPut(items: (Key & Item)[], options: { concurrency?: number; onProgress?: (written: number) => void } = {}): Promise<void> {
    await this.batch(items.map((item) => ({ PutRequest: { Item: this.checkedForPut(item) } })), options);
  }

  async batchDelete(keys: Key[], options: { concurrency?: number } = {}): Promise<void> {
    await this.batch(keys.map((key) => { this.refuseDelete(key); return { DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }; }), options);
  }

  /** Entries of child-level reads not yet written. */
  get pendingAudit(): number {
    return this.audit?.size ?? 0;
  }

  /**
   * Writes the audit entries of the reads so far in one BatchWrite (25 entries per request). Called after each
   * API request and each job message; entries are append-only and keyed by time + random id, never overwritten.
   */
  async flush(): Promise<void> {
    const entries = this.audit?.drain() ?? [];
    if (entries.length > 0) await this.batch(entries.map((Item) => ({ PutRequest: { Item } })), {});
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

function revCondition(rev: number) {
  return rev === 0 ? { expression: 'attribute_not_exists(pk)' } : { expression: 'rev = :rev', values: { ':rev': rev } };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffFields(before: Record<string, unknown>, set: Record<string, unknown>): HistoryItem['changes'] {
  return Object.entries(set)
    .filter(([field, after]) => !same(before[field], after))
    .map(([field, after]) => ({ field, ...(before[field] !== undefined && { before: before[field] }), ...(after !== undefined && { after }) }));
}

/** The record at the history item's revision: the record before it with the item's changes applied. */
function applyHistory(key: Key, before: RecordItem | undefined, change: HistoryItem): RecordItem {
  const fields = { ...before?.fields };
  for (const c of change.changes) {
    if (c.after === undefined) delete fields[c.field];
    else fields[c.field] = c.after;
  }
  return {
    pk: key.pk, sk: key.sk, type: 'record', v: 1, collection: change.collection, id: change.id, rev: change.rev,
    ...(change.child !== undefined && { child: change.child }), fields,
    createdAt: before?.createdAt ?? change.at, createdBy: before?.createdBy ?? change.actor.sub,
    updatedAt: change.at, updatedBy: change.actor.sub,
  };
}

function encodeCursor(last: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ pk: last.pk, sk: last.sk })).toString('base64url');
}

/** A cursor is accepted only for the partition and sort-key condition it was issued for: it cannot steer a Query elsewhere. */
function decodeCursor(cursor: string, pk: string, { skPrefix, skFrom, skBetween }: QueryOptions<ItemType>): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Key>;
    const sk = key.sk;
    const inside = typeof sk === 'string' && sk.startsWith(skPrefix ?? '') && sk >= (skFrom ?? '')
      && (skBetween === undefined || (sk >= skBetween[0] && sk <= skBetween[1]));
    if (key.pk === pk && inside) return { pk: key.pk, sk: key.sk };
  } catch {
    // falls through: not JSON
  }
  throw new InvalidCursor();
}
