import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { chain, child, dataset } from './factories.ts';

// As at 31 March 2025 the two years run from 1 April 2023 (31 March 2023 + 1 day) to 31 March 2025.
describe('two-year stability: looked after for the two years, 3+ placements in them', () => {
  const ds = dataset(
    // A: in care since 2020, one placement → den, 1 placement.
    child('A', { episodes: chain([{ decom: '2020-01-01' }]) }),
    // B: placement in force on 1 April 2023 (from 2020), moves June 2023 and Feb 2025 → 3 placements → num.
    child('B', { episodes: chain([{ decom: '2020-01-01' }, { decom: '2023-06-01', place: 'U5' }, { decom: '2025-02-01', place: 'U6' }]) }),
    // C: period began 1 April 2023 exactly: looked after on the first day → den; placements 1 April 2023
    //    (a start, not "in force before"), Jan 2024, Jan 2025 → 3 → num.
    child('C', { episodes: chain([{ decom: '2023-04-01' }, { decom: '2024-01-01', place: 'U5' }, { decom: '2025-01-01', place: 'U6' }]) }),
    // D: period began 2 April 2023, a day short of two years → out.
    child('D', { episodes: chain([{ decom: '2023-04-02' }, { decom: '2024-01-01', place: 'U5' }, { decom: '2025-01-01', place: 'U6' }]) }),
    // E: moves in 2022 and 2022 then settled; only the one in force on 1 April 2023 counts → 1 → den only.
    child('E', { episodes: chain([{ decom: '2021-01-01' }, { decom: '2022-03-01', place: 'U5' }, { decom: '2022-09-01', place: 'U6' }]) }),
    // F: a temporary T1 stay and return in 2024 is no placement: 2020 placement + move May 2023 = 2 → den only.
    child('F', { episodes: chain([{ decom: '2020-01-01' }, { decom: '2023-05-01', place: 'U5' }, { decom: '2024-06-01', place: 'T1' }, { decom: '2024-06-10', place: 'U5' }]) }),
    // G: three placements but left care in March 2025 → not looked after at 31 March → out.
    child('G', { episodes: chain([{ decom: '2020-01-01' }, { decom: '2023-06-01', place: 'U5' }, { decom: '2024-06-01', place: 'U6' }], { dec: '2025-03-01', rec: 'E4A' }) }),
    // H: went home in 2023 and came back: the current period began Sept 2023 → out, whatever its placements.
    child('H', { episodes: [...chain([{ decom: '2020-01-01' }], { dec: '2023-05-01', rec: 'E4A' }), ...chain([{ decom: '2023-09-01' }])] }),
  );

  it('denominator A B C E F = 5; numerator B C = 2', () => {
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).twoYearStability).toEqual({ numerator: 2, denominator: 5, rate: 2 / 5 });
  });

  it('neither B nor C reaches 3 within 2024-25 alone (each: the placement in force on 1 April 2024 + one move)', () => {
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).shortTermStability.numerator).toBe(0);
  });
});
