import type { RegionName } from '../domain/tenancy/regions.ts';

/**
 * Who a data handle acts for. A scope is made only from a verified token (the capability policy, shared/platform/auth/capabilities.ts)
 * or, for system jobs, from a queue message checked against the registry; every key the data layer builds
 * is derived from the scope, so a caller cannot express another tenant's key.
 */
export type DataScope =
  | { readonly kind: 'tenant'; readonly la: string }
  | { readonly kind: 'region'; readonly region: RegionName }
  | { readonly kind: 'national' }
  | { readonly kind: 'platform' }
  /** The rollup job: reads every LA's aggregate snapshot (gsi1) and writes regional and national ones. */
  | { readonly kind: 'rollup' };

export type TenantScope = Extract<DataScope, { kind: 'tenant' }>;
export type RegionScope = Extract<DataScope, { kind: 'region' }>;
export type NationalScope = Extract<DataScope, { kind: 'national' }>;
export type PlatformScope = Extract<DataScope, { kind: 'platform' }>;

const LA_CODE = /^\d{3}$/;

export const isLaCode = (value: string) => LA_CODE.test(value);

export function tenantScope(la: string): TenantScope {
  if (!isLaCode(la)) throw new Error(`not an LA code: ${JSON.stringify(la)}`);
  return Object.freeze({ kind: 'tenant', la });
}

export function regionScope(region: RegionName): RegionScope {
  return Object.freeze({ kind: 'region', region });
}

export const NATIONAL_SCOPE: NationalScope = Object.freeze({ kind: 'national' });
export const PLATFORM_SCOPE: PlatformScope = Object.freeze({ kind: 'platform' });
export const ROLLUP_SCOPE: Extract<DataScope, { kind: 'rollup' }> = Object.freeze({ kind: 'rollup' });

/** Stable text for logs, metrics dimensions and credential caches. */
export function describeScope(scope: DataScope): string {
  switch (scope.kind) {
    case 'tenant': return `tenant:${scope.la}`;
    case 'region': return `region:${scope.region}`;
    default: return scope.kind;
  }
}
