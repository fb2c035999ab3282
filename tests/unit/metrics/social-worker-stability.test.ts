import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { chain, child, dataset } from './factories.ts';

// Year 2024-25 (1 April 2024 – 31 March 2025). A change is a worker episode starting in the year after an
// earlier one with a different worker.
describe('social worker stability: CLA at 31 March with 1, 2, 3+ changes of social worker in the year', () => {
  const inCare = chain([{ decom: '2022-01-10' }]);
  const ds = dataset(
    // A: one worker since 2022 → 0 changes.
    child('A', { episodes: inCare, socialWorkers: [['W1', '2022-01-10', null]] }),
    // B: W1 → W2 on 1 April 2024 (first day of the year) → 1 change.
    child('B', { episodes: inCare, socialWorkers: [['W1', '2022-01-10', '2024-04-01'], ['W2', '2024-04-01', null]] }),
    // C: W1 → W2 on 31 March 2024 (last year) → W3 in June 2024 → W4 in Jan 2025: 2 changes in the year.
    child('C', {
      episodes: inCare,
      socialWorkers: [['W1', '2022-01-10', '2024-03-31'], ['W2', '2024-03-31', '2024-06-01'], ['W3', '2024-06-01', '2025-01-05'], ['W4', '2025-01-05', null]],
    }),
    // D: W1 → W2 → W1 → W3 within the year: 3 changes (going back to W1 is a change) → 3+.
    child('D', {
      episodes: inCare,
      socialWorkers: [['W1', '2022-01-10', '2024-05-01'], ['W2', '2024-05-01', '2024-07-01'], ['W1', '2024-07-01', '2024-09-01'], ['W3', '2024-09-01', null]],
    }),
    // E: the same worker re-allocated (W1 → W1) is no change; then W2 on 31 March 2025 (last day) → 1 change.
    child('E', { episodes: inCare, socialWorkers: [['W1', '2022-01-10', '2024-05-01'], ['W1', '2024-05-01', '2025-03-31'], ['W2', '2025-03-31', null]] }),
    // F: came into care in the year: the first worker is no change → 0.
    child('F', { episodes: chain([{ decom: '2024-10-01' }]), socialWorkers: [['W5', '2024-10-01', null]] }),
    // G: 2 changes but left care in February 2025 → not looked after at 31 March, outside the measure.
    child('G', {
      episodes: chain([{ decom: '2022-01-10' }], { dec: '2025-02-01', rec: 'E4A' }),
      socialWorkers: [['W1', '2022-01-10', '2024-05-01'], ['W2', '2024-05-01', '2024-08-01'], ['W3', '2024-08-01', '2025-02-01']],
    }),
    // H: looked after, no social worker episodes recorded → in the denominator with 0 changes.
    child('H', { episodes: inCare }),
  );

  it('denominator A B C D E F H = 7; one change B E = 2; two C = 1; three or more D = 1', () => {
    const m = computeLaMetrics(dataset(...ds.children), { yearEnding: 2025 });
    expect(m.socialWorkerChanges).toEqual({
      one: { numerator: 2, denominator: 7, rate: 2 / 7 },
      two: { numerator: 1, denominator: 7, rate: 1 / 7 },
      threePlus: { numerator: 1, denominator: 7, rate: 1 / 7 },
    });
  });

  it('as at 30 September 2024: C has 1 change (June), D 3 (May, July, Sept), E none yet; G still in care with 2', () => {
    // Denominator A B C D E G H = 7 (F arrives 1 October); one: B C = 2; two: G = 1; 3+: D = 1.
    const m = computeLaMetrics(ds, { yearEnding: 2025, asAt: '2024-09-30' });
    expect(m.socialWorkerChanges?.one.numerator).toBe(2);
    expect(m.socialWorkerChanges?.two.numerator).toBe(1);
    expect(m.socialWorkerChanges?.threePlus.numerator).toBe(1);
    expect(m.socialWorkerChanges?.one.denominator).toBe(7);
  });

  it('is null when the data holds no social worker episode in the year (years before SWEpisodes)', () => {
    const before = dataset(child('A', { episodes: inCare }), child('B', { episodes: inCare, socialWorkers: [['W1', '2020-01-01', '2021-01-01']] }));
    expect(computeLaMetrics(before, { yearEnding: 2025 }).socialWorkerChanges).toBeNull();
  });
});
