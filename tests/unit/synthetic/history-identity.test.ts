/**
 * The same children stored two ways give the same metrics: returns that carry whole periods of care (2022-2025;
 * a year needs the one before it even in this form, for metric 8's settled figure: last year's returners who did
 * not come back are in no later return) and the DfE's in-year returns for every year since the generator's first arrivals (1998-99 to 2024-25), each
 * passed to computeLaMetrics with its earlier years as history, as the tenant job does. Only `storedFrom` differs
 * (null for whole periods, 1 April 1998 for the in-year store), and neither store falls short of any look-back.
 */
import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { parse903Files } from '../../../shared/domain/ssda903/parse.ts';
import type { LaDataset, TableName } from '../../../shared/domain/ssda903/records.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';

const encoder = new TextEncoder();
const la = LOCAL_AUTHORITIES.find((l) => l.code === '852')!; // Southampton, at a third of its size
const options = { seed: 17, scale: 0.35 };
const years = [2023, 2024, 2025];
const allYears = Array.from({ length: 2025 - 1999 + 1 }, (_, i) => 1999 + i);

function datasets(returns: Map<number, Map<TableName, string>>): Map<number, LaDataset> {
  const out = new Map<number, LaDataset>();
  for (const [year, tables] of returns) {
    const parsed = parse903Files([...tables].map(([t, text]) => ({ name: `${t}.csv`, bytes: encoder.encode(text) })));
    out.set(year, toDataset(parsed.tables, year));
  }
  return out;
}

const whole = datasets(generateLaReturns(la, { ...options, yearsEnding: [2022, ...years], wholePeriods: true }));
const inYear = datasets(generateLaReturns(la, { ...options, yearsEnding: allYears }));
const metricsOf = (store: Map<number, LaDataset>, year: number, from = 0) =>
  computeLaMetrics(store.get(year)!, { yearEnding: year, history: [...store].filter(([y]) => y < year && y >= from).map(([, d]) => d) });

describe('a return carrying its history and the in-year returns of the same children', () => {
  it('the two forms differ in what each return holds (the test compares something)', () => {
    const episodes = (d: LaDataset) => d.children.reduce((n, c) => n + c.episodes.length, 0);
    expect(episodes(whole.get(2025)!)).toBeGreaterThan(episodes(inYear.get(2025)!) * 1.5);
    expect(inYear.get(2025)!.children.length).toBeGreaterThan(150);
  });

  it.each(years)('give identical metrics for %i (every figure but storedFrom)', (year) => {
    const a = metricsOf(whole, year);
    const b = metricsOf(inYear, year);
    expect(a.historyShortfall).toEqual({ storedFrom: null, longTermStability: 0, reviewSequence: 0, twoYearStability: 0 });
    expect(b.historyShortfall).toEqual({ storedFrom: '1998-04-01', longTermStability: 0, reviewSequence: 0, twoYearStability: 0 });
    expect({ ...b, historyShortfall: null }).toEqual({ ...a, historyShortfall: null });
    expect(a.cla.count).toBeGreaterThan(50);
    expect(a.longTermStability.denominator).toBeGreaterThan(10);
    expect(a.reviewTimeliness.onTime.denominator).toBeGreaterThan(100);
  });

  it('with only two earlier in-year returns the look-backs fall short, and the output says for how many children', () => {
    const short = metricsOf(inYear, 2025, 2023);
    expect(short.historyShortfall.storedFrom).toBe('2022-04-01');
    // Two years before 31 March 2025 begin on 1 April 2023, inside the store: two-year stability is complete.
    expect(short.historyShortfall.twoYearStability).toBe(0);
    // Children in a long period whose start and first reviews predate April 2022: some remain.
    const alone = metricsOf(inYear, 2025, 2025);
    expect(alone.historyShortfall.storedFrom).toBe('2024-04-01');
    expect(alone.historyShortfall.longTermStability).toBeGreaterThan(0);
    expect(alone.historyShortfall.reviewSequence).toBeGreaterThan(0);
    expect(alone.historyShortfall.twoYearStability).toBe(alone.twoYearStability.denominator);
    // And the review figure from the year alone is not the settled one.
    expect(alone.reviewTimeliness.onTime).not.toEqual(metricsOf(inYear, 2025).reviewTimeliness.onTime);
  });
});
