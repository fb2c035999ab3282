import { createHash } from 'node:crypto';
import type { LaSnapshot, NationalSnapshot, RegionalSnapshot } from '../../domain/rollup/types.ts';
import { aggregateKeys, tenantKeys } from '../keys.ts';
import type { ItemOf } from '../items.ts';
import { AGGREGATE_ATTRIBUTE } from '../table-schema.ts';
import { listTenants } from './registry.ts';
import { ConditionFailed, type ScopedTable } from '../scoped-table.ts';
import type { DataScope, NationalScope, RegionScope, TenantScope } from '../scopes.ts';
import { regionScope } from '../scopes.ts';

type RollupTable = ScopedTable<Extract<DataScope, { kind: 'rollup' }>>;

/**
 * Bump when the metrics engine changes what a snapshot holds, so the next run recomputes instead of treating
 * an unchanged dataset version and as-at date as "already done". 2: overdue list moved to its own item. 3: metric 9.
 */
export const ENGINE_VERSION = 3;

/** Bump when disclosure control or the aggregate shape changes, so aggregates are rebuilt from unchanged inputs. 2: input-set stamp. 3: metric 9. */
export const AGGREGATE_VERSION = 3;

export interface StoredSnapshot<T> {
  snapshot: T;
  computedAt: string;
  /** Hash of the stored JSON: the HTTP ETag. */
  etag: string;
}

type SnapshotType = 'la-snapshot' | 'region-snapshot' | 'national-snapshot';

function unwrap<T>(item: ItemOf<SnapshotType> | undefined): StoredSnapshot<T> | undefined {
  return item && { snapshot: JSON.parse(item.type === 'la-snapshot' ? item[AGGREGATE_ATTRIBUTE] : item.data) as T, computedAt: item.computedAt, etag: item.etag };
}

function digest(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 27);
}

/** Writes only when the stored item was computed from other inputs, as-at date or engine version. */
const NEW_INPUTS = 'attribute_not_exists(pk) OR inputs <> :i OR asAt <> :a OR engineVersion <> :e';

/**
 * Writes an LA snapshot unless one from the same inputs is already stored: same dataset versions (this year's
 * and the earlier years it looks back on, `inputs`), as-at date and engine version. A redelivered message is a
 * no-op. The snapshot (indexed for the rollup) holds the child-free figures only: which children's reviews are
 * overdue is the worklist's (worklist.ts), read from the stored returns and practice records.
 * Returns whether the snapshot was written.
 */
export async function putLaSnapshot(table: ScopedTable<TenantScope>, snapshot: LaSnapshot, inputs: string = snapshot.datasetVersion): Promise<boolean> {
  const aggregate = JSON.stringify(snapshot);
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
        etag: digest(aggregate),
        [AGGREGATE_ATTRIBUTE]: aggregate,
      },
      { expression: NEW_INPUTS, values: { ':i': inputs, ':a': snapshot.asAt, ':e': ENGINE_VERSION } },
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

/** Every stored year's snapshot of the LA, oldest year first: one Query (the LA dashboard's trend). */
export async function listLaSnapshots(table: ScopedTable<TenantScope>): Promise<StoredSnapshot<LaSnapshot>[]> {
  const { pk, skPrefix } = tenantKeys.snapshotPrefix(table.scope);
  return (await table.query(pk, { skPrefix, type: 'la-snapshot' })).map((item) => unwrap<LaSnapshot>(item)!);
}

/** What one rollup read: the valid LA snapshots, a digest of exactly that set, and the gsi1 items it refused. */
export interface RollupInputs {
  snapshots: LaSnapshot[];
  /** Changes whenever any input is added, changed or removed: the aggregates are current iff they carry it. */
  inputSet: string;
  ignored: { pk: unknown; sk: unknown; gsi1sk: unknown; reason: string }[];
}

/**
 * Every LA's snapshot of a year (gsi1, one Query): the rollup's whole input. Identity comes from the item's
 * partition key (the one thing a tenant's credentials cannot choose) and name and region from the registry;
 * whatever the stored body says about its LA is ignored, and an item whose keys disagree is refused.
 */
