import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { chain, child, dataset } from './factories.ts';

// As at 31 March 2025: period cut-off = 31 Mar 2025 − 30 months = 30 Sept 2022 (31 Sept clamps to 30);
// placement cut-off = 31 Mar 2025 − 24 months = 31 March 2023.
describe('metric 3: long-term placement stability (DfE)', () => {
  const ds = dataset(
    // A: period and placement start exactly 30 Sept 2022 (2.5 years, clamped) → den; placement ≤ 31 Mar 2023 → num.
    child('A', { dob: '2014-01-01', episodes: chain([{ decom: '2022-09-30' }]) }),
    // B: period starts 1 Oct 2022, one day short of 2.5 years → not in the denominator.
    child('B', { dob: '2014-01-01', episodes: chain([{ decom: '2022-10-01' }]) }),
    // C: placement started exactly 31 March 2023 (2 years) → num.
    child('C', { dob: '2014-01-01', episodes: chain([{ decom: '2020-01-01' }, { decom: '2023-03-31', place: 'U5' }]) }),
    // D: placement started 1 April 2023, one day short of 2 years → den only.
    child('D', { dob: '2014-01-01', episodes: chain([{ decom: '2020-01-01' }, { decom: '2023-04-01', place: 'U5' }]) }),
    // E: 16 on 31 March 2025 (born 31 March 2009) → not under 16 → excluded.
    child('E', { dob: '2009-03-31', episodes: chain([{ decom: '2018-01-01' }]) }),
    // F: 16 on 1 April 2025, so 15 on the as-at date → included and stable → num.
    child('F', { dob: '2009-04-01', episodes: chain([{ decom: '2018-01-01' }]) }),
    // G: an L (legal status) change in 2024 does not break the 2021 placement → num.
    child('G', { dob: '2014-01-01', episodes: chain([{ decom: '2020-01-01', ls: 'C1' }, { decom: '2021-01-01', place: 'U5' }, { decom: '2024-06-01', rne: 'L' , place: 'U5'}]) }),
    // H: a hospital stay (T1) and return to the same placement does not break it → num.
    child('H', {
      dob: '2014-01-01',
      episodes: chain([{ decom: '2020-01-01' }, { decom: '2021-01-01', place: 'U5' }, { decom: '2024-06-01', place: 'T1' }, { decom: '2024-06-20', place: 'U5' }]),
    }),
    // I: a T change (new placement, same carers) in Jan 2024: breaks the placement (den only) but not the
    //    same-carer reading (num there).
    child('I', { dob: '2014-01-01', episodes: chain([{ decom: '2020-01-01' }, { decom: '2024-01-01', rne: 'T', place: 'U5' }]) }),
    // J: foster U4 since 2020-01-01, placed for adoption (A4) June 2024: the placement before the adoptive one
    //    started 2020 → num.
    child('J', { dob: '2019-01-01', episodes: chain([{ decom: '2020-01-01' }, { decom: '2024-06-01', place: 'A4' }]) }),
    // K: U4 2020 → A4 Jan 2024 → A5 Aug 2024: the adoptive run A4–A5 ends with the current one; before it U4 (2020) → num.
    child('K', { dob: '2019-01-01', episodes: chain([{ decom: '2020-01-01' }, { decom: '2024-01-01', place: 'A4' }, { decom: '2024-08-01', place: 'A5' }]) }),
    // L: the period began in the adoptive run (A4 June 2022, then A5 May 2024): the run's own start 1 June 2022 → num.
    child('L', { dob: '2021-01-01', episodes: chain([{ decom: '2022-06-01', place: 'A4' }, { decom: '2024-05-01', place: 'A5' }]) }),
    // M: U4 2021 → U5 June 2023 → A4 Sept 2024: the placement before the adoptive one started June 2023 → den only.
    child('M', { dob: '2019-01-01', episodes: chain([{ decom: '2021-01-01' }, { decom: '2023-06-01', place: 'U5' }, { decom: '2024-09-01', place: 'A4' }]) }),
    // N: not looked after on 31 March → out.
    child('N', { dob: '2014-01-01', episodes: chain([{ decom: '2020-01-01' }], { dec: '2025-03-01', rec: 'E4A' }) }),
  );

  it('denominator A C D F G H I J K L M = 11; numerator A C F G H J K L = 8', () => {
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).longTermStability).toEqual({ numerator: 8, denominator: 11, rate: 8 / 11 });
  });

  it('same-carer reading: I (T change) also counts → 9 of 11', () => {
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).longTermStabilitySameCarer).toEqual({ numerator: 9, denominator: 11, rate: 9 / 11 });
  });

  it('uses the as-at date in place of 31 March (30 Sept 2024: cut-offs 30 Mar 2022 and 30 Sept 2022)', () => {
    const asAtDs = dataset(
      // P: period 31 Mar 2022 > 30 Mar 2022 → out. Q: period 30 Mar 2022, placement 30 Sept 2022 → num.
      child('P', { episodes: chain([{ decom: '2022-03-31' }]) }),
      child('Q', { episodes: chain([{ decom: '2022-03-30' }, { decom: '2022-09-30', place: 'U5' }]) }),
    );
    expect(computeLaMetrics(asAtDs, { yearEnding: 2025, asAt: '2024-09-30' }).longTermStability).toEqual({ numerator: 1, denominator: 1, rate: 1 });
  });
});
