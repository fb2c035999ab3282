import * as z from 'zod/mini';
import { REGIONS } from '../domain/tenancy/regions.ts';
import { childOfTimelineKey } from './keys.ts';

/**
 * Every kind of item the table holds, declared once: its `type`, schema version `v`, zod schema, how it may be
 * written, and whether it is about a child (so reads of it are audited). ScopedTable parses every item it reads
 * and every item it writes against this registry: an unknown or corrupt item is a `CorruptItem`, never a cast.
 *
 * Items written before `v` existed (a local `.data/` from before issue 9) carry a known `type` but no `v`: they are
 * read as version 0 and upgraded by the kind's `legacy` mapping, because their shape is exactly version 1's
 * (plus, for child timelines, the child id, which the sort key holds). An item with no known `type` is corrupt:
 * every writer has always written one, so guessing a kind from its key would hide a real defect.
 * Writes store the parsed item: exactly the attributes its schema declares.
 */

const ACTOR = z.object({ sub: z.string(), role: z.string(), capability: z.string() });
const key = { pk: z.string(), sk: z.string() };
const isoTime = z.string().check(z.minLength(10));

/**
 * How an item kind may change. `put`: written whole by put/batchPut and deletable (datasets, snapshots, registry).
 * `revisioned`: changes only through ScopedTable.update, which writes its history. `append-only`: written only
 * by the data layer itself (audit entries, history), never overwritten, updated or deleted.
 */
export type WritePolicy = 'put' | 'revisioned' | 'append-only';

interface KindSpec<T extends string, S extends z.ZodMiniType> {
  type: T;
  v: number;
  schema: S;
  writes: WritePolicy;
  /**
   * Child-level items: how to find the child the item is about, or `many` for items holding rows of many
   * children (raw 903 chunks), which are always audited as a bulk read.
   */
  child?: ((item: z.infer<S>) => string | undefined) | 'many';
  /** Upgrade an item stored before schema versions (no `v`) to this version's shape. */
  legacy?: (item: Record<string, unknown>) => Record<string, unknown>;
}

function kind<const T extends string, S extends z.ZodMiniType>(spec: KindSpec<T, S>): KindSpec<T, S> {
  return spec;
}

const asV1 = (item: Record<string, unknown>) => ({ ...item, v: 1 });
/** Aggregates written before the input-set stamp: an empty set never matches, so the next rollup rebuilds them. */
const legacyAggregate = ({ sourceStamp: _stamp, ...item }: Record<string, unknown>) => ({ ...item, v: 1, readAt: item.computedAt, inputSet: '' });

