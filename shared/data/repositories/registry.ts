import { LOCAL_AUTHORITIES, type LocalAuthority } from '../../domain/tenancy/local-authorities.ts';
import type { ItemOf } from '../items.ts';
import { platformKeys } from '../keys.ts';
import { ConditionFailed, type ScopedTable } from '../scoped-table.ts';
import type { DataScope, PlatformScope } from '../scopes.ts';

/** The tenant registry: one item per LA under pk REGISTRY (platform_admin and system jobs only). */
type RegistryReader = ScopedTable<PlatformScope> | ScopedTable<Extract<DataScope, { kind: 'rollup' }>>;

export class DuplicateTenant extends Error {}

function toItem(la: LocalAuthority) {
  return { ...platformKeys.registryEntry(la.code), type: 'tenant', v: 1, code: la.code, name: la.name, region: la.region };
}

function fromItem({ code, name, region }: ItemOf<'tenant'>): LocalAuthority {
  return { code, name, region };
}

export async function listTenants(table: RegistryReader): Promise<LocalAuthority[]> {
  const { pk, skPrefix } = platformKeys.registryPrefix();
  return (await table.query(pk, { skPrefix, type: 'tenant' })).map(fromItem);
}

export async function getTenant(table: RegistryReader, code: string): Promise<LocalAuthority | undefined> {
  const item = await table.get(platformKeys.registryEntry(code), 'tenant');
  return item && fromItem(item);
}

/** Onboarding is one conditional put: idempotent to retry, and a duplicate code is reported, never overwritten. */
export async function createTenant(table: ScopedTable<PlatformScope>, la: LocalAuthority): Promise<void> {
  try {
    await table.put(toItem(la), { expression: 'attribute_not_exists(pk)' });
  } catch (error) {
    if (error instanceof ConditionFailed) throw new DuplicateTenant(`LA ${la.code} is already registered`);
    throw error;
  }
}

/** Pre-loads every English LA (DESIGN.md §2); existing entries are rewritten with the same values. */
export async function seedRegistry(table: ScopedTable<PlatformScope>, las: readonly LocalAuthority[] = LOCAL_AUTHORITIES): Promise<void> {
  await table.batchPut(las.map(toItem));
}
