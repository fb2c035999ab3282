import { randomUUID } from 'node:crypto';
import type { ChildRecords, LaDataset, RawTable } from '../../domain/ssda903/records.ts';
import { tenantKeys, type Key } from '../keys.ts';
import type { ItemOf } from '../items.ts';
import { ConditionFailed, type ScopedTable } from '../scoped-table.ts';
import type { TenantScope } from '../scopes.ts';

/**
 * An LA's 903 dataset for a collection year, stored as an immutable VERSION and published by flipping a
 * pointer with a conditional write (dynalite has no transactions; DynamoDB's cap at 100 items anyway).
 *
 *   TENANT#<la>            DATASET#<year>              pointer → live version, row counts
 *   TENANT#<la>            VERSION#<year>#<version>    manifest: writing | live | superseded (for the sweep)
 *   TENANT#<la>#DS#<year>#<version>  CHILD#<child>     one child's whole timeline (JSON): one GetItem
 *   TENANT#<la>#DS#<year>#<version>  RAW#<table>#<n>   the uploaded table verbatim, in chunks under 400 KB
 *
 * Readers always go through the pointer, so they see the old dataset or the new one, never a mix.
 */
type TenantTable = ScopedTable<TenantScope>;

export interface DatasetPointer {
  yearEnding: number;
  version: string;
  uploadedAt: string;
  counts: Record<string, number>;
}

export class ConcurrentUpload extends Error {
  constructor(yearEnding: number) {
    super(`another upload for ${yearEnding} finished first; reload and try again`);
    this.name = 'ConcurrentUpload';
  }
}

/**
 * A dataset DynamoDB cannot hold: an item over its 400 KB item limit (a child with thousands of rows). Raised
 * before anything is written, or after a refused write once what was written is removed.
 */
export class DatasetNotWritable extends Error {
  constructor(readonly item: string, readonly bytes: number) {
    super(`${item} would be ${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB, over DynamoDB's limit of ${MAX_ITEM_BYTES / 1024} KB for one item; split or correct that child's rows`);
    this.name = 'DatasetNotWritable';
  }
}

/** DynamoDB's item size limit. */
const MAX_ITEM_BYTES = 400 * 1024;
/** Chunk raw rows so each item stays well below DynamoDB's 400 KB item limit. */
const RAW_CHUNK_BYTES = 300_000;

type StoredItem = Key & Record<string, string | number | string[]>;

/**
 * An item's size as DynamoDB counts it: the UTF-8 bytes of each attribute name and string value; a list adds
 * 3 bytes and 1 per element; a number at most 21 bytes. Our items hold strings, lists of strings and small numbers.
 */
function itemBytes(item: StoredItem): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name);
    if (typeof value === 'number') bytes += 21;
    else bytes += typeof value === 'string' ? Buffer.byteLength(value) : value.reduce((n, v) => n + Buffer.byteLength(v) + 1, 3);
  }
  return bytes;
}

/** What an item of a version holds, for messages, with its size. */
interface SizedItem {
  item: string;
  bytes: number;
}

export function newVersion(now = new Date()): string {
  // Sortable by time, unique across concurrent writers.
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
}

export async function getPointer(table: TenantTable, yearEnding: number): Promise<DatasetPointer | undefined> {
  const item = await table.get(tenantKeys.datasetPointer(table.scope, yearEnding), 'dataset-pointer');
  return item && toPointer(item);
}

function toPointer({ yearEnding, version, uploadedAt, counts }: ItemOf<'dataset-pointer'>): DatasetPointer {
  return { yearEnding, version, uploadedAt, counts };
}

/** Every collection year's live pointer, oldest year first (the sort key `DATASET#<yyyy>` orders them). */
export async function listPointers(table: TenantTable): Promise<DatasetPointer[]> {
  const { pk, skPrefix } = tenantKeys.datasetPointerPrefix(table.scope);
  return (await table.query(pk, { skPrefix, type: 'dataset-pointer' })).map(toPointer);
}

