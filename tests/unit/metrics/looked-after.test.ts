import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { chain, child, dataset, episode } from './factories.ts';

// Collection year 2025 = 1 April 2024 – 31 March 2025.
describe('metric 1: children looked after (DESIGN §4)', () => {
  const ds = dataset(
    child('A', { episodes: chain([{ decom: '2023-01-10' }]) }), // open since 2023: CLA and during the year
    child('B', { episodes: chain([{ decom: '2023-01-10' }], { dec: '2024-04-01', rec: 'E4A' }) }), // ended 1 April: not in the year
    child('C', { episodes: chain([{ decom: '2023-01-10' }], { dec: '2024-04-02', rec: 'E4A' }) }), // one day in the year
    child('D', { episodes: [episode({ decom: '2024-05-01', ls: 'V3', place: 'U4' })] }), // short breaks only: nowhere
    child('E', { episodes: chain([{ decom: '2025-03-31' }]) }), // starts on the as-at date: DECOM ≤ d → CLA
    child('F', { episodes: chain([{ decom: '2024-06-01' }], { dec: '2025-03-31', rec: 'E13' }) }), // DEC = d → not CLA
    child('G', { episodes: chain([{ decom: '2025-04-01' }]) }), // after the year
  );

  it('at 31 March: A and E (count 2); during the year: A, C, E, F (4)', () => {
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).cla).toEqual({ count: 2, duringYear: 4 });
  });

  it('as at 30 Sept 2024: A, F looked after (E, G not yet); during 1 Apr–30 Sept: A, C, F', () => {
    const m = computeLaMetrics(ds, { yearEnding: 2025, asAt: '2024-09-30' });
    expect(m.asAt).toBe('2024-09-30');
    expect(m.cla).toEqual({ count: 2, duringYear: 3 });
  });

  it('a V3 → C2 transition counts from the care-order episode only', () => {
    const h = child('H', {
      episodes: [
        episode({ decom: '2024-01-01', ls: 'V3', dec: '2024-06-01', rec: 'X1' }),
        episode({ decom: '2024-06-01', rne: 'L', ls: 'C2', dec: null, rec: null }),
      ],
    });
    expect(computeLaMetrics(dataset(h), { yearEnding: 2025, asAt: '2024-05-31' }).cla).toEqual({ count: 0, duringYear: 0 });
    expect(computeLaMetrics(dataset(h), { yearEnding: 2025 }).cla).toEqual({ count: 1, duringYear: 1 });
  });

  it('has exactly the DESIGN §7 keys, in order', () => {
    const m = computeLaMetrics(ds, { yearEnding: 2025 });
    expect(Object.keys(m)).toEqual([
      'yearEnding', 'asAt', 'cla', 'shortTermStability', 'longTermStability', 'placementMoves', 'reviewTimeliness',
      'participation', 'missing', 'longTermStabilitySameCarer', 'reunification',
      // The §7 keys, then the two further stability measures and the look-back shortfall, appended.
      'twoYearStability', 'socialWorkerChanges', 'historyShortfall',
    ]);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
