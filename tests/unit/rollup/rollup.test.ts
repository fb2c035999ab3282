import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { buildAggregateSnapshots, buildNationalSnapshot, buildRegionalSnapshot } from '../../../shared/domain/rollup/index.ts';
import type { LaSnapshot } from '../../../shared/domain/rollup/types.ts';
import { REGIONS } from '../../../shared/domain/tenancy/regions.ts';
import { syntheticSnapshots } from './synthetic-snapshots.ts';
import { chain, child } from '../metrics/factories.ts';

function laWith(la: string, name: string, region: LaSnapshot['region'], cla: number): LaSnapshot {
  const children = Array.from({ length: cla }, (_, i) => child(`${la}-${i}`, { episodes: chain([{ decom: '2020-01-06' }]) }));
  return { la, name, region, yearEnding: 2025, asAt: '2025-03-31', datasetVersion: 'v1', metrics: computeLaMetrics({ yearEnding: 2025, children }, { yearEnding: 2025 }) };
}

describe('regional and national snapshots', () => {
  const snapshots = [laWith('886', 'Kent', 'South East', 40), laWith('887', 'Medway', 'South East', 3), laWith('936', 'Surrey', 'South East', 7), laWith('202', 'Camden', 'London', 27)];

  it('regional: LAs side by side, unrounded, 1–5 suppressed plus a secondary cell; totals rounded to 10', () => {
    const se = buildRegionalSnapshot('South East', 2025, snapshots);
    expect(se.las.map((l) => [l.la, l.name])).toEqual([['886', 'Kent'], ['887', 'Medway'], ['936', 'Surrey']]);
    expect(se.las[0]!.cla).toBe(40);
    expect(se.las[1]!.cla).toEqual({ suppressed: 'c', reason: expect.any(String) });
    // Medway's 3 would be 50 − 40 − 7: Surrey's 7 (the smallest other LA) is suppressed too.
    expect(se.las[2]!.cla).toEqual(se.las[1]!.cla); // same reason: primary and secondary are indistinguishable
    expect(se.total.cla).toBe(50);
    // Every child has been in the same U4 since 2020: long-term stability 100%, whole-number percent; LA counts exact.
    expect(se.las[0]!.metrics.longTermStability).toEqual({ numerator: 40, denominator: 40, percent: 100 });
    expect(se.las[1]!.metrics.shortTermStability.percent).toEqual({ suppressed: 'c', reason: expect.any(String) });
    // No child ids, even where the LA has overdue children.
    expect(JSON.stringify(se)).not.toContain('886-');
  });

  it('national: regions and England rounded; regional totals identical to the regional snapshots', () => {
    const national = buildNationalSnapshot(2025, snapshots);
    expect(national.england.cla).toBe(80); // 77 → 80
    expect(national.regions.find((r) => r.region === 'London')!.cla).toBe(30); // 27 → 30
    expect(national.regions.find((r) => r.region === 'North East')!.cla).toBeNull(); // no LA snapshot: not available
    for (const r of REGIONS) {
      expect(national.regions.find((x) => x.region === r)!.metrics).toEqual(buildRegionalSnapshot(r, 2025, snapshots).total.metrics);
    }
  });

  it('order-independent: shuffled (and duplicated) input gives byte-identical JSON', () => {
    const base = syntheticSnapshots(11, 60);
    const expected = JSON.stringify([buildNationalSnapshot(2025, base), ...REGIONS.map((r) => buildRegionalSnapshot(r, 2025, base))]);
    // An older version of one LA's snapshot in the input is ignored wherever it appears.
    const stale = { ...base[0]!, datasetVersion: 'v0', asAt: '2025-01-31' };
    fc.assert(
      fc.property(fc.shuffledSubarray([...base, stale], { minLength: base.length + 1, maxLength: base.length + 1 }), (shuffled) => {
        const got = JSON.stringify([buildNationalSnapshot(2025, shuffled), ...REGIONS.map((r) => buildRegionalSnapshot(r, 2025, shuffled))]);
        expect(got).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });

  it('ignores snapshots of other years', () => {
    const other = { ...snapshots[0]!, yearEnding: 2024 };
    expect(buildNationalSnapshot(2025, [...snapshots, other])).toEqual(buildNationalSnapshot(2025, snapshots));
  });

  it('buildAggregateSnapshots gives exactly the snapshots of the single builders, from one suppression', () => {
    const { regional, national } = buildAggregateSnapshots(2025, snapshots);
    expect(national).toEqual(buildNationalSnapshot(2025, snapshots));
    expect(regional).toEqual(REGIONS.map((r) => buildRegionalSnapshot(r, 2025, snapshots)));
  });
});
