import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { chain, child, dataset, episode } from './factories.ts';

describe('metric 7: missing and away', () => {
  it('children looked after in the year with an M (or A) incident starting in the year', () => {
    const ds = dataset(
      // A: M 1 May, M 1 Dec (in), M 31 Mar 2024 (before the year); A 1 June.
      child('A', { episodes: chain([{ decom: '2023-01-01' }]), missing: [['M', '2024-05-01'], ['M', '2024-12-01'], ['M', '2024-03-31'], ['A', '2024-06-01']] }),
      // B: M on 1 April 2024, the first day of the year.
      child('B', { episodes: chain([{ decom: '2023-01-01' }]), missing: [['M', '2024-04-01']] }),
      // C: left care on 1 April 2024 → not looked after in the year → its incident does not count.
      child('C', { episodes: chain([{ decom: '2023-01-01' }], { dec: '2024-04-01', rec: 'E4A' }), missing: [['M', '2024-04-05']] }),
      // D: looked after, no incidents. E: two away incidents.
      child('D', { episodes: chain([{ decom: '2023-01-01' }]) }),
      child('E', { episodes: chain([{ decom: '2023-01-01' }]), missing: [['A', '2024-07-01'], ['A', '2025-03-31']] }),
    );
    // Denominator A B D E = 4. Missing: A (2), B (1) → 2 children, 3 incidents, 1.5 each. Away: A (1), E (2) → 2, 3.
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).missing).toEqual({
      children: { numerator: 2, denominator: 4, rate: 0.5 },
      incidents: 3,
      incidentsPerMissingChild: 1.5,
      away: { children: { numerator: 2, denominator: 4, rate: 0.5 }, incidents: 3 },
    });
  });
});

describe('metric 8: return home and re-entry within 12 months', () => {
  const ds = dataset(
    // C1: home (E4A) 10 May 2024, S re-entry 1 Aug 2024 → re-entered.
    child('C1', { episodes: [...chain([{ decom: '2023-01-01' }], { dec: '2024-05-10', rec: 'E4A' }), ...chain([{ decom: '2024-08-01' }])] }),
    // C2: home (E13) on 1 April 2024: a return in this year (interpretation I1); no re-entry.
    child('C2', { episodes: chain([{ decom: '2023-01-01' }], { dec: '2024-04-01', rec: 'E13' }) }),
    // C3: home (E4B) 1 June 2024, then short breaks (V3) from 1 July: not a re-entry.
    child('C3', { episodes: [...chain([{ decom: '2023-01-01' }], { dec: '2024-06-01', rec: 'E4B' }), episode({ decom: '2024-07-01', ls: 'V3' })] }),
    // C4: a short-break episode ending E4A is not a return home.
    child('C4', { episodes: [episode({ decom: '2024-01-01', ls: 'V3', dec: '2024-07-01', rec: 'E4A' })] }),
    // C5: two returns home (20 Apr, re-entry 20 May; 1 Sept, none): 2 episodes, 1 child, re-entered.
    child('C5', {
      episodes: [
        ...chain([{ decom: '2023-01-01' }], { dec: '2024-04-20', rec: 'E4A' }),
        ...chain([{ decom: '2024-05-20' }], { dec: '2024-09-01', rec: 'E4A' }),
      ],
    }),
    // C6: home on the as-at date, re-enters 2 Apr 2025: after the as-at date → censored, not counted.
    child('C6', { episodes: [...chain([{ decom: '2023-01-01' }], { dec: '2025-03-31', rec: 'E4A' }), ...chain([{ decom: '2025-04-02' }])] }),
    // C7: home 31 Mar 2024 → previous year's returner (no re-entry).
    child('C7', { episodes: chain([{ decom: '2023-01-01' }], { dec: '2024-03-31', rec: 'E4A' }) }),
    // C8: transferred to another LA (E3): not a return home.
    child('C8', { episodes: chain([{ decom: '2023-01-01' }], { dec: '2024-06-01', rec: 'E3' }) }),
    // C9: home 1 May 2024; short breaks 1 June → care order (C2, RNE L) 1 July: the C2 episode starts a new
    //     period of care (V3 removed) 61 days after going home → re-entered.
    child('C9', {
      episodes: [
        ...chain([{ decom: '2023-01-01' }], { dec: '2024-05-01', rec: 'E4A' }),
        episode({ decom: '2024-06-01', ls: 'V3', dec: '2024-07-01', rec: 'X1' }),
        episode({ decom: '2024-07-01', rne: 'L', ls: 'C2' }),
      ],
    }),
    // P1: home 1 June 2023 (previous year), S re-entry 31 May 2024 = 365 days later (Feb 2024 has 29 days) → re-entered.
    child('P1', { episodes: [...chain([{ decom: '2022-01-01' }], { dec: '2023-06-01', rec: 'E4A' }), ...chain([{ decom: '2024-05-31' }])] }),
    // P2: home 1 June 2023, re-entry 1 June 2024 = 366 days → not within 12 months.
    child('P2', { episodes: [...chain([{ decom: '2022-01-01' }], { dec: '2023-06-01', rec: 'E4A' }), ...chain([{ decom: '2024-06-01' }])] }),
  );

  it('this year: episodes C1 C2 C3 C5×2 C6 C9 = 7; children 6; re-entered C1 C5 C9 = 3 of 6; censored at the as-at date', () => {
    const r = computeLaMetrics(ds, { yearEnding: 2025 }).reunification;
    expect(r.episodes).toBe(7);
    expect(r.children).toBe(6);
    expect(r.reentryWithin12Months).toEqual({ numerator: 3, denominator: 6, rate: 0.5 });
    expect(r.censoredAt).toBe('2025-03-31');
  });

  it('previous year (settled figure): C7, P1, P2 went home; only P1 (365 days, not 366) re-entered → 1 of 3', () => {
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).reunification.previousYear).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('as at 30 June 2024 the re-entries after that date are not yet observed', () => {
    // Returns 1 Apr–30 Jun: C1 (10 May), C2 (1 Apr), C3 (1 Jun), C5 (20 Apr), C8 is not one, C9 (1 May) → 5 episodes, 5 children.
    // Re-entered by 30 June: C5 (20 May) only; C1 (1 Aug) and C9 (1 July) come later. P1 re-entered 31 May ≤ 30 June.
    const r = computeLaMetrics(ds, { yearEnding: 2025, asAt: '2024-06-30' }).reunification;
    expect(r).toMatchObject({ episodes: 5, children: 5, reentryWithin12Months: { numerator: 1, denominator: 5 }, censoredAt: '2024-06-30' });
    expect(r.previousYear).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('previousYear is null when the dataset holds no previous-year returners; history uploads supply them', () => {
    const thisYear = dataset(child('C1', { episodes: [...chain([{ decom: '2023-01-01' }], { dec: '2024-05-10', rec: 'E4A' }), ...chain([{ decom: '2024-08-01' }])] }));
    expect(computeLaMetrics(thisYear, { yearEnding: 2025 }).reunification.previousYear).toBeNull();
    // Last year's upload holds a child who went home in 2023-24 and never came back (so is not in this year's return).
    const lastYear = { yearEnding: 2024, children: [child('X', { episodes: chain([{ decom: '2022-01-01' }], { dec: '2023-09-01', rec: 'E4B' }) })] };
    const m = computeLaMetrics(thisYear, { yearEnding: 2025, history: [lastYear] });
    expect(m.reunification.previousYear).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(m.reunification.children).toBe(1);
  });
});