export const ITEM_KINDS = {
  'dataset-pointer': kind({
    type: 'dataset-pointer', v: 1, writes: 'put', legacy: asV1,
    schema: z.object({
      ...key, type: z.literal('dataset-pointer'), v: z.literal(1),
      yearEnding: z.number(), version: z.string(), uploadedAt: isoTime, counts: z.record(z.string(), z.number()),
    }),
  }),
  'dataset-version': kind({
    type: 'dataset-version', v: 1, writes: 'put', legacy: asV1,
    schema: z.object({
      ...key, type: z.literal('dataset-version'), v: z.literal(1),
      yearEnding: z.number(), version: z.string(), status: z.enum(['writing', 'live', 'superseded']),
      startedAt: z.optional(isoTime), markedAt: z.optional(isoTime),
    }),
  }),
  child: kind({
    type: 'child', v: 1, writes: 'put', child: (item) => item.child,
    legacy: (item) => ({ ...item, v: 1, child: childOfTimelineKey(String(item.sk)) }),
    schema: z.object({ ...key, type: z.literal('child'), v: z.literal(1), child: z.string(), data: z.string() }),
  }),
  raw: kind({
    type: 'raw', v: 1, writes: 'put', child: 'many', legacy: asV1,
    schema: z.object({ ...key, type: z.literal('raw'), v: z.literal(1), table: z.string(), columns: z.array(z.string()), rows: z.string() }),
  }),
  'la-snapshot': kind({
    // Before the overdue list moved out, the figures were in `data`.
    type: 'la-snapshot', v: 1, writes: 'put', legacy: ({ data, ...item }) => ({ ...item, v: 1, aggregate: data }),
    schema: z.object({
      ...key, type: z.literal('la-snapshot'), v: z.literal(1), gsi1pk: z.string(), gsi1sk: z.string(),
      inputs: z.string(), asAt: z.string(), engineVersion: z.number(), computedAt: isoTime, etag: z.string(), aggregate: z.string(),
    }),
  }),
  /** One chunk of the LA's worklist basis (worklistBasis): beside its snapshots, never indexed; many children's records. */
  'worklist-basis': kind({
    type: 'worklist-basis', v: 1, writes: 'put', child: 'many',
    schema: z.object({
      ...key, type: z.literal('worklist-basis'), v: z.literal(1),
      /** Which write this chunk belongs to: a reader takes the chunks only when all `chunks` of one basis are there. */
      basis: z.string(), chunk: z.number(), chunks: z.number(),
      /** The dataset versions it was built from, its date, and when its practice records were read. */
      inputs: z.string(), from: z.string(), readFrom: isoTime, data: z.string(),
    }),
  }),
  /** A record of `collection` is about `child`: the index behind a child's list of records (no content but the ids). */
  'record-child': kind({
    type: 'record-child', v: 1, writes: 'put', child: (item) => item.child,
    schema: z.object({ ...key, type: z.literal('record-child'), v: z.literal(1), collection: z.string(), id: z.string(), child: z.string() }),
  }),
  /** A record of `collection` is in a list at a place (recordKeys.orderIndex): the index behind a list page. No content but the id, no child. */
  'record-order': kind({
    type: 'record-order', v: 1, writes: 'put',
    schema: z.object({ ...key, type: z.literal('record-order'), v: z.literal(1), collection: z.string(), id: z.string() }),
  }),
  /** A practice record was (about to be) written: `id` `*` for a collection seeded in bulk. No content, no child. */
  'record-change': kind({
    type: 'record-change', v: 1, writes: 'put',
    schema: z.object({ ...key, type: z.literal('record-change'), v: z.literal(1), collection: z.string(), id: z.string(), at: isoTime, expiresAt: z.number() }),
  }),
  'region-snapshot': kind({
    type: 'region-snapshot', v: 1, writes: 'put', legacy: legacyAggregate,
    schema: z.object({
      ...key, type: z.literal('region-snapshot'), v: z.literal(1),
      readAt: isoTime, inputSet: z.string(), aggregateVersion: z.number(), computedAt: isoTime, etag: z.string(), data: z.string(),
    }),
  }),
  'national-snapshot': kind({
    type: 'national-snapshot', v: 1, writes: 'put', legacy: legacyAggregate,
    schema: z.object({
      ...key, type: z.literal('national-snapshot'), v: z.literal(1),
      readAt: isoTime, inputSet: z.string(), aggregateVersion: z.number(), computedAt: isoTime, etag: z.string(), data: z.string(),
    }),
  }),
  tenant: kind({
    type: 'tenant', v: 1, writes: 'put', legacy: asV1,
    schema: z.object({ ...key, type: z.literal('tenant'), v: z.literal(1), code: z.string(), name: z.string(), region: z.enum(REGIONS) }),
  }),
  'job-run': kind({
    type: 'job-run', v: 1, writes: 'put', legacy: asV1,
    schema: z.object({
      ...key, type: z.literal('job-run'), v: z.literal(1), job: z.enum(['plan', 'tenant', 'rollup']),
      startedAt: isoTime, finishedAt: isoTime, messages: z.number(), failed: z.number(), detail: z.optional(z.string()), expiresAt: z.number(),
    }),
  }),
  /**
   * One part of the report of an upload (its findings, or what it replaced), kept a day (TTL `expiresAt`) so the
   * page can show it after a redirect and offer it as CSV. Findings quote rows of many children: read as a bulk read.
   */
  'upload-report': kind({
    type: 'upload-report', v: 1, writes: 'put', child: 'many',
    schema: z.object({
      ...key, type: z.literal('upload-report'), v: z.literal(1), id: z.string(), part: z.number(), parts: z.number(),
      createdAt: isoTime, createdBy: z.string(), expiresAt: z.number(), body: z.string(),
    }),
  }),
  /** Who read which child (or how many children, `count`, for a bulk read), when, through which capability. */
  audit: kind({
    type: 'audit', v: 1, writes: 'append-only',
    schema: z.object({
      ...key, type: z.literal('audit'), v: z.literal(1), at: isoTime, actor: ACTOR,
      /** The item kind read (`child`, `record`, …). */
      read: z.string(),
      child: z.optional(z.string()),
      count: z.optional(z.number()),
    }),
  }),
  /** One revision of a record: who changed which fields, before → after. */
  history: kind({
    type: 'history', v: 1, writes: 'append-only', child: (item) => item.child,
    schema: z.object({
      ...key, type: z.literal('history'), v: z.literal(1), collection: z.string(), id: z.string(), rev: z.number(),
      child: z.optional(z.string()), at: isoTime, actor: ACTOR,
      changes: z.array(z.object({ field: z.string(), before: z.optional(z.unknown()), after: z.optional(z.unknown()) })),
    }),
  }),
  /** A mutable practice record (allocation, review decision, dispute, feedback): fields checked by its collection's schema. */
  record: kind({
    type: 'record', v: 1, writes: 'revisioned', child: (item) => item.child,
    schema: z.object({
      ...key, type: z.literal('record'), v: z.literal(1), collection: z.string(), id: z.string(), rev: z.number(),
      child: z.optional(z.string()), fields: z.record(z.string(), z.unknown()),
      createdAt: isoTime, createdBy: z.string(), updatedAt: isoTime, updatedBy: z.string(),
    }),
  }),
};

