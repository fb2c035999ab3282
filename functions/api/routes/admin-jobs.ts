import { Hono } from 'hono';
import { NIGHTLY_PLAN, type PlanMessage } from '../../../shared/contracts/jobs.ts';
import { lastJobRuns } from '../../../shared/data/repositories/jobs.ts';
import { PLATFORM_SCOPE } from '../../../shared/data/scopes.ts';
import { JOB_NAMES, JOBS, visibilityTimeoutSeconds } from '../../../shared/platform/queue/jobs-manifest.ts';
import { allow } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';

/** Job status for platform_admin: each job's settings (the manifest), queue and DLQ depths, the last runs; and a manual full recompute. */
export const adminJobRoutes = new Hono<AppEnv>()
  .use(allow('platform_admin'))
  .get('/', async (c) => {
    const [queues, runs] = await Promise.all([c.var.deps.queueDepths(), lastJobRuns(c.var.deps.data.for(PLATFORM_SCOPE))]);
    const jobs = JOB_NAMES.map((name) => ({ name, ...JOBS[name], visibilityTimeoutSeconds: visibilityTimeoutSeconds(JOBS[name]) }));
    return c.json({ jobs, queues, runs });
  })
  .post('/recompute', async (c) => {
    const message: PlanMessage = { ...NIGHTLY_PLAN, reason: `manual by ${c.var.principal.subject}`.slice(0, 100) };
    await c.var.deps.queue.send(c.var.deps.planQueueUrl, [message]);
    return c.json({ queued: message }, 202);
  });
