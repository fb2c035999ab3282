import { NATIONAL_SCOPE, PLATFORM_SCOPE, regionScope, tenantScope, type DataScope } from '../../data/scopes.ts';
import type { Principal } from './principal.ts';

/**
 * The data scope of a verified caller: the only way a request reaches the data layer. Nothing from the
 * path, query or body takes part.
 */
export function dataScopeOf(principal: Principal): DataScope {
  switch (principal.role) {
    case 'iro':
    case 'iro_manager':
      return tenantScope(principal.tenant);
    case 'regional_chair':
      return regionScope(principal.region);
    case 'national':
      return NATIONAL_SCOPE;
    case 'platform_admin':
      return PLATFORM_SCOPE;
  }
}
