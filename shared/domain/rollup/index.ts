import { REGIONS, type RegionName } from '../tenancy/regions.ts';
import type { LaSnapshot, NationalSnapshot, PublishedCount, RegionalSnapshot } from './types.ts';

/**
 * First cut of disclosure for the walking skeleton: counts 1–5 suppressed, regional/national totals rounded to 10.
 * Full primary + secondary suppression over every metric lands with the metrics engine (issue 5).
 */
function primary(count: number): PublishedCount {
  return count >= 1 && count <= 5 ? { suppressed: 'c', reason: 'count of 1 to 5' } : count;
}

function roundedTotal(count: number): PublishedCount {
  const p = primary(count);
  return typeof p === 'number' ? Math.round(p / 10) * 10 : p;
}

/** Order-independent: the same set of LA snapshots gives the same regional snapshot in any order. */
export function buildRegionalSnapshot(region: RegionName, yearEnding: number, snapshots: LaSnapshot[]): RegionalSnapshot {
  const mine = snapshots.filter((s) => s.region === region && s.yearEnding === yearEnding).sort((a, b) => a.la.localeCompare(b.la));
  const total = mine.reduce((sum, s) => sum + s.metrics.cla.count, 0);
  return {
    region,
    yearEnding,
    las: mine.map((s) => ({ la: s.la, name: s.name, cla: primary(s.metrics.cla.count) })),
    total: { cla: roundedTotal(total) },
  };
}

export function buildNationalSnapshot(yearEnding: number, snapshots: LaSnapshot[]): NationalSnapshot {
  const ofYear = snapshots.filter((s) => s.yearEnding === yearEnding);
  const sumFor = (region?: RegionName) =>
    ofYear.filter((s) => region === undefined || s.region === region).reduce((sum, s) => sum + s.metrics.cla.count, 0);
  return {
    yearEnding,
    regions: REGIONS.map((region) => ({ region, cla: roundedTotal(sumFor(region)) })),
    england: { cla: roundedTotal(sumFor()) },
  };
}
