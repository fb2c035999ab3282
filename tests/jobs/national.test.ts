import { describe, expect, it } from 'vitest';
import { getNationalSnapshot, getRegionalSnapshot, readRollupInputs } from '../../shared/data/repositories/snapshots.ts';
import { aggregateKeys } from '../../shared/data/keys.ts';
import { NATIONAL_SCOPE, regionScope, ROLLUP_SCOPE, tenantScope } from '../../shared/data/scopes.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import { LOCAL_AUTHORITIES } from '../../shared/domain/tenancy/local-authorities.ts';
import { REGIONS } from '../../shared/domain/tenancy/regions.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * A national run over generated data for every English LA (scaled down to keep the suite fast: the full-size
 * run is `npm run bench`), through the real pipeline; then duplicated and reordered messages must leave every
 * aggregate byte-identical.
 */
const ctx = usePlatform();
const YEAR = 2025;
const SCALE = 0.03;

async function aggregates() {
  const data = ctx.platform.data;
  const regional = await Promise.all(REGIONS.map((r) => getRegionalSnapshot(data.for(regionScope(r)), YEAR)));
  const national = await getNationalSnapshot(data.for(NATIONAL_SCOPE), YEAR);
  return { regional: regional.map((r) => JSON.stringify(r?.snapshot)), national: JSON.stringify(national?.snapshot) };
}

describe('national pipeline run', () => {
  it('produces a snapshot for every LA, nine regional and one national', { timeout: 240_000 }, async () => {
    for (const la of LOCAL_AUTHORITIES) {
      const files = [...generateLaReturns(la, { seed: 7, yearsEnding: [YEAR], scale: SCALE }).get(YEAR)!.entries()]
        .map(([table, csv]) => ({ name: `${table}.csv`, bytes: new TextEncoder().encode(csv) }));
      const outcome = await importReturn(ctx.platform.data.for(tenantScope(la.code)), files, { yearEnding: YEAR });
      expect(outcome.accepted, `${la.name}: ${JSON.stringify(outcome.report.errors.slice(0, 2))}`).toBe(true);
    }
    await ctx.platform.tick();
    await ctx.platform.drain(180_000);

    const { snapshots } = await readRollupInputs(ctx.platform.data.for(ROLLUP_SCOPE), YEAR);
    expect(snapshots).toHaveLength(153);
    const { regional, national } = await aggregates();
    expect(regional.filter((r) => r !== undefined)).toHaveLength(9);
    expect(national).toBeDefined();
    // Regional chairs see their own LAs: the nine regions between them name all 153 exactly once.
    const named = regional.flatMap((r) => (JSON.parse(r!) as { las: { la: string }[] }).las.map((l) => l.la));
    expect(new Set(named).size).toBe(153);
    // National names none.
    for (const la of LOCAL_AUTHORITIES) expect(national).not.toContain(`"${la.code}"`);
  });

  it('no count from 1 to 5 appears in any regional or national response over HTTP', async () => {
    const responses = [
      ...REGIONS.map((region) => ctx.get(`/dashboards/region?year=${YEAR}`, { role: 'regional_chair', region })),
      ctx.get(`/dashboards/national?year=${YEAR}`, { role: 'national' }),
    ];
    let scanned = 0;
    for (const res of await Promise.all(responses)) {
      expect(res.status).toBe(200);
      const walk = (value: unknown, path: string): void => {
        if (typeof value === 'number') {
          scanned++;
          // Percentages and per-child averages are not counts; yearEnding is a label.
          if (!/(^|\.)(percent|incidentsPerMissingChild|yearEnding)$/.test(path)) expect(value >= 1 && value <= 5, `${path} = ${value}`).toBe(false);
        } else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
        }
      };
      walk(await res.json(), '');
    }
    expect(scanned).toBeGreaterThan(1000); // the scan really saw the tables
  });

  it('duplicated and reordered tenant and rollup messages give byte-identical aggregates', { timeout: 120_000 }, async () => {
    const before = await aggregates();
    // Throw the aggregates away, so the replay below must rebuild them rather than find them in place.
    const rollup = ctx.platform.data.for(ROLLUP_SCOPE);
    for (const region of REGIONS) await rollup.delete(aggregateKeys.region(regionScope(region), YEAR));
    await rollup.delete(aggregateKeys.national(YEAR));
    expect((await aggregates()).national).toBeUndefined();
    const codes = LOCAL_AUTHORITIES.map((l) => l.code).reverse();
    const tenantMessages = [...codes, ...codes.slice(0, 40)].map((la) => ({ type: 'tenant', la, reason: 'replay' }));
    await ctx.platform.queue.send(ctx.platform.queues.rollup.url, [{ type: 'rollup', yearEnding: YEAR }, { type: 'rollup', yearEnding: YEAR }]);
    await ctx.platform.queue.send(ctx.platform.queues.tenant.url, tenantMessages);
    await ctx.platform.drain(120_000);
    expect(await aggregates()).toEqual(before);
  });
});