export type ItemKinds = typeof ITEM_KINDS;
export type ItemType = keyof ItemKinds;
export type ItemOf<T extends ItemType> = z.infer<ItemKinds[T]['schema']>;
export type StoredItem = { [T in ItemType]: ItemOf<T> }[ItemType];
export type Actor = z.infer<typeof ACTOR>;

/** An item that does not match its kind's schema, or has no known kind: data damage or a writer's bug. */
export class CorruptItem extends Error {
  constructor(readonly pk: unknown, readonly sk: unknown, readonly type: unknown, readonly problem: string) {
    super(`corrupt item pk=${String(pk)} sk=${String(sk)} type=${String(type)}: ${problem}`);
    this.name = 'CorruptItem';
  }
}

function isItemType(type: unknown): type is ItemType {
  return typeof type === 'string' && Object.hasOwn(ITEM_KINDS, type);
}

export function kindOf(type: ItemType): KindSpec<ItemType, z.ZodMiniType> {
  return ITEM_KINDS[type] as KindSpec<ItemType, z.ZodMiniType>;
}

/** A CorruptItem for `raw` (pk, sk, type, problem in its message): whoever catches it logs it (API onError, the job wrapper). */
export function corrupt(raw: Record<string, unknown>, problem: string): CorruptItem {
  return new CorruptItem(raw.pk, raw.sk, raw.type, problem);
}

/** Parses a stored item against its kind (upgrading a pre-version item); `expected` narrows the accepted kind. */
export function parseItem<T extends ItemType = ItemType>(raw: Record<string, unknown>, expected?: T): T extends ItemType ? ItemOf<T> : never {
  if (!isItemType(raw.type)) throw corrupt(raw, 'unknown item type');
  if (expected !== undefined && raw.type !== expected) throw corrupt(raw, `expected a ${expected} item`);
  const spec = kindOf(raw.type);
  let item = raw;
  if (item.v === undefined) {
    if (!spec.legacy) throw corrupt(raw, 'no schema version (v) and no legacy mapping for this kind');
    item = spec.legacy(item);
  }
  if (item.v !== spec.v) throw corrupt(raw, `schema version ${String(item.v)} is not ${spec.v}`);
  const parsed = spec.schema.safeParse(item);
  if (!parsed.success) {
    throw corrupt(raw, parsed.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; '));
  }
  return parsed.data as T extends ItemType ? ItemOf<T> : never;
}

/** The child a child-level item is about; `many` for multi-child items; undefined for items about no child. */
export function childOf(item: StoredItem): string | 'many' | undefined {
  const how = kindOf(item.type).child;
  return how === 'many' ? 'many' : how?.(item as never);
}

/**
 * What gsi1 returns: its keys and the one projected attribute (table-schema.ts), no `type`. The rollup reads
 * only this, so it is parsed as a shape of its own.
 */
export const GSI1_ITEM = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string(), aggregate: z.string() });
export type Gsi1Item = z.infer<typeof GSI1_ITEM>;
