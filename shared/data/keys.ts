import { regionId } from '../domain/tenancy/regions.ts';
import type { DataScope, RegionScope, TenantScope } from './scopes.ts';

/**
 * THE ONLY PLACE KEY STRINGS ARE BUILT. The partition-key prefixes here are a security contract: the IAM
 * policies of the scoped data roles (infra) match `TENANT#<la>` / `TENANT#<la>#*`, `REGION#<r>` and `NATIONAL`.
 * Table design: README.md "Single-table design".
 */
export interface Key {
  pk: string;
  sk: string;
}

const tenantPk = (s: TenantScope) => `TENANT#${s.la}`;
const year = (y: number) => String(y);

/** Partition-key prefixes a scope may touch; ScopedTable refuses anything else. */
export function allowedPartitions(scope: DataScope): { exact: string[]; prefixes: string[] } {
  switch (scope.kind) {
    case 'tenant': return { exact: [tenantPk(scope)], prefixes: [`${tenantPk(scope)}#`] };
    case 'region': return { exact: [regionPk(scope)], prefixes: [] };
    case 'national': return { exact: ['NATIONAL'], prefixes: [] };
    case 'platform': return { exact: ['REGISTRY', 'JOBS'], prefixes: [] };
    case 'rollup': return { exact: ['REGISTRY', 'JOBS', 'NATIONAL'], prefixes: ['REGION#', 'SNAPSHOTS#'] };
  }
}

const regionPk = (s: RegionScope) => `REGION#${regionId(s.region)}`;

export const tenantKeys = {
  /** The pointer to the live dataset version of a collection year. */
  datasetPointer: (s: TenantScope, yearEnding: number): Key => ({ pk: tenantPk(s), sk: `DATASET#${year(yearEnding)}` }),
  datasetPointerPrefix: (s: TenantScope) => ({ pk: tenantPk(s), skPrefix: 'DATASET#' }),
  /** Manifest of a written version (writing | live | superseded): lets the sweep find orphans without a Scan. */
  versionManifest: (s: TenantScope, yearEnding: number, version: string): Key => ({ pk: tenantPk(s), sk: `VERSION#${year(yearEnding)}#${version}` }),
  versionManifestPrefix: (s: TenantScope) => ({ pk: tenantPk(s), skPrefix: 'VERSION#' }),
  /** All items of one dataset version share a partition, so one Query loads the LA's year. */
  datasetPartition: (s: TenantScope, yearEnding: number, version: string) => `${tenantPk(s)}#DS#${year(yearEnding)}#${version}`,
  child: (s: TenantScope, yearEnding: number, version: string, child: string): Key => ({
    pk: tenantKeys.datasetPartition(s, yearEnding, version),
    sk: `CHILD#${child}`,
  }),
  rawChunk: (s: TenantScope, yearEnding: number, version: string, table: string, chunk: number): Key => ({
    pk: tenantKeys.datasetPartition(s, yearEnding, version),
    sk: `RAW#${table}#${String(chunk).padStart(4, '0')}`,
  }),
  snapshot: (s: TenantScope, yearEnding: number): Key => ({ pk: tenantPk(s), sk: `SNAPSHOT#${year(yearEnding)}` }),
  snapshotPrefix: (s: TenantScope) => ({ pk: tenantPk(s), skPrefix: 'SNAPSHOT#' }),
  /** gsi1 attributes of an LA snapshot: the rollup job reads every LA of a year with one Query. */
  snapshotIndex: (s: TenantScope, yearEnding: number) => ({ gsi1pk: `SNAPSHOTS#${year(yearEnding)}`, gsi1sk: `LA#${s.la}` }),
};

export const aggregateKeys = {
  laSnapshotsOfYear: (yearEnding: number) => ({ indexName: 'gsi1', gsi1pk: `SNAPSHOTS#${year(yearEnding)}` }),
  region: (s: RegionScope, yearEnding: number): Key => ({ pk: regionPk(s), sk: `SNAPSHOT#${year(yearEnding)}` }),
  regionPrefix: (s: RegionScope) => ({ pk: regionPk(s), skPrefix: 'SNAPSHOT#' }),
  national: (yearEnding: number): Key => ({ pk: 'NATIONAL', sk: `SNAPSHOT#${year(yearEnding)}` }),
  nationalPrefix: () => ({ pk: 'NATIONAL', skPrefix: 'SNAPSHOT#' }),
};

export const platformKeys = {
  registryEntry: (la: string): Key => ({ pk: 'REGISTRY', sk: `LA#${la}` }),
  registryPrefix: () => ({ pk: 'REGISTRY', skPrefix: 'LA#' }),
  jobRun: (at: string, id: string): Key => ({ pk: 'JOBS', sk: `RUN#${at}#${id}` }),
  jobRunPrefix: () => ({ pk: 'JOBS', skPrefix: 'RUN#' }),
};
