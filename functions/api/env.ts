import type { Principal } from '../../shared/platform/auth/principal.ts';
import type { ApiDeps } from './deps.ts';

/** Hono context typing shared by middleware and routes. */
export interface AppEnv {
  Variables: { principal: Principal; deps: ApiDeps; requestId: string };
}
