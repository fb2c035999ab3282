import { planMessage, type TenantMessage } from '../../../shared/contracts/jobs.ts';
import { getTenant, listTenants } from '../../../shared/data/repositories/registry.ts';
import { PLATFORM_SCOPE } from '../../../shared/data/scopes.ts';
import type { JobDeps } from '../job-deps.ts';
import { sqsJob } from '../sqs-job.ts';

/** Plan: one message per registered LA on the tenant queue (or just the one LA an upload names). */
export function createPlanHandler(deps: JobDeps) {
  return sqsJob('plan', planMessage, deps, async (body, { log, data }) => {
    const registry = data.for(PLATFORM_SCOPE);
    const las = body.la ? [await getTenant(registry, body.la)].filter((la) => la !== undefined) : await listTenants(registry);
    const messages: TenantMessage[] = las.map((la) => ({ type: 'tenant', la: la.code, reason: body.reason }));
    await deps.queue.send(deps.queueUrls.tenant, messages);
    log.info('planned tenant recomputes', { reason: body.reason, las: messages.length });
  });
}