export async function readRollupInputs(table: RollupTable, yearEnding: number): Promise<RollupInputs> {
  const [items, registry] = await Promise.all([table.queryIndex(aggregateKeys.laSnapshotsOfYear(yearEnding)), listTenants(table)]);
  const byCode = new Map(registry.map((la) => [la.code, la]));
  const snapshots: LaSnapshot[] = [];
  const members: string[] = [];
  const ignored: RollupInputs['ignored'] = [];
  for (const item of items) {
    const owner = aggregateKeys.snapshotOwner(yearEnding, item);
    const la = owner === undefined ? undefined : byCode.get(owner);
    if (!la) {
      ignored.push({ pk: item.pk, sk: item.sk, gsi1sk: item.gsi1sk, reason: owner === undefined ? 'keys disagree' : 'LA not in the registry' });
      continue;
    }
    const body = item[AGGREGATE_ATTRIBUTE];
    const stored = JSON.parse(body) as LaSnapshot;
    snapshots.push({ ...stored, la: la.code, name: la.name, region: la.region, yearEnding });
    members.push(`${la.code}:${digest(body)}`);
  }
  return { snapshots, inputSet: digest(members.sort().join('\n')), ignored };
}

/** Stamp of a rollup: when it read its inputs, and which set it read. */
export interface AggregateStamp {
  readAt: string;
  inputSet: string;
}

/**
 * Aggregates are rewritten whole from the full set of LA snapshots. A rollup that read earlier (a late or
 * out-of-order message) cannot overwrite one that read later, whatever either set held.
 */
async function putAggregate(table: RollupTable, key: { pk: string; sk: string }, type: 'region-snapshot' | 'national-snapshot', snapshot: object, stamp: AggregateStamp): Promise<boolean> {
  const data = JSON.stringify(snapshot);
  try {
    await table.put(
      { ...key, type, v: 1, ...stamp, aggregateVersion: AGGREGATE_VERSION, computedAt: new Date().toISOString(), etag: digest(data), data },
      { expression: 'attribute_not_exists(readAt) OR readAt <= :r', values: { ':r': stamp.readAt } },
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

export function putRegionalSnapshot(table: RollupTable, snapshot: RegionalSnapshot, stamp: AggregateStamp): Promise<boolean> {
  return putAggregate(table, aggregateKeys.region(regionScope(snapshot.region), snapshot.yearEnding), 'region-snapshot', snapshot, stamp);
}

/**
 * True when the year's aggregates were built from exactly this set of inputs (the national item is written
 * last, so it stands for the whole set): a queued rollup with nothing added, changed or removed has nothing to do.
 */
export async function aggregatesUpToDate(table: RollupTable, yearEnding: number, inputSet: string): Promise<boolean> {
  const item = await table.get(aggregateKeys.national(yearEnding), 'national-snapshot');
  return item !== undefined && item.aggregateVersion === AGGREGATE_VERSION && item.inputSet === inputSet;
}

export function putNationalSnapshot(table: RollupTable, snapshot: NationalSnapshot, stamp: AggregateStamp): Promise<boolean> {
  return putAggregate(table, aggregateKeys.national(snapshot.yearEnding), 'national-snapshot', snapshot, stamp);
}

export function getRegionalSnapshot(table: ScopedTable<RegionScope>, yearEnding?: number) {
  return readSnapshot<RegionalSnapshot>(table, 'region-snapshot', (y) => aggregateKeys.region(table.scope, y), aggregateKeys.regionPrefix(table.scope), yearEnding);
}

/** Every stored year's national snapshot (regions and England), oldest year first: one Query. */
export async function listNationalSnapshots(table: ScopedTable<NationalScope>): Promise<StoredSnapshot<NationalSnapshot>[]> {
  const { pk, skPrefix } = aggregateKeys.nationalPrefix();
  return (await table.query(pk, { skPrefix, type: 'national-snapshot' })).map((item) => unwrap<NationalSnapshot>(item)!);
}

export function getNationalSnapshot(table: ScopedTable<NationalScope>, yearEnding?: number) {
  return readSnapshot<NationalSnapshot>(table, 'national-snapshot', aggregateKeys.national, aggregateKeys.nationalPrefix(), yearEnding);
}

/** Every stored year's snapshot of the region (its LAs and total), oldest year first: one Query (the regional trends). */
export async function listRegionalSnapshots(table: ScopedTable<RegionScope>): Promise<StoredSnapshot<RegionalSnapshot>[]> {
  const { pk, skPrefix } = aggregateKeys.regionPrefix(table.scope);
  return (await table.query(pk, { skPrefix, type: 'region-snapshot' })).map((item) => unwrap<RegionalSnapshot>(item)!);
}
