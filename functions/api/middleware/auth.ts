import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { regionScope, tenantScope } from '../../../shared/data/scopes.ts';
import { logger } from '../../../shared/platform/observability/logger.ts';
import type { Principal, Role } from '../../../shared/platform/auth/principal.ts';
import { Unauthenticated } from '../../../shared/platform/auth/verifier.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

/**
 * Verifies the bearer token on every request that reaches it. In AWS the HTTP API JWT authorizer has already
 * checked it; verifying again keeps one code path locally and in AWS, and guards a misconfigured route.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*)$/);
  if (!match) throw new ApiError(401, 'unauthenticated', 'a Bearer token is required');
  try {
    const principal = await c.var.deps.verifier.verify(match[1]!);
    c.set('principal', principal);
    // Every later log line of this request carries who asked (removed by the observability middleware).
    logger.appendKeys({ role: principal.role, tenant: 'tenant' in principal ? principal.tenant : undefined, region: 'region' in principal ? principal.region : undefined });
  } catch (error) {
    if (error instanceof Unauthenticated) throw new ApiError(401, 'unauthenticated', error.message);
    throw error;
  }
  await next();
});

/** 403 unless the caller has one of `roles`. */
export function allow(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.principal.role)) {
      throw new ApiError(403, 'forbidden', `the ${c.var.principal.role} role may not use this route`);
    }
    await next();
  });
}

/** The caller's own LA (from the token). Routes behind allow('iro', 'iro_manager') always have one. */
export function tenantOf(principal: Principal): string {
  if (!('tenant' in principal)) throw new ApiError(403, 'forbidden', 'this route is for LA roles');
  return principal.tenant;
}

export function regionOf(principal: Principal) {
  if (!('region' in principal)) throw new ApiError(403, 'forbidden', 'this route is for regional chairs');
  return principal.region;
}

/** The caller's own LA's data: the only way a route reaches tenant data (scope from the verified token). */
export function ownTenantData(c: Context<AppEnv>) {
  return c.var.deps.data.for(tenantScope(tenantOf(c.var.principal)));
}

/** The caller's own region's aggregates (regional chairs). */
export function ownRegionData(c: Context<AppEnv>) {
  return c.var.deps.data.for(regionScope(regionOf(c.var.principal)));
}
