import { regionId } from '../domain/tenancy/regions.ts';
import { isLaCode, tenantScope, type DataScope, type RegionScope, type TenantScope } from './scopes.ts';

/**
 * THE ONLY PLACE KEY STRINGS ARE BUILT. The partition patterns here are a security contract: they make both the
 * application guard (ScopedTable, `allowedPartitions`) and the IAM `dynamodb:LeadingKeys` of every scoped role
 * (infra, `leadingKeys`), so the two guards cannot drift. Table design: README.md "Single-table design".
 */
export interface Key {
  pk: string;
  sk: string;
}

/** Partitions a role may touch: exact partition keys, and prefixes ending in `#` (so TENANT#88 never covers TENANT#886). */
export interface Partitions {
  exact: readonly string[];
  prefixes: readonly string[];
}

const tenantPartition = (la: string) => `TENANT#${la}`;
const regionPartition = (id: string) => `REGION#${id}`;
const snapshotsPartition = (yearEnding: string) => `SNAPSHOTS#${yearEnding}`;
const NATIONAL = 'NATIONAL';
const REGISTRY = 'REGISTRY';
const JOBS = 'JOBS';

/**
 * Each partition family once. `tenant` and `region` take the scope's value, or an IAM policy variable such as
 * `${aws:PrincipalTag/tenant}` when infra builds a role's LeadingKeys from the same pattern.
 */
export const PARTITIONS = {
  /** An LA's items and its dataset-version partitions (`TENANT#<la>#DS#…`). */
  tenant: (la: string): Partitions => ({ exact: [tenantPartition(la)], prefixes: [`${tenantPartition(la)}#`] }),
  region: (id: string): Partitions => ({ exact: [regionPartition(id)], prefixes: [] }),
  everyRegion: { exact: [], prefixes: [regionPartition('')] } as Partitions,
  national: { exact: [NATIONAL], prefixes: [] } as Partitions,
  registry: { exact: [REGISTRY], prefixes: [] } as Partitions,
  jobs: { exact: [JOBS], prefixes: [] } as Partitions,
  /** gsi1 partitions (`SNAPSHOTS#<year>`): every LA's aggregate of a year, for the rollup only. */
  snapshotIndex: { exact: [], prefixes: [snapshotsPartition('')] } as Partitions,
};

function unionOf(...sets: Partitions[]): Partitions {
  return { exact: sets.flatMap((p) => p.exact), prefixes: sets.flatMap((p) => p.prefixes) };
}

/** The `dynamodb:LeadingKeys` StringLike patterns of a set of partitions (a prefix `X#` becomes `X#*`). */
export function leadingKeys(...sets: Partitions[]): string[] {
  const all = unionOf(...sets);
  return [...all.exact, ...all.prefixes.map((prefix) => `${prefix}*`)];
}

const tenantPk = (s: TenantScope) => tenantPartition(s.la);
const regionPk = (s: RegionScope) => regionPartition(regionId(s.region));
const year = (y: number) => String(y);

/** Partitions a scope may touch; ScopedTable refuses anything else. */
export function allowedPartitions(scope: DataScope): Partitions {
  switch (scope.kind) {
    case 'tenant': return PARTITIONS.tenant(scope.la);
    case 'region': return PARTITIONS.region(regionId(scope.region));
    case 'national': return PARTITIONS.national;
    case 'platform': return unionOf(PARTITIONS.registry, PARTITIONS.jobs);
    case 'rollup': return unionOf(PARTITIONS.registry, PARTITIONS.jobs, PARTITIONS.national, PARTITIONS.everyRegion, PARTITIONS.snapshotIndex);
  }
}

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
  childPrefix: (s: TenantScope, yearEnding: number, version: string) => ({ pk: tenantKeys.datasetPartition(s, yearEnding, version), skPrefix: 'CHILD#' }),
  rawChunk: (s: TenantScope, yearEnding: number, version: string, table: string, chunk: number): Key => ({
    pk: tenantKeys.datasetPartition(s, yearEnding, version),
    sk: `RAW#${table}#${String(chunk).padStart(4, '0')}`,
  }),
  snapshot: (s: TenantScope, yearEnding: number): Key => ({ pk: tenantPk(s), sk: `SNAPSHOT#${year(yearEnding)}` }),
  snapshotPrefix: (s: TenantScope) => ({ pk: tenantPk(s), skPrefix: 'SNAPSHOT#' }),
  /** gsi1 attributes of an LA snapshot: the rollup job reads every LA of a year with one Query. */
  snapshotIndex: (s: TenantScope, yearEnding: number) => ({ gsi1pk: snapshotsPartition(year(yearEnding)), gsi1sk: `LA#${s.la}` }),
  /** One part of an upload's stored report (a report may be larger than one item): `listUploadReport` reads them in order. */
  uploadReportPart: (s: TenantScope, id: string, part: number): Key => ({ pk: tenantPk(s), sk: `UPLOAD-REPORT#${id}#${String(part).padStart(4, '0')}` }),
  uploadReportPrefix: (s: TenantScope, id: string) => ({ pk: tenantPk(s), skPrefix: `UPLOAD-REPORT#${id}#` }),
  /** One chunk of the stored worklist basis (tenant-only, never indexed): the 903 children and records the worklist reads. */
  worklistBasis: (s: TenantScope, chunk: number): Key => ({ pk: tenantPk(s), sk: `WORKLIST#${String(chunk).padStart(4, '0')}` }),
  worklistBasisPrefix: (s: TenantScope) => ({ pk: tenantPk(s), skPrefix: 'WORKLIST#' }),
};

