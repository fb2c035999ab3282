import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { iroPracticeMetrics, type IroPracticeMetrics } from '../../../shared/domain/practice/metrics.ts';
import { DEFAULT_DISPUTE_CHAIN } from '../../../shared/domain/practice/records.ts';
import { buildAggregateSnapshots } from '../../../shared/domain/rollup/index.ts';
import type { LaSnapshot } from '../../../shared/domain/rollup/types.ts';
import { chain, child } from '../metrics/factories.ts';

/** Metric 9 of an LA with no records: every count 0, in the real shape `iroPracticeMetrics` returns. */
const zero: IroPracticeMetrics = iroPracticeMetrics({ yearEnding: 2025, children: [] }, {
  iros: [], allocations: [], reviews: [], contacts: [], decisions: [], disputes: [], cards: [], siblingGroups: [], disputeChain: DEFAULT_DISPUTE_CHAIN,
}, { yearEnding: 2025 });

function laWith(la: string, name: string, region: LaSnapshot['region'], n: number, practice?: (z: IroPracticeMetrics) => IroPracticeMetrics): LaSnapshot {
  const children = Array.from({ length: n }, (_, i) => child(`${la}-${i}`, { episodes: chain([{ decom: '2020-01-06' }]) }));
  const metrics = computeLaMetrics({ yearEnding: 2025, children }, { yearEnding: 2025 });
  return { la, name, region, yearEnding: 2025, asAt: '2025-03-31', datasetVersion: 'v1', metrics: { ...metrics, ...(practice && { iroPractice: practice(zero) }) } };
}

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });
const c = { suppressed: 'c', reason: expect.any(String) };

// South East: Kent (40 children) keeps practice records, Surrey (9) does not. London: Camden (27) does.
const kent = (z: IroPracticeMetrics): IroPracticeMetrics => ({
  ...z,
  caseload: { children: 40, fte: 0.8, perFte: 50, iros: { below: 0, within: 1, above: 0 } },
  disputes: {
    ...z.disputes,
    raised: ratio(12, 40),
    per100Cla: 30,
    byTheme: { ...z.disputes.byTheme, placement_stability: 8, permanence: 4 },
    byHighestStage: { informal: 7, stage1: 5 },
    byOutcome: { open: 3, resolved: 9, withdrawn: 0, referred_to_cafcass: 0 },
  },
  rateMyReview: { answers: { good: 10, ok: 6, not_happy: 3 }, responseRate: ratio(19, 50) },
});
const camden = (z: IroPracticeMetrics): IroPracticeMetrics => ({
  ...z,
  caseload: { children: 27, fte: 1.5, perFte: 18, iros: { below: 2, within: 0, above: 0 } },
  rateMyReview: { answers: { good: 20, ok: 12, not_happy: 8 }, responseRate: ratio(40, 60) },
});

describe('metric 9 in the regional and national snapshots', () => {
  const { regional, national } = buildAggregateSnapshots(2025, [
    laWith('886', 'Kent', 'South East', 40, kent),
    laWith('936', 'Surrey', 'South East', 9),
    laWith('202', 'Camden', 'London', 27, camden),
  ]);
  const se = regional.find((r) => r.region === 'South East')!;
  const la = (code: string) => se.las.find((l) => l.la === code)!.metrics;

  it('Rate My Review: Kent’s 3 not-happy cards suppressed, and the ok cards with them so the 19 returned cannot give them away', () => {
    // Primary: Kent not_happy 3. Row: 19 = 10 + 6 + c has one unknown, so the smallest other part (ok 6) goes too.
    // The columns carry it on (South East = Kent alone; England = South East + London), and the whole system
    // still leaves one free unknown (Kent not_happy = x, ok = 9 − x, Camden not_happy = 11 − x …): nothing recoverable.
    expect(la('886').iroPractice!.rateMyReview).toEqual({
      answers: { good: 10, ok: c, not_happy: c },
      responseRate: { numerator: 19, denominator: 50, percent: 38 },
    });
    expect(se.total.metrics.iroPractice!.rateMyReview.answers).toEqual({ good: 10, ok: c, not_happy: c });
    // England: 30 good, 18 ok, 11 not happy, 59 returned of 110 reviews held (54%), counts rounded to 10.
    expect(national.england.metrics.iroPractice!.rateMyReview).toEqual({
      answers: { good: 30, ok: 20, not_happy: 10 },
      responseRate: { numerator: 60, denominator: 110, percent: 54 },
    });
  });

  it('disputes: Kent’s 4 about permanence suppressed with the 8 about placement stability; 12 per 40 CLA is 30.0 per 100', () => {
    const d = la('886').iroPractice!.disputes;
    expect(d.byTheme.permanence).toEqual(c);
    expect(d.byTheme.placement_stability).toEqual(c);
    expect(d.raised).toEqual({ numerator: 12, denominator: 40, percent: 30 });
    expect(d.per100Cla).toBe(30);
    // 3 open and 5 at stage 1: primary; 7 informal and 9 resolved are the secondaries of their rows.
    expect(d.byOutcome).toEqual({ open: c, resolved: c, withdrawn: 0, referred_to_cafcass: 0 });
    expect(d.byHighestStage.informal).toEqual(c);
    expect(d.byHighestStage.stage1).toEqual(c);
    // England: Camden raised none over no children counted by its practice figures, so 12 of 40 (rounded to 10 of 40).
    expect(national.england.metrics.iroPractice!.disputes.raised).toEqual({ numerator: 10, denominator: 40, percent: 30 });
  });

  it('caseload: FTE summed (staff are not suppressed), children per FTE from the exact counts', () => {
    expect(la('886').iroPractice!.caseload).toEqual({ children: 40, fte: 0.8, perFte: 50, iros: { below: 0, within: c, above: 0 } });
    // England: 67 children over 2.3 FTE = 29.1 per FTE; the count rounds to 70.
    expect(national.england.metrics.iroPractice!.caseload).toMatchObject({ children: 70, fte: 2.3, perFte: 29.1 });
  });

  it('null for an LA, and a region, with no practice records; a region counts only the LAs that keep them', () => {
    expect(la('936').iroPractice).toBeNull();
    expect(national.regions.find((r) => r.region === 'North East')!.metrics.iroPractice).toBeNull();
    // South East's caseload is Kent's alone: Surrey's 9 children are not counted as unallocated.
    expect(se.total.metrics.iroPractice!.caseload.fte).toBe(0.8);
    expect(national.regions.find((r) => r.region === 'South East')!.metrics).toEqual(se.total.metrics);
  });

  it('no LA is named and no record detail appears in the national snapshot', () => {
    const text = JSON.stringify(national);
    for (const needle of ['"la"', 'Kent', 'Camden']) expect(text).not.toContain(needle);
  });
});
