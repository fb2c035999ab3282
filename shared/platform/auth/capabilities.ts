import { NATIONAL_SCOPE, PLATFORM_SCOPE, regionScope, tenantScope, type NationalScope, type PlatformScope, type RegionScope, type TenantScope } from '../../data/scopes.ts';
import type { Principal, Role } from './principal.ts';

/**
 * THE CAPABILITY POLICY: what each role may do, and the data scope it gets for it. Every API route declares one
 * capability (functions/api/openapi.ts `defineRoute`); nothing else checks roles. The scope is built from the
 * verified principal only: never from a path, query or body.
 *
 * scope: `tenant` = the caller's own LA, `region` = the caller's own region's aggregates, `national` = national
 * aggregates, `platform` = registry and job status, `none` = no data at all.
 */
type ScopeKind = 'tenant' | 'region' | 'national' | 'platform' | 'none';

interface CapabilityRule {
  readonly roles: readonly Role[];
  readonly scope: ScopeKind;
  readonly description: string;
}

const LA_ROLES = ['iro', 'iro_manager'] as const satisfies readonly Role[];
const EVERY_ROLE = ['iro', 'iro_manager', 'regional_chair', 'national', 'platform_admin'] as const satisfies readonly Role[];

export const CAPABILITIES = {
  'me.read': { roles: EVERY_ROLE, scope: 'none', description: 'who the caller is' },
  'children.read': { roles: LA_ROLES, scope: 'tenant', description: "the caller's LA's children and their 903 timelines" },
  'dashboard.la.read': { roles: LA_ROLES, scope: 'tenant', description: "the caller's LA's figures beside its region and England" },
  'dashboard.region.read': { roles: ['regional_chair'], scope: 'region', description: "the caller's region's LAs side by side (aggregates)" },
  'dashboard.national.read': { roles: ['national'], scope: 'national', description: 'regions and England, disclosure-controlled' },
  'upload.create': { roles: ['iro_manager'], scope: 'tenant', description: "replace a collection year of the caller's LA's 903 return" },
  'feedback.issue': { roles: LA_ROLES, scope: 'tenant', description: 'a one-time Rate My Review link (and QR code) for a review of the caller\'s LA' },
  'feedback.record': { roles: ['iro_manager'], scope: 'tenant', description: 'enter a paper Rate My Review card' },
  'audit.read': { roles: ['iro_manager'], scope: 'tenant', description: "who read a child's records, when and why" },
  'roster.read': { roles: LA_ROLES, scope: 'tenant', description: "the caller's LA's IRO roster" },
  'roster.write': { roles: ['iro_manager'], scope: 'tenant', description: "add or change an IRO on the caller's LA's roster" },
  'allocations.write': { roles: ['iro_manager'], scope: 'tenant', description: "allocate an IRO to a child of the caller's LA" },
  'practice.read': { roles: LA_ROLES, scope: 'tenant', description: "the caller's LA's practice records: allocations, reviews, contacts, decisions, disputes, sibling groups and their history" },
  'reviews.write': { roles: LA_ROLES, scope: 'tenant', description: "record a review chaired, or an IRO contact, for a child of the caller's LA" },
  'decisions.write': { roles: LA_ROLES, scope: 'tenant', description: "record a review decision of the caller's LA and its implementation" },
  'disputes.write': { roles: LA_ROLES, scope: 'tenant', description: "raise, escalate, answer or close a dispute in the caller's LA" },
  'disputes.configure': { roles: ['iro_manager'], scope: 'tenant', description: "set the caller's LA's dispute escalation chain and its working-day deadlines" },
  'siblings.write': { roles: ['iro_manager'], scope: 'tenant', description: "record a sibling group of the caller's LA" },
  'worklist.read': { roles: LA_ROLES, scope: 'tenant', description: "the worklist: an IRO's own children, or the whole LA's for an IRO manager" },
  'tenants.read': { roles: ['platform_admin'], scope: 'platform', description: 'the tenant registry' },
  'tenants.create': { roles: ['platform_admin'], scope: 'platform', description: 'onboard a tenant' },
  'jobs.read': { roles: ['platform_admin'], scope: 'platform', description: 'queue depths and the last job runs' },
  'jobs.run': { roles: ['platform_admin'], scope: 'platform', description: 'queue a full recompute' },
} as const satisfies Record<string, CapabilityRule>;

export type Capability = keyof typeof CAPABILITIES;

interface ScopeByKind {
  tenant: TenantScope;
  region: RegionScope;
  national: NationalScope;
  platform: PlatformScope;
  none: null;
}

/** The data scope a capability grants: a tenant capability hands out a ScopedTable<TenantScope>, and so on. */
export type ScopeOf<C extends Capability> = ScopeByKind[(typeof CAPABILITIES)[C]['scope']];

export function holds(principal: Principal, capability: Capability): boolean {
  return (CAPABILITIES[capability].roles as readonly Role[]).includes(principal.role);
}

/** Roles that hold a capability (for the OpenAPI document and the isolation matrix). */
export function rolesOf(capability: Capability): readonly Role[] {
  return CAPABILITIES[capability].roles;
}

/**
 * The scope a principal that holds `capability` reads and writes through. Call only after `holds`: a principal
 * whose claims cannot make the scope (an LA capability without a tenant) is a policy bug and throws.
 */
export function scopeFor<C extends Capability>(capability: C, principal: Principal): ScopeOf<C> {
  const kind: ScopeKind = CAPABILITIES[capability].scope;
  const scope = (() => {
    switch (kind) {
      case 'tenant':
        if (!('tenant' in principal)) throw new Error(`${capability} needs a tenant, and ${principal.role} has none`);
        return tenantScope(principal.tenant);
      case 'region':
        if (!('region' in principal)) throw new Error(`${capability} needs a region, and ${principal.role} has none`);
        return regionScope(principal.region);
      case 'national': return NATIONAL_SCOPE;
      case 'platform': return PLATFORM_SCOPE;
      case 'none': return null;
    }
  })();
  return scope as ScopeOf<C>;
}
