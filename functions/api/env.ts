import type { Logger } from '@aws-lambda-powertools/logger';
import type { Principal } from '../../shared/platform/auth/principal.ts';
import type { TenantDirectory } from '../../shared/platform/auth/tenant-directory.ts';
import type { ApiDeps } from './deps.ts';

/** Hono context typing shared by middleware and routes. `log` is this request's own logger (its keys only). */
export interface AppEnv {
  Variables: { principal: Principal; deps: ApiDeps; tenants: TenantDirectory; requestId: string; log: Logger };
}
