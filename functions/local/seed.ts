import { systemActor } from '../../shared/data/audit.ts';
import { getPointer, loadLiveYears } from '../../shared/data/repositories/datasets.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { listRecords, seedRecords } from '../../shared/data/repositories/records.ts';
import type { ScopedTable } from '../../shared/data/scoped-table.ts';
import { tenantScope, type TenantScope } from '../../shared/data/scopes.ts';
import { mergeDatasets } from '../../shared/domain/metrics/history.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import { LOCAL_AUTHORITIES, type LocalAuthority } from '../../shared/domain/tenancy/local-authorities.ts';
import type { RegionName } from '../../shared/domain/tenancy/regions.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { devSubject } from './dev-issuer.ts';
import { generatePracticeRecords } from '../../shared/synthetic/practice/generate.ts';
import type { LocalPlatform } from './platform.ts';

/**
 * Five years of in-year returns: each return holds only its year (as the DfE expects), and the look-back metrics
 * of the last three (long-term stability's 30 months, the review sequence, two-year stability) read the two
 * before as stored history, so their history shortfall is (close to) nothing.
 */
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025];
export const DEMO_SEED = 903;


/**
 * Synthetic IRO practice records (roster, allocations, reviews, contacts, decisions, disputes, cards, sibling
 * groups) for the LA's stored returns, each at revision 1 with its history item, written in bulk into the LA's
 * empty collections (seedRecords), so the worklist and metric 9 show real figures. The roster goes last: an LA
 * with a roster is fully seeded. Returns how many records were written.
 */
export async function seedPracticeRecords(table: ScopedTable<TenantScope>): Promise<number> {
  const years = await loadLiveYears(table);
  if (years.length === 0) return 0;
  const dataset = mergeDatasets(years.map((y) => y.dataset));
  const records = generatePracticeRecords(dataset, { seed: DEMO_SEED, laCode: table.scope.la });
  // The printed demo IRO signs in as the IRO with most children allocated now, so their worklist has their children.
  const current = new Map<string, number>();
  for (const a of records.allocations) if (a.to === null) current.set(a.iro, (current.get(a.iro) ?? 0) + 1);
  const busiest = [...current].sort((a, b) => b[1] - a[1])[0]?.[0];
  const demoSub = devSubject({ role: 'iro', tenant: table.scope.la });
  const iros = records.iros.map((r) => (r.id === busiest ? { ...r, sub: demoSub } : r));
  const c = practiceCollections;
  const byId = <T extends { id: string }>(items: readonly T[]) => items.map((fields) => ({ id: fields.id, fields }));
  await Promise.all([
    seedRecords(table, c.allocations, byId(records.allocations)),
    seedRecords(table, c.reviews, byId(records.reviews)),
    seedRecords(table, c.contacts, byId(records.contacts)),
    seedRecords(table, c.decisions, byId(records.decisions)),
    seedRecords(table, c.disputes, byId(records.disputes)),
    seedRecords(table, c.feedbackCards, byId(records.cards)),
    seedRecords(table, c.siblingGroups, byId(records.siblingGroups)),
  ]);
  await seedRecords(table, c.iros, byId(iros));
  const { allocations, reviews, contacts, decisions, disputes, cards, siblingGroups } = records;
  return [iros, allocations, reviews, contacts, decisions, disputes, cards, siblingGroups].reduce((n, list) => n + list.length, 0);
}

/**
 * Imports synthetic 903 returns for the demo tenants through the same import path an upload takes
 * (parse, validate, versioned write, pointer flip), then each LA's practice records. Skips LAs already seeded
 * (returns and practice records each), so restarts are fast.
 */
export async function seedDemo(
  platform: LocalPlatform,
  las: readonly LocalAuthority[],
  onProgress: (done: number, total: number, la: LocalAuthority) => void = () => undefined,
): Promise<{ imported: number; skipped: number; practiceRecords: number }> {
  let imported = 0;
  let skipped = 0;
  let practiceRecords = 0;
  for (const [i, la] of las.entries()) {
    const table = platform.data.for(tenantScope(la.code), { actor: systemActor('demo-seed') });
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
    if ((await listRecords(table, practiceCollections.iros, { limit: 1 })).items.length === 0) {
      practiceRecords += await seedPracticeRecords(table);
    }
    onProgress(i + 1, las.length, la);
  }
  return { imported, skipped, practiceRecords };
}
