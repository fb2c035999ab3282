import { NIGHTLY_PLAN, type PlanMessage } from '../../../shared/contracts/jobs.ts';
import { JobsStatus, RecomputeQueued } from '../../../shared/contracts/api/platform.ts';
import { lastJobRuns } from '../../../shared/data/repositories/jobs.ts';
import { JOB_NAMES, JOBS, visibilityTimeoutSeconds } from '../../../shared/platform/queue/jobs-manifest.ts';
import type { ApiDeps } from '../deps.ts';
import { createOpenApiApp, defineRoute, json } from '../openapi.ts';

const status = defineRoute('jobs.read', {
  method: 'get', path: '/admin/jobs', tags: ['Platform'], summary: "Each job's settings (the jobs manifest), queue and DLQ depths, the last runs",
  responses: { 200: json(JobsStatus, 'queues and runs') },
});
const recompute = defineRoute('jobs.run', {
  method: 'post', path: '/admin/jobs/recompute', tags: ['Platform'], summary: 'Queue a full recompute of every LA',
  responses: { 202: json(RecomputeQueued, 'the plan message queued') },
});

/** Queues a recompute of every LA (the nightly plan), noting who asked; the page's button calls it too. */
export async function queueFullRecompute(deps: ApiDeps, subject: string): Promise<PlanMessage> {
  const message: PlanMessage = { ...NIGHTLY_PLAN, reason: `manual by ${subject}`.slice(0, 100) };
  await deps.queue.send(deps.planQueueUrl, [message]);
  return message;
}

/** Job status for platform_admin, and a manual full recompute. */
export const adminJobRoutes = createOpenApiApp()
  .openapi(status, async (c) => {
    const [queues, runs] = await Promise.all([c.var.deps.queueDepths(), lastJobRuns(c.var.data)]);
    const jobs = JOB_NAMES.map((name) => ({ name, ...JOBS[name], visibilityTimeoutSeconds: visibilityTimeoutSeconds(JOBS[name]) }));
    return c.json({ jobs, queues, runs }, 200);
  })
  .openapi(recompute, async (c) => {
    return c.json({ queued: await queueFullRecompute(c.var.deps, c.var.principal.subject) }, 202);
  });
