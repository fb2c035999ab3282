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

/*
 * Practice records, their history and the audit trail (issue 9). These partitions sit under `TENANT#<la>#` (so the
 * tenant's scoped role reaches them) but never under `TENANT#<la>#DS#`, the only partitions an upload's sweep deletes.
 */
const REVISION_DIGITS = 10;
const revision = (rev: number) => String(rev).padStart(REVISION_DIGITS, '0');

export const recordKeys = {
  /** One partition per collection of records (e.g. review decisions): `listRecords` is one paged Query. */
  collection: (s: TenantScope, collection: string) => `${tenantPk(s)}#REC#${collection}`,
  record: (s: TenantScope, collection: string, id: string): Key => ({ pk: recordKeys.collection(s, collection), sk: `REC#${id}` }),
  recordPrefix: (s: TenantScope, collection: string) => ({ pk: recordKeys.collection(s, collection), skPrefix: 'REC#' }),
  /** History item of one revision, beside its record; zero-padded so a Query returns revisions in order. */
  history: (s: TenantScope, collection: string, id: string, rev: number): Key => ({
    pk: recordKeys.collection(s, collection),
    sk: `HIST#${id}#${revision(rev)}`,
  }),
  historyPrefix: (s: TenantScope, collection: string, id: string) => ({ pk: recordKeys.collection(s, collection), skPrefix: `HIST#${id}#` }),
};

export const auditKeys = {
  /** Reads of one child, newest last in sort order (`listAuditForChild` queries descending). */
  childPartition: (s: TenantScope, child: string) => `${tenantPk(s)}#AUDIT#CHILD#${child}`,
  /** Reads of many children at once (the children list, a job loading an LA-year): one entry per read. */
  bulkPartition: (s: TenantScope) => `${tenantPk(s)}#AUDIT#BULK`,
  entry: (pk: string, at: string, id: string): Key => ({ pk, sk: `AT#${at}#${id}` }),
  entryPrefix: () => 'AT#',
};

/** Keys no code may overwrite or delete: audit entries and record history are append-only. */
export function isAppendOnlyKey(key: Key): boolean {
  return key.pk.includes('#AUDIT#') || key.sk.startsWith('HIST#');
}

/** Revisioned records change only through ScopedTable.update (which writes their history). */
export function isRevisionedKey(key: Key): boolean {
  return key.pk.includes('#REC#') && key.sk.startsWith('REC#');
}

/** The child id of a child-timeline sort key (`CHILD#<child>`): used to read items stored before `child` was an attribute. */
export function childOfTimelineKey(sk: string): string | undefined {
  return sk.startsWith('CHILD#') ? sk.slice('CHILD#'.length) : undefined;
}
