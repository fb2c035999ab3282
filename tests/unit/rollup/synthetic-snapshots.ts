/** Seeded synthetic LA snapshots with internally consistent metrics (row relations hold), many small counts. */
import type { LaMetrics } from '../../../shared/domain/metrics/types.ts';
import { PARTICIPATION_CODES, PLACE_CHANGE_REASONS, ratio } from '../../../shared/domain/metrics/types.ts';
import type { LaSnapshot } from '../../../shared/domain/rollup/types.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticMetrics(rand: () => number, scale: number): LaMetrics {
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const upTo = (n: number) => int(n);
  const count = int(60 * scale);
  const duringYear = count + int(20 * scale);
  const ltDen = upTo(count);
  const ltNum = upTo(ltDen);
  const reasons: Record<string, number> = {};
  for (const r of PLACE_CHANGE_REASONS) reasons[r] = rand() < 0.5 ? 0 : int(Math.max(1, 6 * scale));
  const total = Object.values(reasons).reduce((a, b) => a + b, 0);
  const codes = Object.fromEntries(PARTICIPATION_CODES.map((c) => [c, rand() < 0.3 ? 0 : int(Math.max(1, 10 * scale))])) as LaMetrics['participation']['codes'];
  const pNum = codes.PN1 + codes.PN2 + codes.PN3 + codes.PN4 + codes.PN5 + codes.PN6;
  const reviews = pNum + codes.PN7 + codes.PN0;
  const missingChildren = upTo(Math.min(duringYear, int(10 * scale)));
  const awayChildren = upTo(Math.min(duringYear, int(8 * scale)));
  const returners = int(12 * scale);
  const one = upTo(duringYear);
  const hasPrevious = rand() < 0.8;
  const prevDen = int(12 * scale);
  const twoYearDen = upTo(count);
  const swOne = upTo(count);
  const swTwo = upTo(count - swOne);
  const swThreePlus = upTo(count - swOne - swTwo);
  return {
    yearEnding: 2025,
    asAt: '2025-03-31',
    cla: { count, duringYear },
    shortTermStability: ratio(upTo(count), count),
    longTermStability: ratio(ltNum, ltDen),
    placementMoves: { oneOrMore: ratio(one, duringYear), twoOrMore: ratio(upTo(one), duringYear), total, reasons },
    reviewTimeliness: { onTime: ratio(upTo(reviews), reviews), overdue: { count: int(6 * scale), children: [{ child: 'CHILD-SECRET', due: '2025-01-01', daysOverdue: 89 }] } },
    participation: { codes, rate: ratio(pNum, pNum + codes.PN7) },
    missing: {
      children: ratio(missingChildren, duringYear),
      incidents: missingChildren * (1 + int(3)),
      incidentsPerMissingChild: null,
      away: { children: ratio(awayChildren, duringYear), incidents: awayChildren * (1 + int(2)) },
    },
    longTermStabilitySameCarer: ratio(ltNum + upTo(ltDen - ltNum), ltDen),
    reunification: {
      episodes: returners + int(3),
      children: returners,
      reentryWithin12Months: ratio(upTo(returners), returners),
      censoredAt: '2025-03-31',
      previousYear: hasPrevious ? ratio(upTo(prevDen), prevDen) : null,
    },
    twoYearStability: ratio(upTo(twoYearDen), twoYearDen),
    socialWorkerChanges: { one: ratio(swOne, count), two: ratio(swTwo, count), threePlus: ratio(swThreePlus, count) },
    historyShortfall: { storedFrom: '2023-04-01', longTermStability: int(3), reviewSequence: int(3), twoYearStability: 0 },
  };
}

/** Snapshots for `n` LAs of the registry (spread over all regions), some tiny, some large. */
export function syntheticSnapshots(seed: number, n = LOCAL_AUTHORITIES.length): LaSnapshot[] {
  const rand = prng(seed);
  const step = LOCAL_AUTHORITIES.length / n;
  const las = Array.from({ length: n }, (_, i) => LOCAL_AUTHORITIES[Math.floor(i * step)]!);
  return las.map((la) => {
    const r = rand();
    const scale = r < 0.25 ? 0.1 : r < 0.6 ? 0.5 : r < 0.9 ? 1 : 4;
    return { la: la.code, name: la.name, region: la.region, yearEnding: 2025, asAt: '2025-03-31', datasetVersion: `v${seed}`, metrics: syntheticMetrics(rand, scale) };
  });
}
