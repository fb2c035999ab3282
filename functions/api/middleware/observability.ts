import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { logger } from '../../../shared/platform/observability/logger.ts';
import { countTenantUsage, metrics, MetricUnit } from '../../../shared/platform/observability/metrics.ts';
import type { AppEnv } from '../env.ts';

const REQUEST_ID = /^[\w-]{1,64}$/;

/**
 * Request id (API Gateway's when present), a child logger per request (so concurrent requests never share
 * keys: the process logger is one object), a structured access log with role and tenant, per-tenant usage.
 * Logs never carry the token, the body or child-level data.
 */
export const observability = createMiddleware<AppEnv>(async (c, next) => {
  const given = c.req.header('x-amzn-requestid') ?? c.req.header('x-request-id');
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  const log = logger.createChild({ persistentKeys: { requestId } });
  c.set('requestId', requestId);
  c.set('log', log);
  const started = performance.now();
  try {
    await next();
  } finally {
    const principal = c.get('principal');
    const tenant = principal && 'tenant' in principal ? principal.tenant : undefined;
    c.header('x-request-id', requestId);
    log.info('request', { method: c.req.method, path: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
    metrics.addMetric('ApiRequests', MetricUnit.Count, 1);
    if (tenant) countTenantUsage('TenantApiRequests', tenant);
    metrics.publishStoredMetrics();
  }
});
