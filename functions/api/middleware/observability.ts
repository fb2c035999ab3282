import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { logger } from '../../../shared/platform/observability/logger.ts';
import { countTenantUsage, metrics, MetricUnit } from '../../../shared/platform/observability/metrics.ts';
import type { AppEnv } from '../env.ts';

/**
 * Request id (API Gateway's when present), structured access log with role and tenant, per-tenant usage
 * metric. Logs never carry the token, the body or child-level data.
 */
export const observability = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = c.req.header('x-amzn-requestid') ?? c.req.header('x-request-id') ?? randomUUID();
  c.set('requestId', requestId);
  logger.appendKeys({ requestId });
  const started = performance.now();
  try {
    await next();
  } finally {
    const principal = c.get('principal');
    const tenant = principal && 'tenant' in principal ? principal.tenant : undefined;
    c.header('x-request-id', requestId);
    logger.info('request', { method: c.req.method, path: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
    metrics.addMetric('ApiRequests', MetricUnit.Count, 1);
    if (tenant) countTenantUsage('TenantApiRequests', tenant);
    metrics.publishStoredMetrics();
    logger.removeKeys(['requestId', 'role', 'tenant', 'region']);
  }
});
