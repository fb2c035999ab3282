import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** One Metrics instance per process; EMF lines are flushed after each request/batch. */
export const metrics = new Metrics({ namespace: 'IroPlatform', serviceName: 'iro-platform' });

/**
 * Per-tenant usage (for cost apportioning): a single-metric EMF line with the tenant as its own dimension,
 * so the shared dimension set stays small (153 LAs × a few metric names).
 */
export function countTenantUsage(name: string, tenant: string, value = 1): void {
  const single = metrics.singleMetric();
  single.addDimension('tenant', tenant);
  single.addMetric(name, MetricUnit.Count, value);
}

export { MetricUnit };
