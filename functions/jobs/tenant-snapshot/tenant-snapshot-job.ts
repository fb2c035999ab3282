import { tenantMessage, type RollupMessage } from '../../../shared/contracts/jobs.ts';
import { listPointers, loadDatasetAt, sweepVersions } from '../../../shared/data/repositories/datasets.ts';
import { getTenant } from '../../../shared/data/repositories/registry.ts';
import { putLaSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import { PLATFORM_SCOPE, tenantScope } from '../../../shared/data/scopes.ts';
import { computeLaMetrics, yearEnd } from '../../../shared/domain/metrics/index.ts';
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
    const pointers = (await listPointers(table)).sort((a, b) => a.yearEnding - b.yearEnding);
    const loaded = await Promise.all(pointers.map(async (pointer) => ({ pointer, dataset: await loadDatasetAt(table, pointer) })));
    for (const { pointer, dataset } of loaded) {
      const { yearEnding } = dataset;
      const asAt = asAtFor(yearEnding, deps.now());
      // Earlier years' returns settle the look-back figures (re-entry of last year's returners, review sequence).
      const earlier = loaded.filter((l) => l.dataset.yearEnding < yearEnding);
      const metrics = computeLaMetrics(dataset, { yearEnding, asAt, history: earlier.map((l) => l.dataset) });
      const inputs = [...earlier, { pointer }].map((l) => l.pointer.version).join('|');
      const { aggregate, overdue } = separateChildLevel(metrics);
      const wrote = await putLaSnapshot(table, {
        la: la.code, name: la.name, region: la.region, yearEnding, asAt, datasetVersion: pointer.version, metrics: aggregate,
      }, overdue, inputs);
      if (wrote) changed.push({ type: 'rollup', yearEnding });
    }
    await deps.queue.send(deps.queueUrls.rollup, changed);
    const swept = await sweepVersions(table);
    countTenantUsage('TenantRecompute', la.code);
    log.info('tenant snapshots computed', { years: changed.map((m) => m.yearEnding), swept: swept.length });
  });
}