function rawItems(table: TenantTable, yearEnding: number, version: string, raw: RawTable[]): StoredItem[] {
  const items: StoredItem[] = [];
  for (const t of raw) {
    let chunk: string[][] = [];
    let bytes = 0;
    let n = 0;
    const flush = () => {
      items.push({ ...tenantKeys.rawChunk(table.scope, yearEnding, version, t.table, n++), type: 'raw', v: 1, table: t.table, columns: t.columns, rows: JSON.stringify(chunk) });
      chunk = [];
      bytes = 0;
    };
    for (const row of t.rows) {
      const size = row.reduce((sum, cell) => sum + cell.length + 3, 2);
      if (bytes + size > RAW_CHUNK_BYTES && chunk.length > 0) flush();
      chunk.push(row);
      bytes += size;
    }
    if (chunk.length > 0 || n === 0) flush();
  }
  return items;
}

export interface ReplaceOptions {
  /** The version read before validation; the flip fails (409) if another upload moved the pointer since. */
  expectedVersion: string | null;
  concurrency?: number;
  onProgress?: (written: number, total: number) => void;
}

/**
 * Writes a new version, then flips the pointer expecting `expectedVersion`. Returns the new pointer.
 * Nothing is written when an item would exceed DynamoDB's limit (DatasetNotWritable) or when the pointer has
 * already moved (ConcurrentUpload: a loser fails fast). A version that cannot be published (its write failed or
 * it lost the conditional flip, the real guard) is removed before the error is raised; only a crash leaves one
 * `writing` for the sweep.
 */
export async function replaceDataset(
  table: TenantTable,
  dataset: LaDataset,
  raw: RawTable[],
  options: ReplaceOptions,
): Promise<DatasetPointer> {
  const { yearEnding } = dataset;
  const version = newVersion();
  const items: StoredItem[] = [
    ...dataset.children.map((c) => ({ ...tenantKeys.child(table.scope, yearEnding, version, c.child), type: 'child', v: 1, child: c.child, data: JSON.stringify(c) })),
    ...rawItems(table, yearEnding, version, raw),
  ];
  const sized: SizedItem[] = items.map((item, i) => ({
    item: i < dataset.children.length ? `the record of child ${dataset.children[i]!.child}` : `a chunk of the ${String(item.table)} table`,
    bytes: itemBytes(item),
  }));
  const oversized = sized.find((i) => i.bytes > MAX_ITEM_BYTES);
  if (oversized) throw new DatasetNotWritable(oversized.item, oversized.bytes);
  const current = await getPointer(table, yearEnding);
  if ((current?.version ?? null) !== options.expectedVersion) throw new ConcurrentUpload(yearEnding);

  const startedAt = new Date().toISOString();
  await table.put({ ...tenantKeys.versionManifest(table.scope, yearEnding, version), type: 'dataset-version', v: 1, yearEnding, version, status: 'writing', startedAt });
  try {
    await table.batchPut(items, {
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      onProgress: (written) => options.onProgress?.(written, items.length),
    });
  } catch (error) {
    // Best effort: when the store itself has gone, the sweep removes the `writing` version later.
    await removeVersion(table, yearEnding, version).catch(() => undefined);
    if ((error as Error).name === 'ValidationException') {
      // DynamoDB does not say which item it refused: name the largest.
      const largest = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      throw new DatasetNotWritable(largest.item, largest.bytes);
    }
    throw error;
  }

  const counts = Object.fromEntries(raw.map((t) => [t.table, t.rows.length]));
  const pointer: DatasetPointer = { yearEnding, version, uploadedAt: new Date().toISOString(), counts };
  try {
    await table.put(
      { ...tenantKeys.datasetPointer(table.scope, yearEnding), type: 'dataset-pointer', v: 1, ...pointer },
      options.expectedVersion === null
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :expected', values: { ':expected': options.expectedVersion } },
    );
  } catch (error) {
    if (error instanceof ConditionFailed) {
      await removeVersion(table, yearEnding, version);
      throw new ConcurrentUpload(yearEnding);
    }
    throw error;
  }
  await markVersion(table, yearEnding, version, 'live');
  if (options.expectedVersion) await markVersion(table, yearEnding, options.expectedVersion, 'superseded');
  return pointer;
}

