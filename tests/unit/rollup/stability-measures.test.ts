import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { buildAggregateSnapshots } from '../../../shared/domain/rollup/index.ts';
import type { LaSnapshot } from '../../../shared/domain/rollup/types.ts';
import { chain, child, type ChildSpec } from '../metrics/factories.ts';

// Every child in care since 2020 (so in the two-year measure), with a social worker history chosen per LA.
function laWith(la: string, name: string, region: LaSnapshot['region'], spec: Omit<ChildSpec, 'episodes'>, n: number): LaSnapshot {
  const children = Array.from({ length: n }, (_, i) => child(`${la}-${i}`, { ...spec, episodes: chain([{ decom: '2020-01-06' }]) }));
  return { la, name, region, yearEnding: 2025, asAt: '2025-03-31', datasetVersion: 'v1', metrics: computeLaMetrics({ yearEnding: 2025, children }, { yearEnding: 2025 }) };
}

const oneChange = { socialWorkers: [['W1', '2020-01-06', '2024-06-01'], ['W2', '2024-06-01', null]] as ChildSpec['socialWorkers'] };
const twoChanges = { socialWorkers: [['W1', '2020-01-06', '2024-06-01'], ['W2', '2024-06-01', '2024-09-01'], ['W3', '2024-09-01', null]] as ChildSpec['socialWorkers'] };
const sameWorker = { socialWorkers: [['W1', '2020-01-06', null]] as ChildSpec['socialWorkers'] };

describe('social worker and two-year stability in the regional and national snapshots', () => {
  // South East: Kent 40 children with 1 change, Medway 3 with 2 changes, Surrey 9 with the same worker.
  // London: Camden 27 with the same worker.
  const snapshots = [
    laWith('886', 'Kent', 'South East', oneChange, 40),
    laWith('887', 'Medway', 'South East', twoChanges, 3),
    laWith('936', 'Surrey', 'South East', sameWorker, 9),
    laWith('202', 'Camden', 'London', sameWorker, 27),
  ];
  const { regional, national } = buildAggregateSnapshots(2025, snapshots);
  const se = regional.find((r) => r.region === 'South East')!;
  const la = (code: string) => se.las.find((l) => l.la === code)!.metrics;

  it('LAs side by side, unrounded: Kent 40 of 40 with one change (100%), Surrey none', () => {
    expect(la('886').socialWorkerChanges?.one).toEqual({ numerator: 40, denominator: 40, percent: 100 });
    // Surrey's 9 looked after is the secondary suppression for Medway's 3 (52 − 40 − 9 would give it away).
    expect(la('936').socialWorkerChanges?.one).toEqual({ numerator: 0, denominator: { suppressed: 'c', reason: expect.any(String) }, percent: { suppressed: 'c', reason: expect.any(String) } });
    // Every child has been in care since January 2020 in one placement: all in the two-year measure, none with 3+.
    expect(la('886').twoYearStability).toEqual({ numerator: 0, denominator: 40, percent: 0 });
  });

  it('Medway’s 3 children with two changes are suppressed, as is its CLA count and every ratio over it', () => {
    const c = { suppressed: 'c', reason: expect.any(String) };
    expect(la('887').socialWorkerChanges?.two.numerator).toEqual(c);
    expect(la('887').socialWorkerChanges?.two.percent).toEqual(c);
    expect(la('887').cla.count).toEqual(c);
    // The region's 3 children with two changes would reveal Medway's: suppressed at region and England too.
    expect(se.total.metrics.socialWorkerChanges?.two.numerator).toEqual(c);
    expect(national.england.metrics.socialWorkerChanges?.two.numerator).toEqual(c);
  });

  it('regional and national totals are rounded to 10 and identical in both snapshots', () => {
    // England: 40 children with one change of 79 looked after → 40 of 80, 51% from the exact counts.
    expect(national.england.metrics.socialWorkerChanges?.one).toEqual({ numerator: 40, denominator: 80, percent: 51 });
    expect(national.regions.find((r) => r.region === 'South East')!.metrics).toEqual(se.total.metrics);
    expect(national.england.metrics.twoYearStability.denominator).toBe(80);
  });

  it('null where no LA aggregated has social worker episodes (years before SWEpisodes)', () => {
    const none = [laWith('886', 'Kent', 'South East', {}, 40), laWith('202', 'Camden', 'London', {}, 27)];
    const built = buildAggregateSnapshots(2025, none);
    expect(built.national.england.metrics.socialWorkerChanges).toBeNull();
    expect(built.regional.find((r) => r.region === 'London')!.las[0]!.metrics.socialWorkerChanges).toBeNull();
  });
});
