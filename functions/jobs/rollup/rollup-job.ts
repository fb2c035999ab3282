import { rollupMessage } from '../../../shared/contracts/jobs.ts';
import { aggregatesUpToDate, putNationalSnapshot, putRegionalSnapshot, readRollupInputs } from '../../../shared/data/repositories/snapshots.ts';
import { ROLLUP_SCOPE } from '../../../shared/data/scopes.ts';
import { buildAggregateSnapshots } from '../../../shared/domain/rollup/index.ts';
import type { JobDeps } from '../job-deps.ts';
import { sqsJob } from '../sqs-job.ts';

/**
 * Rollup: rebuild the nine regional snapshots and the national one of a year from ALL LA snapshots of that
 * year (one gsi1 Query). Built from the full set, not from the message, so duplicate, late or reordered
 * messages converge to the same result. Disclosure control is applied inside the builders, before writing.
 */
export function createRollupHandler(deps: JobDeps) {
  return sqsJob('rollup', rollupMessage, deps, async ({ yearEnding }, { log, data }) => {
    const table = data.for(ROLLUP_SCOPE);
    const readAt = deps.now().toISOString();
    const { snapshots, inputSet, ignored } = await readRollupInputs(table, yearEnding);
    // Keys only (no body): an item here was written outside the tenant job's contract, e.g. with forged gsi1 keys.
    for (const item of ignored) log.warn('rollup input ignored', { yearEnding, ...item });
    // A national recompute queues one rollup per LA and year: once one has seen this exact input set, the rest skip.
    if (await aggregatesUpToDate(table, yearEnding, inputSet)) {
      log.info('rollup up to date', { yearEnding, las: snapshots.length });
      return;
    }
    const { regional, national } = buildAggregateSnapshots(yearEnding, snapshots);
    const stamp = { readAt, inputSet };
    for (const snapshot of regional) await putRegionalSnapshot(table, snapshot, stamp);
    // The national item last: aggregatesUpToDate reads it as the mark of a complete set.
    await putNationalSnapshot(table, national, stamp);
    log.info('rollup written', { yearEnding, las: snapshots.length });
  }, { coalesceBy: ({ yearEnding }) => String(yearEnding) });
}
