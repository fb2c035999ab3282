import { describe, expect, it } from 'vitest';
import { computeLaMetrics, mergeDatasets } from '../../shared/domain/metrics/index.ts';
import { memberships, type MembershipFigure, type Share } from '../../shared/domain/metrics/membership.ts';
import type { Ratio } from '../../shared/domain/metrics/types.ts';
import { iroPracticeMetrics } from '../../shared/domain/practice/metrics.ts';
import { DEFAULT_DISPUTE_CHAIN, type PracticeRecords } from '../../shared/domain/practice/records.ts';
import { child, dataset } from '../helpers/records.ts';

/*
 * One LA over two returns (the year ending 31 March 2025 is the one asked):
 *   G001 in care since 10 Jan 2023 in U4, moved 1 Jun 2024 (U1) and 1 Oct 2024 (U3): 3 placements, 2 moves; a
 *        review on 1 May 2024, late (the first review of a period begun in 2023 was due 20 working days after it).
 *   G002 in care since 1 May 2023, one placement, no move.
 *   G003 came into care on 1 Jul 2024 (a period starting in the year).
 *   G004 in care since 1 Jan 2022, moved 1 Sep 2024 (R1): 2 placements, 1 move.
 *   G005 in care 1 Mar 2023 – 1 Aug 2024, went home (E4A), did not come back.
 */
const g001 = child('G001', [
  { decom: '2023-01-10', dec: '2024-06-01', rec: 'X1', reasonPlaceChange: 'CARPL' },
  { decom: '2024-06-01', rne: 'P', place: 'U1', dec: '2024-10-01', rec: 'X1', reasonPlaceChange: 'CHILD' },
  { decom: '2024-10-01', rne: 'P', place: 'U3' },
]);
g001.reviews = [{ child: 'G001', dob: '2012-05-01', review: '2024-05-01', reviewCode: 'PN1' }];
const year2025 = dataset(2025, [
  g001,
  child('G002', [{ decom: '2023-05-01' }]),
  child('G003', [{ decom: '2024-07-01' }]),
  child('G004', [{ decom: '2022-01-01', dec: '2024-09-01', rec: 'X1' }, { decom: '2024-09-01', rne: 'P', place: 'R1' }]),
  child('G005', [{ decom: '2023-03-01', dec: '2024-08-01', rec: 'E4A' }]),
]);
const year2024 = dataset(2024, [child('G001', [{ decom: '2023-01-10' }]), child('G002', [{ decom: '2023-05-01' }]), child('G004', [{ decom: '2022-01-01' }]), child('G005', [{ decom: '2023-03-01' }])]);
const merged = mergeDatasets([year2024, year2025]);
const ids = year2025.children.map((c) => c.child);

/*
 * Practice: one full-time IRO; G001 allocated to them since 12 Jan 2023 (so the same IRO all year); G003 allocated on
 * 3 Jul 2024, 2 working days after coming into care (within 5); G002, G004 and G005 never allocated.
 */
const practice: PracticeRecords = {
  iros: [{ id: 'iro1', name: 'A. Reviewer', fte: 1, activeFrom: '2020-01-01', activeTo: null }],
  allocations: [
    { id: 'a1', child: 'G001', iro: 'iro1', from: '2023-01-12', to: null },
    { id: 'a2', child: 'G003', iro: 'iro1', from: '2024-07-03', to: null },
  ],
  reviews: [], contacts: [], decisions: [], disputes: [], cards: [], siblingGroups: [], disputeChain: DEFAULT_DISPUTE_CHAIN,
};

const members = (figure: MembershipFigure, part: 'numerator' | 'denominator') =>
  ids.filter((id) => (shares.get(id)?.[figure]?.[part] ?? 0) > 0);
const shares = memberships(merged, ids, practice, { yearEnding: 2025 });

