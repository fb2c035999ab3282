import { randomUUID } from 'node:crypto';
import type { ChildRecords, LaDataset, RawTable } from '../../domain/ssda903/records.ts';
import { tenantKeys } from '../keys.ts';
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

/** Chunk raw rows so each item stays well below DynamoDB's 400 KB item limit. */
const RAW_CHUNK_BYTES = 300_000;

export function newVersion(now = new Date()): string {
  // Sortable by time, unique across concurrent writers.
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
}

export async function getPointer(table: TenantTable, yearEnding: number): Promise<DatasetPointer | undefined> {
  const item = await table.get(tenantKeys.datasetPointer(table.scope, yearEnding));
  return item && { yearEnding, version: item.version as string, uploadedAt: item.uploadedAt as string, counts: item.counts as Record<string, number> };
}

export async function listPointers(table: TenantTable): Promise<DatasetPointer[]> {
  const { pk, skPrefix } = tenantKeys.datasetPointerPrefix(table.scope);
  return (await table.query(pk, { skPrefix })).map((item) => ({
    yearEnding: Number(item.yearEnding),
    version: item.version as string,
    uploadedAt: item.uploadedAt as string,
    counts: item.counts as Record<string, number>,
  }));
}

function rawItems(table: TenantTable, yearEnding: number, version: string, raw: RawTable[]) {
  const items: ({ pk: string; sk: string } & Record<string, unknown>)[] = [];
  for (const t of raw) {
    let chunk: string[][] = [];
    let bytes = 0;
    let n = 0;
    const flush = () => {
      items.push({ ...tenantKeys.rawChunk(table.scope, yearEnding, version, t.table, n++), type: 'raw', table: t.table, columns: t.columns, rows: JSON.stringify(chunk) });
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

/** Writes a new version, then flips the pointer expecting `expectedVersion`. Returns the new pointer. */
export async function replaceDataset(
  table: TenantTable,
  dataset: LaDataset,
  raw: RawTable[],
  options: ReplaceOptions,
): Promise<DatasetPointer> {
  const { yearEnding } = dataset;
  const version = newVersion();
  const startedAt = new Date().toISOString();
  await table.put({ ...tenantKeys.versionManifest(table.scope, yearEnding, version), type: 'dataset-version', yearEnding, version, status: 'writing', startedAt });

  const items = [
    ...dataset.children.map((c) => ({ ...tenantKeys.child(table.scope, yearEnding, version, c.child), type: 'child', data: JSON.stringify(c) })),
    ...rawItems(table, yearEnding, version, raw),
  ];
  await table.batchPut(items, {
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    onProgress: (written) => options.onProgress?.(written, items.length),
  });

  const counts = Object.fromEntries(raw.map((t) => [t.table, t.rows.length]));
  const pointer: DatasetPointer = { yearEnding, version, uploadedAt: new Date().toISOString(), counts };
  try {
    await table.put(
      { ...tenantKeys.datasetPointer(table.scope, yearEnding), type: 'dataset-pointer', ...pointer },
      options.expectedVersion === null
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :expected', values: { ':expected': options.expectedVersion } },
    );
  } catch (error) {
    if (error instanceof ConditionFailed) {
      await markVersion(table, yearEnding, version, 'superseded');
      throw new ConcurrentUpload(yearEnding);
    }
    throw error;
  }
  await markVersion(table, yearEnding, version, 'live');
  if (options.expectedVersion) await markVersion(table, yearEnding, options.expectedVersion, 'superseded');
  return pointer;
}

async function markVersion(table: TenantTable, yearEnding: number, version: string, status: 'live' | 'superseded') {
  await table.put({ ...tenantKeys.versionManifest(table.scope, yearEnding, version), type: 'dataset-version', yearEnding, version, status, markedAt: new Date().toISOString() });
}

/** The dataset a pointer names: one Query of its version partition. */
export async function loadDatasetAt(table: TenantTable, pointer: DatasetPointer): Promise<LaDataset> {
  const { pk, skPrefix } = tenantKeys.childPrefix(table.scope, pointer.yearEnding, pointer.version);
  const items = await table.query(pk, { skPrefix });
  return { yearEnding: pointer.yearEnding, children: items.map((i) => JSON.parse(i.data as string) as ChildRecords) };
}

/** The live dataset of a year: the pointer, then one Query. */
export async function loadDataset(table: TenantTable, yearEnding: number): Promise<{ pointer: DatasetPointer; dataset: LaDataset } | undefined> {
  const pointer = await getPointer(table, yearEnding);
  return pointer && { pointer, dataset: await loadDatasetAt(table, pointer) };
}

/** One child's timeline in the version a pointer names: one GetItem. */
export async function getChildAt(table: TenantTable, pointer: DatasetPointer, child: string): Promise<ChildRecords | undefined> {
  const item = await table.get(tenantKeys.child(table.scope, pointer.yearEnding, pointer.version, child));
  return item && (JSON.parse(item.data as string) as ChildRecords);
}
/**
 * Removes superseded versions and versions orphaned by a crash mid-write (still `writing` after `graceMs`).
 * Run by the tenant job, never by an upload request. Returns the versions removed.
 */
export async function sweepVersions(table: TenantTable, graceMs = 15 * 60_000, now = Date.now()): Promise<string[]> {
  const { pk, skPrefix } = tenantKeys.versionManifestPrefix(table.scope);
  const manifests = await table.query(pk, { skPrefix });
  const live = new Set((await listPointers(table)).map((p) => `${p.yearEnding}#${p.version}`));
  const removed: string[] = [];
  for (const m of manifests) {
    const id = `${m.yearEnding}#${m.version}`;
    if (live.has(id)) continue;
    const stale = m.status === 'superseded' || (m.status === 'writing' && now - Date.parse(m.startedAt as string) > graceMs);
    if (!stale) continue;
    const partition = tenantKeys.datasetPartition(table.scope, Number(m.yearEnding), m.version as string);
    const keys = (await table.query(partition)).map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
    await table.batchDelete(keys);
    await table.delete({ pk: m.pk as string, sk: m.sk as string });
    removed.push(id);
  }
  return removed;
}
