import { LOCAL_AUTHORITIES, type LocalAuthority } from '../../shared/domain/tenancy/local-authorities.ts';
import type { RegionName } from '../../shared/domain/tenancy/regions.ts';
import type { DevUser } from '../api/web/sign-in.tsx';

/**
 * Demo tenants: every LA of three regions (37 LAs), so regional chairs have real side-by-side tables and the
 * national view has something to compare; small enough to seed in about a minute on two cores.
 */
export const DEMO_REGIONS: RegionName[] = ['North East', 'East Midlands', 'South West'];

export function demoTenants(regions: readonly RegionName[] = DEMO_REGIONS): LocalAuthority[] {
  return LOCAL_AUTHORITIES.filter((la) => regions.includes(la.region));
}

/**
 * The users the local sign-in page lists: one of each role over the demo data (the IRO and manager of the first
 * demo LA, which has practice records, its region's chair), and the manager of a second LA to try isolation.
 */
export function demoUsers(): DevUser[] {
  const [first, second] = demoTenants();
  if (!first || !second) throw new Error('the demo needs two LAs');
  return [
    { label: `IRO, ${first.name}`, claims: { role: 'iro', tenant: first.code } },
    { label: `IRO manager, ${first.name}`, claims: { role: 'iro_manager', tenant: first.code } },
    { label: `IRO manager, ${second.name}`, claims: { role: 'iro_manager', tenant: second.code } },
    { label: `Regional IRO partnership chair, ${first.region}`, claims: { role: 'regional_chair', region: first.region } },
    { label: 'National analyst', claims: { role: 'national' } },
    { label: 'Platform administrator', claims: { role: 'platform_admin' } },
  ];
}