describe("the children behind each dashboard figure", () => {
  it('lists exactly the children worked out by hand', () => {
    // Metric 2: of the 4 looked after on 31 March 2025 (G005 went home), G001 alone has 3 placements.
    expect(members('cla', 'numerator')).toEqual(['G001', 'G002', 'G003', 'G004']);
    expect(members('shortTermStability', 'numerator')).toEqual(['G001']);
    expect(members('shortTermStability', 'denominator')).toEqual(['G001', 'G002', 'G003', 'G004']);
    // Metric 4: moves in the year: G001 (2) and G004 (1), of all 5 looked after in the year.
    expect(members('movesOneOrMore', 'numerator')).toEqual(['G001', 'G004']);
    expect(members('movesTwoOrMore', 'numerator')).toEqual(['G001']);
    expect(members('movesOneOrMore', 'denominator')).toEqual(ids);
    // Metric 5: G001's one review was late: in the denominator, not the numerator.
    expect(members('reviewsOnTime', 'denominator')).toEqual(['G001']);
    expect(members('reviewsOnTime', 'numerator')).toEqual([]);
    // Metric 8: G005 went home in the year and has not come back.
    expect(members('reentry', 'denominator')).toEqual(['G005']);
    expect(members('reentry', 'numerator')).toEqual([]);
    // Metric 9: G001 kept the same IRO all year (G002 and G004, in care all year, had none); G003 was allocated in time.
    expect(members('sameIroThroughYear', 'numerator')).toEqual(['G001']);
    expect(members('sameIroThroughYear', 'denominator')).toEqual(['G001', 'G002', 'G004']);
    expect(members('allocatedWithin5WorkingDays', 'numerator')).toEqual(['G003']);
    expect(members('caseload', 'numerator')).toEqual(['G001', 'G003']);
  });

  it("the children's shares add up to the LA's own figures, so a link lists exactly the children of its figure", () => {
    const la = computeLaMetrics(year2025, { yearEnding: 2025, history: [year2024] });
    const m9 = iroPracticeMetrics(merged, practice, { yearEnding: 2025 });
    const sum = (figure: MembershipFigure): Share => ids.reduce((s, id) => {
      const share = shares.get(id)![figure]!;
      return { numerator: s.numerator + share.numerator, denominator: s.denominator + share.denominator };
    }, { numerator: 0, denominator: 0 });
    const parts = (r: Ratio): Share => ({ numerator: r.numerator, denominator: r.denominator });
    const count = (n: number): Share => ({ numerator: n, denominator: n });
    const expected: Partial<Record<MembershipFigure, Share>> = {
      cla: count(la.cla.count), lookedAfterInYear: count(la.cla.duringYear),
      shortTermStability: parts(la.shortTermStability), longTermStability: parts(la.longTermStability),
      longTermStabilitySameCarer: parts(la.longTermStabilitySameCarer), twoYearStability: parts(la.twoYearStability),
      movesOneOrMore: parts(la.placementMoves.oneOrMore), movesTwoOrMore: parts(la.placementMoves.twoOrMore),
      reviewsOnTime: parts(la.reviewTimeliness.onTime), reviewOverdue: count(la.reviewTimeliness.overdue.count),
      participation: parts(la.participation.rate), missing: parts(la.missing.children), away: parts(la.missing.away.children),
      reentry: parts(la.reunification.reentryWithin12Months),
      caseload: count(m9.caseload.children), sameIroThroughYear: parts(m9.sameIroThroughYear),
      allocatedWithin5WorkingDays: parts(m9.allocatedWithin5WorkingDays),
    };
    for (const [figure, share] of Object.entries(expected)) expect(sum(figure as MembershipFigure), figure).toEqual(share);
  });

  it('leaves metric 9 out for an LA that keeps no practice records', () => {
    const without = memberships(merged, ids, null, { yearEnding: 2025 });
    expect(without.get('G001')!.caseload).toBeUndefined();
    expect(without.get('G001')!.shortTermStability).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
