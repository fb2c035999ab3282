import { getPointer } from '../../shared/data/repositories/datasets.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import { LOCAL_AUTHORITIES, type LocalAuthority } from '../../shared/domain/tenancy/local-authorities.ts';
import type { RegionName } from '../../shared/domain/tenancy/regions.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import type { LocalPlatform } from './platform.ts';

/**
 * Demo tenants: every LA of three regions (37 LAs), so regional chairs have real side-by-side tables and the
 * national view has something to compare; small enough to seed in about a minute on two cores.
 */
export const DEMO_REGIONS: RegionName[] = ['North East', 'East Midlands', 'South West'];
/**
 * Five years of in-year returns: each return holds only its year (as the DfE expects), and the look-back metrics
 * of the last three (long-term stability's 30 months, the review sequence, two-year stability) read the two
 * before as stored history, so their history shortfall is (close to) nothing.
 */
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025];
export const DEMO_SEED = 903;

export function demoTenants(regions: readonly RegionName[] = DEMO_REGIONS): LocalAuthority[] {
  return LOCAL_AUTHORITIES.filter((la) => regions.includes(la.region));
}

/**
 * Imports synthetic 903 returns for the demo tenants through the same import path an upload takes
 * (parse, validate, versioned write, pointer flip). Skips LAs already seeded, so restarts are fast.
 */
export async function seedDemo(
  platform: LocalPlatform,
  las: readonly LocalAuthority[],
  onProgress: (done: number, total: number, la: LocalAuthority) => void = () => undefined,
): Promise<{ imported: number; skipped: number }> {
  let imported = 0;
  let skipped = 0;
  for (const [i, la] of las.entries()) {
    const table = platform.data.for(tenantScope(la.code));
    if (await getPointer(table, DEMO_YEARS.at(-1)!)) {
      skipped++;
    } else {
      const returns = generateLaReturns(la, { seed: DEMO_SEED, yearsEnding: DEMO_YEARS });
      for (const yearEnding of DEMO_YEARS) {
        const files = [...(returns.get(yearEnding) ?? new Map()).entries()].map(([table, csv]) => ({ name: `${table}.csv`, bytes: new TextEncoder().encode(csv) }));
        const outcome = await importReturn(table, files, { yearEnding });
        if (!outcome.accepted) {
          const first = outcome.report.errors[0];
          throw new Error(`synthetic ${la.name} ${yearEnding} failed validation (${outcome.report.errors.length} errors; first: ${first?.file} row ${first?.row} ${first?.code} ${first?.message})`);
        }
      }
      imported++;
    }
    onProgress(i + 1, las.length, la);
  }
  return { imported, skipped };
}