/** Every item of a version's partition, then its manifest (last, so a failure half-way leaves it for the sweep). */
/** Deletes a version's items and manifest. Keys only: deleting reads no child's record (nothing to audit). */
async function removeVersion(table: TenantTable, yearEnding: number, version: string): Promise<void> {
  await table.batchDelete(await table.queryKeys(tenantKeys.datasetPartition(table.scope, yearEnding, version)));
  await table.delete(tenantKeys.versionManifest(table.scope, yearEnding, version));
}

async function markVersion(table: TenantTable, yearEnding: number, version: string, status: 'live' | 'superseded') {
  await table.put({ ...tenantKeys.versionManifest(table.scope, yearEnding, version), type: 'dataset-version', v: 1, yearEnding, version, status, markedAt: new Date().toISOString() });
}

/** The dataset a pointer names: one Query of its version partition. */
export async function loadDatasetAt(table: TenantTable, pointer: DatasetPointer): Promise<LaDataset> {
  const { pk, skPrefix } = tenantKeys.childPrefix(table.scope, pointer.yearEnding, pointer.version);
  const items = await table.query(pk, { skPrefix, type: 'child' });
  return { yearEnding: pointer.yearEnding, children: items.map((i) => JSON.parse(i.data) as ChildRecords) };
}

/** The live dataset of every stored year, oldest first: what the look-back metrics, the worklist and the practice generator read. */
export async function loadLiveYears(table: TenantTable): Promise<{ pointer: DatasetPointer; dataset: LaDataset }[]> {
  const pointers = await listPointers(table);
  return Promise.all(pointers.map(async (pointer) => ({ pointer, dataset: await loadDatasetAt(table, pointer) })));
}

/** The live dataset of a year: the pointer, then one Query. */
export async function loadDataset(table: TenantTable, yearEnding: number): Promise<{ pointer: DatasetPointer; dataset: LaDataset } | undefined> {
  const pointer = await getPointer(table, yearEnding);
  return pointer && { pointer, dataset: await loadDatasetAt(table, pointer) };
}

/** One child's timeline in the version a pointer names: one GetItem. */
export async function getChildAt(table: TenantTable, pointer: DatasetPointer, child: string): Promise<ChildRecords | undefined> {
  const item = await table.get(tenantKeys.child(table.scope, pointer.yearEnding, pointer.version, child), 'child');
  return item && (JSON.parse(item.data) as ChildRecords);
}
/**
 * Removes superseded versions and versions orphaned by a crash mid-write (still `writing` after `graceMs`).
 * Run by the tenant job, never by an upload request. Returns the versions removed.
 */
export async function sweepVersions(table: TenantTable, graceMs = 15 * 60_000, now = Date.now()): Promise<string[]> {
  const { pk, skPrefix } = tenantKeys.versionManifestPrefix(table.scope);
  const manifests = await table.query(pk, { skPrefix, type: 'dataset-version' });
  const live = new Set((await listPointers(table)).map((p) => `${p.yearEnding}#${p.version}`));
  const removed: string[] = [];
  for (const m of manifests) {
    const id = `${m.yearEnding}#${m.version}`;
    if (live.has(id)) continue;
    const stale = m.status === 'superseded' || (m.status === 'writing' && now - Date.parse(m.startedAt ?? '') > graceMs);
    if (!stale) continue;
    await removeVersion(table, m.yearEnding, m.version);
    removed.push(id);
  }
  return removed;
}
