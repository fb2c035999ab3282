import { rollupMessage } from '../../../shared/contracts/jobs.ts';
import { listLaSnapshotsOfYear, putNationalSnapshot, putRegionalSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import { ROLLUP_SCOPE } from '../../../shared/data/scopes.ts';
import { buildNationalSnapshot, buildRegionalSnapshot } from '../../../shared/domain/rollup/index.ts';
import { REGIONS } from '../../../shared/domain/tenancy/regions.ts';
import type { JobDeps } from '../job-deps.ts';
import { sqsJob } from '../sqs-job.ts';

/**
 * Rollup: rebuild the nine regional snapshots and the national one of a year from ALL LA snapshots of that
 * year (one gsi1 Query). Built from the full set, not from the message, so duplicate, late or reordered
 * messages converge to the same result. Disclosure control is applied inside the builders, before writing.
 */
export function createRollupHandler(deps: JobDeps) {
  return sqsJob('rollup', rollupMessage, deps, async ({ yearEnding }, { log }) => {
    const table = deps.data.for(ROLLUP_SCOPE);
    const { snapshots, sourceStamp } = await listLaSnapshotsOfYear(table, yearEnding);
    for (const region of REGIONS) {
      await putRegionalSnapshot(table, buildRegionalSnapshot(region, yearEnding, snapshots), sourceStamp);
    }
    await putNationalSnapshot(table, buildNationalSnapshot(yearEnding, snapshots), sourceStamp);
    log.info('rollup written', { yearEnding, las: snapshots.length });
  });
}
