import { beforeAll, describe, expect, it } from 'vitest';
import { getPointer } from '../../shared/data/repositories/datasets.ts';
import { ScopeViolation } from '../../shared/data/scoped-table.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Attacks that would show a leak if one existed. Two LAs are seeded: Kent (886) and Medway (887), both in the
 * South East, with child ids that never overlap (K…, M…). Every response an attacker gets is scanned for the
 * victim's child ids.
 */
const ctx = usePlatform();
const YEAR = 2025;
const kentIro: TokenClaims = { role: 'iro', tenant: '886' };

/** Paths of any child-level field: a typed record key (child, dob, upn, postcodes) or a seeded child id as a value.
 * (Upper-case CHILD is also a REASON_PLACE_CHANGE code, an aggregate key, so the match is case-sensitive.) */
function childLevelFields(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return /^[KM]\d{3}$/.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => childLevelFields(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(/^(child|dob|upn|mother|mcDob|homePost|plPost)$/.test(k) ? [`${path}.${k}`] : []),
      ...childLevelFields(v, `${path}.${k}`),
    ]);
  }
  return [];
}

async function attempt(path: string, claims: TokenClaims, init: RequestInit = {}) {
  const res = await ctx.get(path, claims, init);
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  await ctx.seed('886', dataset(YEAR, lookedAfterChildren('K', 12)));
  await ctx.seed('887', dataset(YEAR, lookedAfterChildren('M', 9)));
  await ctx.platform.tick();
  await ctx.platform.drain();
});

/** Route × role × tenant attacks are generated from the route table in route-matrix.test.ts; these check content. */
describe('cross-tenant isolation', () => {
  it('the LA dashboard is always the token\'s own LA', async () => {
    const kent = JSON.parse((await attempt(`/dashboards/la?year=${YEAR}`, kentIro)).text);
    const medway = JSON.parse((await attempt(`/dashboards/la?year=${YEAR}`, { role: 'iro_manager', tenant: '887' })).text);
    expect([kent.la, kent.metrics.cla.count]).toEqual(['886', 12]);
    expect([medway.la, medway.metrics.cla.count]).toEqual(['887', 9]);
  });

  it('a regional chair gets aggregates of its own region only, never a child-level field', async () => {
    const chair: TokenClaims = { role: 'regional_chair', region: 'South East' };
    const own = await attempt(`/dashboards/region?year=${YEAR}`, chair);
    expect(own.status).toBe(200);
    expect(childLevelFields(JSON.parse(own.text)).join(", ")).toBe("");
    expect(JSON.parse(own.text).region).toBe('South East');
    expect((await attempt(`/dashboards/region?year=${YEAR}&region=London`, chair)).status).toBe(400);
    // A London chair sees London, and nothing of the South East.
    const london = await attempt(`/dashboards/region?year=${YEAR}`, { role: 'regional_chair', region: 'London' });
    expect(london.text).not.toMatch(/"88[67]"|Kent|Medway/);
  });

  it('national gets no LA named and no child record', async () => {
    const national: TokenClaims = { role: 'national' };
    const res = await attempt(`/dashboards/national?year=${YEAR}`, national);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/"88[67]"|Kent|Medway|"la"/);
    expect(childLevelFields(JSON.parse(res.text)).join(", ")).toBe("");
  });

  it('platform_admin manages the registry but gets no child record or LA dashboard', async () => {
    const admin: TokenClaims = { role: 'platform_admin' };
    const tenants = JSON.parse((await attempt('/tenants', admin)).text).tenants;
    expect(tenants).toHaveLength(153);
  });

  it('the data layer refuses a key outside its scope before it reaches DynamoDB', async () => {
    const kent = ctx.platform.data.for(tenantScope('886'));
    const medwayPointer = tenantKeys.datasetPointer(tenantScope('887'), YEAR);
    await expect(kent.get(medwayPointer)).rejects.toBeInstanceOf(ScopeViolation);
    await expect(kent.query('TENANT#887')).rejects.toBeInstanceOf(ScopeViolation);
    // A prefix collision: TENANT#8861 starts with TENANT#886 but is not Kent's partition.
    await expect(kent.query('TENANT#8861')).rejects.toBeInstanceOf(ScopeViolation);
    await expect(kent.put({ pk: 'REGION#south-east', sk: 'SNAPSHOT#2025' })).rejects.toBeInstanceOf(ScopeViolation);
    expect(() => tenantScope('88')).toThrow();
    expect(() => tenantScope('886#DS')).toThrow();
    expect(await getPointer(kent, YEAR)).toBeDefined();
  });
});