export const aggregateKeys = {
  laSnapshotsOfYear: (yearEnding: number) => ({ indexName: 'gsi1', gsi1pk: snapshotsPartition(year(yearEnding)) }),
  /**
   * The LA whose own snapshot of `yearEnding` a gsi1 item is, read from its partition key; undefined unless every
   * key agrees (pk `TENANT#<la>`, sk `SNAPSHOT#<year>`, gsi1 `SNAPSHOTS#<year>` / `LA#<la>`). A tenant can write
   * gsi1 attributes only under its own partition, so the partition key is the one identity it cannot forge.
   */
  snapshotOwner: (yearEnding: number, item: Record<string, unknown>): string | undefined => {
    const la = typeof item.pk === 'string' && item.pk.startsWith(tenantPartition('')) ? item.pk.slice(tenantPartition('').length) : '';
    if (!isLaCode(la)) return undefined;
    const own = tenantScope(la);
    const expected = { ...tenantKeys.snapshot(own, yearEnding), ...tenantKeys.snapshotIndex(own, yearEnding) };
    const agrees = (Object.keys(expected) as (keyof typeof expected)[]).every((k) => item[k] === expected[k]);
    return agrees ? la : undefined;
  },
  region: (s: RegionScope, yearEnding: number): Key => ({ pk: regionPk(s), sk: `SNAPSHOT#${year(yearEnding)}` }),
  regionPrefix: (s: RegionScope) => ({ pk: regionPk(s), skPrefix: 'SNAPSHOT#' }),
  national: (yearEnding: number): Key => ({ pk: NATIONAL, sk: `SNAPSHOT#${year(yearEnding)}` }),
  nationalPrefix: () => ({ pk: NATIONAL, skPrefix: 'SNAPSHOT#' }),
};

export const platformKeys = {
  registryEntry: (la: string): Key => ({ pk: REGISTRY, sk: `LA#${la}` }),
  registryPrefix: () => ({ pk: REGISTRY, skPrefix: 'LA#' }),
  jobRun: (at: string, id: string): Key => ({ pk: JOBS, sk: `RUN#${at}#${id}` }),
  jobRunPrefix: () => ({ pk: JOBS, skPrefix: 'RUN#' }),
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
  /** Which records of a collection are about a child (`listChildRecords` is one Query and a GetItem a record). */
  childIndexPartition: (s: TenantScope, collection: string) => `${tenantPk(s)}#RECIDX#${collection}`,
  childIndex: (s: TenantScope, collection: string, child: string, id: string): Key => ({ pk: recordKeys.childIndexPartition(s, collection), sk: `CHILD#${child}#${id}` }),
  childIndexPrefix: (s: TenantScope, collection: string, child: string) => ({ pk: recordKeys.childIndexPartition(s, collection), skPrefix: `CHILD#${child}#` }),
  /**
   * Records of a collection in list order (decisions by due date): `<list>#<sortable>#<id>`, one entry per list a
   * record is in (`listOrderedRecords` reads one page of a list with a Query and a GetItem a record).
   */
  orderIndexPartition: (s: TenantScope, collection: string) => `${tenantPk(s)}#RECORDER#${collection}`,
  orderIndex: (s: TenantScope, collection: string, list: string, sortable: string, id: string): Key => ({
    pk: recordKeys.orderIndexPartition(s, collection),
    sk: `${list}#${sortable}#${id}`,
  }),
  /**
   * The entries of a list (inclusive bounds, as DynamoDB's BETWEEN), or of its part sorting before `below`: `$`
   * follows `#`, so `<list>$` is above every `<list>#…`; and `<list>#<below>` is above every entry sorting before it.
   */
  orderIndexRange: (s: TenantScope, collection: string, list: string, below?: string) => ({
    pk: recordKeys.orderIndexPartition(s, collection),
    skBetween: [`${list}#`, below === undefined ? `${list}$` : `${list}#${below}`] as const,
  }),
  /** The LA's log of record changes, in time order: which records changed since a stored worklist basis was read. */
  changeLog: (s: TenantScope) => `${tenantPk(s)}#RECLOG`,
  change: (s: TenantScope, at: string, collection: string, id: string): Key => ({ pk: recordKeys.changeLog(s), sk: `AT#${at}#${collection}#${id}` }),
  changesFrom: (s: TenantScope, at: string) => ({ pk: recordKeys.changeLog(s), skFrom: `AT#${at}` }),
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
