/** Metric 9 on the small hand-built LA (small-la.ts), year ending 31 March 2026; every figure worked by hand. */
import { describe, expect, it } from 'vitest';
import { decisionStatusOn, iroPracticeMetrics } from '../../../shared/domain/practice/metrics.ts';
import { smallLa, smallRecords } from './small-la.ts';

const m = iroPracticeMetrics(smallLa, smallRecords, { yearEnding: 2026 });

describe('metric 9: IRO practice', () => {
  it('caseload per FTE on 31 March', () => {
    // Looked after on 31 March: A B C D E F H (G left 1 Dec). With an IRO: all but F → 6 children.
    // Active IROs: i1 (1.0) and i2 (0.5); i3 left 30 Sept → 1.5 FTE → 4 per FTE.
    // i1 has A B C H = 4 per FTE, i2 has D E = 2 / 0.5 = 4 per FTE: both below the Handbook's 50–70.
    expect(m.caseload).toEqual({ children: 6, fte: 1.5, perFte: 4, iros: { below: 2, within: 0, above: 0 } });
  });

  it('same IRO through the year and allocation within 5 working days', () => {
    // Looked after on 1 April 2025 and 31 March 2026: A B C F. A changed IRO (i3 → i1), F has none → B and C: 2/4.
    expect(m.sameIroThroughYear).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    // Periods starting in the year: F 1 Apr (due 8 Apr, never allocated), G Thu 10 Apr (due Thu 17 Apr, before
    // Good Friday: allocated 17 Apr, on time), D and E Mon 1 Sept (due Mon 8 Sept: D 5 Sept on time, E 9 Sept late),
    // H Mon 1 Dec (due Mon 8 Dec: allocated 3 Dec) → 3/5.
    expect(m.allocatedWithin5WorkingDays).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
  });

  it('seen before the review and contact between reviews', () => {
    // Reviews chaired in the platform in the year: rA1 (spoke), rA2, rD1 (spoke), rD2 (spoke), rE1 → 3/5.
    expect(m.seenBeforeReview).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    // Reviews in the year that follow an earlier review of the same period: A 1 May and 1 Nov, B the same, C 10 Oct,
    // D 20 Dec, E 18 Dec (platform only), F 20 Jul and 15 Jan = 9 (D, E, F and G's first reviews have none before).
    // With a contact strictly between: A (call 1 Feb before 1 May; visit 1 Aug before 1 Nov), C (midway 15 June),
    // E (message 10 Oct); D's visit is on the review day itself → 4/9.
    expect(m.contactBetweenReviews).toEqual({ numerator: 4, denominator: 9, rate: 4 / 9 });
  });

  it('review decisions as they stood on 31 March', () => {
    // Made in the year: dA1 implemented; dB1 open (due 1 June: overdue); dD1 not implemented (resources); dD2 open
    // (due 30 April: not yet overdue); dE1 reopened (due 1 March: overdue); dLate implemented on 10 April 2026, so
    // open on 31 March and overdue (due 1 Dec). dOld was made on 1 March 2025, before the year.
    expect(m.decisions).toEqual({
      made: 6, implemented: 1, notImplemented: 1, awaiting: 4, overdue: 3,
      notImplementedReasons: { resources: 1, placement_availability: 0, change_of_circumstances: 0, child_wishes: 0, court_direction: 0, la_disagrees: 0, other: 0 },
      implementedRate: { numerator: 1, denominator: 2, rate: 0.5 },
    });
  });

  it('disputes: rate per 100 CLA, themes, stages, outcomes, resolution time, open by age', () => {
    // Raised in the year: x1 x2 x3 x4 x6 x7 (x5 was raised in January 2025). Looked after during the year: A–H = 8.
    expect(m.disputes.raised).toEqual({ numerator: 6, denominator: 8, rate: 0.75 });
    expect(m.disputes.per100Cla).toBe(75);
    expect(m.disputes.byTheme).toMatchObject({ permanence: 1, contact: 1, education: 1, placement_stability: 1, health: 1, other: 1, drift_and_delay: 0 });
    // x1 went informal → 1 → 3 → 4 (stage 2 skipped); x3 reached stage 2; x2 x4 x6 x7 stayed informal.
    expect(m.disputes.byHighestStage).toEqual({ informal: 4, stage2: 1, stage4: 1 });
    // x7 was resolved on 5 April 2026: still open on 31 March.
    expect(m.disputes.byOutcome).toEqual({ open: 2, resolved: 2, withdrawn: 1, referred_to_cafcass: 1 });
    expect(m.disputes.cafcassReferrals).toBe(1);
    // x1: Tue 6 May → Tue 1 July 2025 = 39 working days (Mon 26 May spring bank holiday skipped); x2: Wed 1 → Wed 8
    // Oct = 5. Median of 5 and 39 = 22.
    expect(m.disputes.medianWorkingDaysToResolution).toBe(22);
    // Open on 31 March: x4 (Mon 2 March → Tue 31 March = 21 working days), x5 and x7 (months old).
    expect(m.disputes.openByAge).toEqual({ upTo20: 0, from21To40: 1, over40: 2 });
  });

  it('Rate My Review: cards about reviews held in the year over reviews held', () => {
    // Reviews held in the year (903 and platform merged, one per child and date): A 2, B 2, C 1, D 2, E 2 (25 Sept
    // in the 903, 18 Dec in the platform), F 3, G 1 = 13. Cards: card1 good, card2 not happy, card3 ok; card4 came
    // back on 2 April 2026, after the as-at date.
    expect(m.rateMyReview).toEqual({ answers: { good: 1, ok: 1, not_happy: 1 }, responseRate: { numerator: 3, denominator: 13, rate: 3 / 13 } });
  });

  it('siblings placed together on 31 March', () => {
    // {A, B, C}: A and B share U4 at S1 1AA, C lives at S2 2BB → A some, B some, C none (all in foster care).
    // {D, E}: same K2 home (same PL_POST, URN, provider) → all. {F, G}: G has left care, so F has no looked-after sibling.
    expect(m.siblings).toEqual({ all: 2, some: 2, none: 1, foster: { all: 0, some: 2, none: 1 } });
  });

  it('holds only numbers: no IRO name, child id or free text', () => {
    const leaves: unknown[] = [];
    const walk = (v: unknown): void => {
      if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
      else leaves.push(v);
    };
    walk(m);
    expect(leaves.length).toBeGreaterThan(40);
    expect(leaves.filter((v) => v !== null && typeof v !== 'number')).toEqual([]);
  });

  it('replays a decision’s status on a past date from its history', () => {
    const dE1 = smallRecords.decisions.find((d) => d.id === 'dE1')!;
    expect(decisionStatusOn(dE1, '2025-12-17')).toBeNull();
    expect(decisionStatusOn(dE1, '2026-01-15')).toEqual({ status: 'not_implemented', reason: { category: 'resources', text: 'No tutor funding this term' } });
    expect(decisionStatusOn(dE1, '2026-03-31')).toEqual({ status: 'reopened', reason: null });
  });

  it('an earlier as-at date sees less: on 30 Sept 2025', () => {
    const sept = iroPracticeMetrics(smallLa, smallRecords, { yearEnding: 2026, asAt: '2025-09-30' });
    // i3 is still active (to 30 Sept inclusive): 1 + 0.5 + 0.8 = 2.3 FTE. Looked after with an IRO: A B C (i1),
    // D E G (i2; G leaves in December); F has none and H arrives in December → 6.
    expect(sept.caseload).toMatchObject({ children: 6, fte: 2.3 });
    // Disputes raised 1 April – 30 Sept: x1 (6 May), x6 (2 June), x7 (1 Aug); x1 resolved, x6 withdrawn, x7 open.
    expect(sept.disputes.raised.numerator).toBe(3);
    expect(sept.disputes.byOutcome).toEqual({ open: 1, resolved: 1, withdrawn: 1, referred_to_cafcass: 0 });
  });
});
