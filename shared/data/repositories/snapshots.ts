import { createHash } from 'node:crypto';
import type { LaSnapshot, NationalSnapshot, RegionalSnapshot } from '../../domain/rollup/types.ts';
import { aggregateKeys, tenantKeys } from '../keys.ts';
import type { ItemOf } from '../items.ts';
import { ConditionFailed, type ScopedTable } from '../scoped-table.ts';
import type { DataScope, NationalScope, RegionScope, TenantScope } from '../scopes.ts';
import { regionScope } from '../scopes.ts';

type RollupTable = ScopedTable<Extract<DataScope, { kind: 'rollup' }>>;

/**
 * Bump when the metrics engine changes what a snapshot holds, so the next run recomputes instead of treating
 * an unchanged dataset version and as-at date as "already done".
 */
export const ENGINE_VERSION = 1;

/** Bump when disclosure control or the aggregate shape changes, so aggregates are rebuilt from unchanged inputs. */
export const AGGREGATE_VERSION = 1;

export interface StoredSnapshot<T> {
  snapshot: T;
  computedAt: string;
  /** Hash of the stored JSON: the HTTP ETag. */
  etag: string;
}

type SnapshotType = 'la-snapshot' | 'region-snapshot' | 'national-snapshot';

function unwrap<T>(item: ItemOf<SnapshotType> | undefined): StoredSnapshot<T> | undefined {
  return item && { snapshot: JSON.parse(item.data) as T, computedAt: item.computedAt, etag: item.etag };
}

function digest(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 27);
}

/**
 * Writes an LA snapshot unless one from the same inputs is already stored: same dataset versions (this year's
 * and the earlier years it looks back on, `inputs`), as-at date and engine version. A redelivered message is a
 * no-op. Returns whether it wrote.
 */
export async function putLaSnapshot(table: ScopedTable<TenantScope>, snapshot: LaSnapshot, inputs: string = snapshot.datasetVersion): Promise<boolean> {
  const data = JSON.stringify(snapshot);
  try {
    await table.put(
      {
        ...tenantKeys.snapshot(table.scope, snapshot.yearEnding),
        ...tenantKeys.snapshotIndex(table.scope, snapshot.yearEnding),
        type: 'la-snapshot',
        v: 1,
        inputs,
        asAt: snapshot.asAt,
        engineVersion: ENGINE_VERSION,
        computedAt: new Date().toISOString(),
        etag: digest(data),
        data,
      },
      {
        expression: 'attribute_not_exists(pk) OR inputs <> :i OR asAt <> :a OR engineVersion <> :e',
        values: { ':i': inputs, ':a': snapshot.asAt, ':e': ENGINE_VERSION },
      },
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

/** The snapshot of `yearEnding`, or the latest year's when absent: one GetItem, or one Query of limit 1. */
async function readSnapshot<T>(table: ScopedTable, type: SnapshotType, key: (year: number) => { pk: string; sk: string }, prefix: { pk: string; skPrefix: string }, yearEnding?: number) {
  if (yearEnding !== undefined) return unwrap<T>(await table.get(key(yearEnding), type));
  const [latest] = await table.query(prefix.pk, { skPrefix: prefix.skPrefix, descending: true, limit: 1, type });
  return unwrap<T>(latest);
}

export function getLaSnapshot(table: ScopedTable<TenantScope>, yearEnding?: number) {
  return readSnapshot<LaSnapshot>(table, 'la-snapshot', (y) => tenantKeys.snapshot(table.scope, y), tenantKeys.snapshotPrefix(table.scope), yearEnding);
}

/** Every LA's snapshot of a year (gsi1): the rollup's whole input in one Query. */
export async function listLaSnapshotsOfYear(table: RollupTable, yearEnding: number): Promise<{ snapshots: LaSnapshot[]; sourceStamp: string }> {
  const items = await table.queryIndex(aggregateKeys.laSnapshotsOfYear(yearEnding), 'la-snapshot');
  const sourceStamp = items.reduce((max, i) => (i.computedAt > max ? i.computedAt : max), '');
  return { snapshots: items.map((i) => JSON.parse(i.data) as LaSnapshot), sourceStamp };
}

/**
 * Aggregates are rewritten whole from the full set of LA snapshots, stamped with the newest input's time.
 * A rollup that read an older set (a late or out-of-order message) cannot overwrite one built from a newer set.
 */
async function putAggregate(table: RollupTable, key: { pk: string; sk: string }, type: 'region-snapshot' | 'national-snapshot', snapshot: object, sourceStamp: string): Promise<boolean> {
  const data = JSON.stringify(snapshot);
  try {
    await table.put(
      { ...key, type, v: 1, sourceStamp, aggregateVersion: AGGREGATE_VERSION, computedAt: new Date().toISOString(), etag: digest(data), data },
      { expression: 'attribute_not_exists(pk) OR sourceStamp <= :s', values: { ':s': sourceStamp } },
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

export function putRegionalSnapshot(table: RollupTable, snapshot: RegionalSnapshot, sourceStamp: string): Promise<boolean> {
  return putAggregate(table, aggregateKeys.region(regionScope(snapshot.region), snapshot.yearEnding), 'region-snapshot', snapshot, sourceStamp);
}

/**
 * True when the year's aggregates were already built from inputs this new (the national item is written last,
 * so it stands for the whole set): a queued rollup behind a newer one has nothing to do.
 */
export async function aggregatesUpToDate(table: RollupTable, yearEnding: number, sourceStamp: string): Promise<boolean> {
  const item = await table.get(aggregateKeys.national(yearEnding), 'national-snapshot');
  return item !== undefined && item.aggregateVersion === AGGREGATE_VERSION && item.sourceStamp >= sourceStamp;
}

export function putNationalSnapshot(table: RollupTable, snapshot: NationalSnapshot, sourceStamp: string): Promise<boolean> {
  return putAggregate(table, aggregateKeys.national(snapshot.yearEnding), 'national-snapshot', snapshot, sourceStamp);
}

export function getRegionalSnapshot(table: ScopedTable<RegionScope>, yearEnding?: number) {
  return readSnapshot<RegionalSnapshot>(table, 'region-snapshot', (y) => aggregateKeys.region(table.scope, y), aggregateKeys.regionPrefix(table.scope), yearEnding);
}

export function getNationalSnapshot(table: ScopedTable<NationalScope>, yearEnding?: number) {
  return readSnapshot<NationalSnapshot>(table, 'national-snapshot', aggregateKeys.national, aggregateKeys.nationalPrefix(), yearEnding);
}
