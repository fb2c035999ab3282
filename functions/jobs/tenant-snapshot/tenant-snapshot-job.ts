import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type * as z from 'zod/mini';
import { tenantMessage, type RollupMessage } from '../../../shared/contracts/jobs.ts';
import { loadLiveYears, sweepVersions } from '../../../shared/data/repositories/datasets.ts';
import { indexPracticeRecords, loadPracticeRecords, practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { getRecord, updateRecord, type RecordCollection } from '../../../shared/data/repositories/records.ts';
import { getTenant } from '../../../shared/data/repositories/registry.ts';
import { putLaSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import { putWorklistBasis } from '../../../shared/data/repositories/worklist.ts';
import { StaleRevision, type ScopedTable } from '../../../shared/data/scoped-table.ts';
import { PLATFORM_SCOPE, tenantScope, type TenantScope } from '../../../shared/data/scopes.ts';
import { mergeDatasets } from '../../../shared/domain/metrics/history.ts';
import { computeLaMetrics, yearEnd } from '../../../shared/domain/metrics/index.ts';
import { iroPracticeMetrics, markOverdue, type Decision, type Dispute, type PracticeRecords } from '../../../shared/domain/practice/index.ts';
import { separateChildLevel } from '../../../shared/domain/rollup/types.ts';
import { countTenantUsage } from '../../../shared/platform/observability/metrics.ts';
import type { JobDeps } from '../job-deps.ts';
import { sqsJob } from '../sqs-job.ts';

/** As at 31 March for a finished year; as at today for the year in progress (so the nightly run moves it). */
export function asAtFor(yearEnding: number, today: Date): string {
  const end = yearEnd(yearEnding);
  const now = today.toISOString().slice(0, 10);
  return now < end ? now : end;
}

/**
 * Writes one overdue mark: the record is re-read and marked again from what is stored, then written on the
 * revision read, so a change a user made meanwhile is never overwritten (a stale record is left for the next run).
 */
async function storeMark<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: ScopedTable<TenantScope>, collection: RecordCollection<F>, id: string, mark: (fields: z.infer<F>) => z.input<F> | undefined, log: Logger,
): Promise<z.infer<F> | undefined> {
  const current = await getRecord(table, collection, id);
  const change = current && mark(current.fields);
  if (!current || !change) return undefined;
  try {
    // Not in the change log: the worklist reads due dates, never the marks, so a stored basis stays right without them.
    return (await updateRecord(table, collection, id, current.rev, change, { changeLog: false })).fields;
  } catch (error) {
    if (!(error instanceof StaleRevision)) throw error;
    log.warn('overdue mark left for the next run: the record changed meanwhile', { collection: collection.name, id });
    return undefined;
  }
}

/**
 * The nightly deadlines run: decisions and dispute steps past their deadline are marked overdue (markOverdue)
 * and stored. Idempotent: a re-run finds nothing left to mark and writes nothing. Returns the records as stored.
 */
async function applyDeadlines(table: ScopedTable<TenantScope>, records: PracticeRecords, today: string, log: Logger): Promise<PracticeRecords> {
  const due = markOverdue(records, today);
  const none = { decisions: [], disputes: [] };
  const decisions = new Map<string, Decision>();
  const disputes = new Map<string, Dispute>();
  for (const { id } of due.decisions) {
    const stored = await storeMark(table, practiceCollections.decisions, id, (d) => markOverdue({ ...none, decisions: [d] }, today).decisions[0], log);
    if (stored) decisions.set(id, stored);
  }
  for (const { id } of due.disputes) {
    const stored = await storeMark(table, practiceCollections.disputes, id, (d) => markOverdue({ ...none, disputes: [d] }, today).disputes[0], log);
    if (stored) disputes.set(id, stored);
  }
  return {
    ...records,
    decisions: records.decisions.map((d) => decisions.get(d.id) ?? d),
    disputes: records.disputes.map((d) => disputes.get(d.id) ?? d),
  };
}

/** An LA that records nothing of its IRO practice in the platform has no metric 9 (not a row of zeros). */
function keepsPracticeRecords(records: PracticeRecords): boolean {
  return records.iros.length > 0 || records.allocations.length > 0 || records.reviews.length > 0;
}

/** Changes with any practice record (a revision, a new or deleted record), so the snapshot's inputs do too. */
function practiceDigest(records: PracticeRecords): string {
  return createHash('sha256').update(JSON.stringify(records)).digest('base64url').slice(0, 22);
}

/**
 * Tenant: recompute every uploaded collection year of one LA, with that LA's scoped credentials, then ask
 * for a rollup of the years that changed. Idempotent: an unchanged version and as-at date writes nothing.
 */
export function createTenantSnapshotHandler(deps: JobDeps) {
  return sqsJob('tenant', tenantMessage, deps, async (body, { log, data }) => {
    const la = await getTenant(data.for(PLATFORM_SCOPE), body.la);
    if (!la) throw new Error(`LA ${body.la} is not in the registry`);
    log.appendKeys({ tenant: la.code });
    const table = data.for(tenantScope(la.code));
    const changed: RollupMessage[] = [];
    const loaded = await loadLiveYears(table);
    const today = deps.now().toISOString().slice(0, 10);
    // Wall-clock time, as the change log's: the worklist re-reads records changed after this read.
    const practiceReadFrom = new Date().toISOString();
    const practice = await applyDeadlines(table, await loadPracticeRecords(table), today, log);
    // Records the child or order index misses (written before it existed): the child page, `?child=` and the decisions page read them.
    const indexed = await indexPracticeRecords(table, practice);
    const withPractice = keepsPracticeRecords(practice);
    const practiceInputs = withPractice ? practiceDigest(practice) : 'none';
    for (const { pointer, dataset } of loaded) {
      const { yearEnding } = dataset;
      const asAt = asAtFor(yearEnding, deps.now());
      // Earlier years' returns settle the look-back figures (re-entry of last year's returners, review sequence).
      const earlier = loaded.filter((l) => l.dataset.yearEnding < yearEnding);
      const metrics = computeLaMetrics(dataset, { yearEnding, asAt, history: earlier.map((l) => l.dataset) });
      const inputs = [...[...earlier, { pointer }].map((l) => l.pointer.version), `practice:${practiceInputs}`].join('|');
      const { aggregate } = separateChildLevel(metrics);
      const iroPractice = withPractice && iroPracticeMetrics(mergeDatasets([...earlier.map((l) => l.dataset), dataset]), practice, { yearEnding, asAt });
      const wrote = await putLaSnapshot(table, {
        la: la.code, name: la.name, region: la.region, yearEnding, asAt, datasetVersion: pointer.version,
        metrics: { ...aggregate, ...(iroPractice && { iroPractice }) },
      }, inputs);
      if (wrote) changed.push({ type: 'rollup', yearEnding });
    }
    const basis = loaded.length > 0 && await putWorklistBasis(table, loaded, practice, today, practiceReadFrom);
    await deps.queue.send(deps.queueUrls.rollup, changed);
    const swept = await sweepVersions(table);
    countTenantUsage('TenantRecompute', la.code);
    log.info('tenant snapshots computed', { years: changed.map((m) => m.yearEnding), swept: swept.length, worklistBasis: basis || null, recordsIndexed: indexed });
  });
}
