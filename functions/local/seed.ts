import { systemActor } from '../../shared/data/audit.ts';
import { getPointer, loadLiveYears } from '../../shared/data/repositories/datasets.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { createRecord, listRecords } from '../../shared/data/repositories/records.ts';
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


/** Record writes in flight at once: each is three round trips (read, history claim, apply), so overlap them. */
const RECORD_WRITES_IN_FLIGHT = 16;

/**
 * Synthetic IRO practice records (roster, allocations, reviews, contacts, decisions, disputes, cards, sibling
 * groups) for the LA's stored returns, written through the record repositories (each with its history item),
 * so the worklist and metric 9 show real figures. Returns how many records were written.
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
  const writes = [
    ...iros.map((r) => () => createRecord(table, c.iros, r.id, r)),
    ...records.allocations.map((r) => () => createRecord(table, c.allocations, r.id, r)),
    ...records.reviews.map((r) => () => createRecord(table, c.reviews, r.id, r)),
    ...records.contacts.map((r) => () => createRecord(table, c.contacts, r.id, r)),
    ...records.decisions.map((r) => () => createRecord(table, c.decisions, r.id, r)),
    ...records.disputes.map((r) => () => createRecord(table, c.disputes, r.id, r)),
    ...records.cards.map((r) => () => createRecord(table, c.feedbackCards, r.id, r)),
    ...records.siblingGroups.map((r) => () => createRecord(table, c.siblingGroups, r.id, r)),
  ];
  let next = 0;
  const worker = async () => {
    while (next < writes.length) await writes[next++]!();
  };
  await Promise.all(Array.from({ length: RECORD_WRITES_IN_FLIGHT }, worker));
  return writes.length;
}

/**
 * Imports synthetic 903 returns for the demo tenants through the same import path an upload takes
 * (parse, validate, versioned write, pointer flip), then practice records for the first LA. Skips LAs already seeded
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
  // Practice records only for the first LA (the printed IRO users' LA): they go through the record repositories one
  // by one (three round trips each, 150–400 records/s here) and an LA keeps 7,000–25,000 of them, so every demo
  // LA would add tens of minutes to a first start.
  const withPractice = las[0]?.code;
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
    if (la.code === withPractice && (await listRecords(table, practiceCollections.iros, { limit: 1 })).items.length === 0) {
      practiceRecords += await seedPracticeRecords(table);
    }
    onProgress(i + 1, las.length, la);
  }
  return { imported, skipped, practiceRecords };
}
