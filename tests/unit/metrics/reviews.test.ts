import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { chain, child, dataset, episode } from './factories.ts';

const metricsOf = (...children: ReturnType<typeof child>[]) => computeLaMetrics(dataset(...children), { yearEnding: 2025 });

describe('metric 5: review timeliness (reg. 33)', () => {
  it('first review: 20 working days after the period start, start day not counted; the due date itself is on time', () => {
    // Period starts Mon 3 Feb 2025: Feb 4–7 (4), 10–14 (9), 17–21 (14), 24–28 (19), Mon 3 Mar (20) → due 3 March.
    const onDue = child('A', { episodes: chain([{ decom: '2025-02-03' }]), reviews: [['2025-03-03', 'PN1']] });
    const dayLate = child('B', { episodes: chain([{ decom: '2025-02-03' }]), reviews: [['2025-03-04', 'PN1']] });
    expect(metricsOf(onDue, dayLate).reviewTimeliness.onTime).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('first review over Christmas: period from Mon 2 Dec 2024 is due Thu 2 Jan 2025 (25, 26 Dec and 1 Jan are not working days)', () => {
    const c = child('C', { episodes: chain([{ decom: '2024-12-02' }]), reviews: [['2025-01-02', 'PN1']] });
    const late = child('D', { episodes: chain([{ decom: '2024-12-02' }]), reviews: [['2025-01-03', 'PN1']] });
    expect(metricsOf(c, late).reviewTimeliness.onTime).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('a second review due on a bank-holiday weekend is not moved off it: due Sat 24 Aug 2024, held Tue 27 Aug = late', () => {
    // Period from Wed 1 May 2024: 6 May and 27 May are bank holidays → first review due Fri 31 May; held 24 May (on time).
    // Second due 24 May + 3 months = Sat 24 Aug 2024 (Mon 26 Aug is the Summer bank holiday); held Tue 27 Aug → late.
    // Third due 27 Aug + 6 months = 27 Feb 2025; held that day → on time. 2 of 3.
    const c = child('E', {
      episodes: chain([{ decom: '2024-05-01' }]),
      reviews: [['2024-05-24', 'PN1'], ['2024-08-27', 'PN1'], ['2025-02-27', 'PN1']],
    });
    expect(metricsOf(c).reviewTimeliness.onTime).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });

  it('3 months clamps to month end: first review 29 Nov 2024 → second due 28 Feb 2025', () => {
    // Period from Fri 1 Nov 2024: 20 working days → Fri 29 Nov (four whole weeks), first review that day: on time.
    const onTime = child('F', { episodes: chain([{ decom: '2024-11-01' }]), reviews: [['2024-11-29', 'PN1'], ['2025-02-28', 'PN1']] });
    const late = child('G', { episodes: chain([{ decom: '2024-11-01' }]), reviews: [['2024-11-29', 'PN1'], ['2025-03-01', 'PN1']] });
    // F: 2 on time; G: first on time, second a day late → 3 of 4.
    expect(metricsOf(onTime, late).reviewTimeliness.onTime).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
  });

  it('6 months after the previous review; earlier reviews of the period (before the year) fix the sequence but are not counted', () => {
    // Period from Mon 2 Jan 2023. Before the year: 20 Jan 2023 (1st), 20 Apr 2023 (2nd), 20 Oct 2023 (3rd).
    // In the year: 19 Apr 2024 (due 20 Apr: on time), 20 Oct 2024 (due 19 Oct: late), 31 Mar 2025 (due 20 Apr: on time).
    const c = child('H', {
      episodes: chain([{ decom: '2023-01-02' }]),
      reviews: [['2023-01-20', 'PN1'], ['2023-04-20', 'PN1'], ['2023-10-20', 'PN1'], ['2024-04-19', 'PN1'], ['2024-10-20', 'PN1'], ['2025-03-31', 'PN1']],
    });
    expect(metricsOf(c).reviewTimeliness.onTime).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });

  it('a review on the day one period ends and the next starts belongs to the ending period; the new period restarts the sequence', () => {
    // Period 1 from Mon 4 Mar 2024 (Good Friday 29 Mar and Easter Monday 1 Apr skipped: first due Wed 3 Apr);
    // review 28 Mar 2024 (before the year). Ends 1 June 2024 (E13); period 2 starts (S) that day.
    // Review 1 June 2024 = period 1's second (due 28 June): on time. Review 5 July 2024 = period 2's FIRST,
    // due 20 working days after Sat 1 June = Fri 28 June → late (as a second review it would have been on time).
    const c = child('I', {
      episodes: [...chain([{ decom: '2024-03-04' }], { dec: '2024-06-01', rec: 'E13' }), ...chain([{ decom: '2024-06-01' }], { dec: '2024-08-01', rec: 'E4A' })],
      reviews: [['2024-03-28', 'PN1'], ['2024-06-01', 'PN1'], ['2024-07-05', 'PN1']],
    });
    expect(metricsOf(c).reviewTimeliness.onTime).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('placement for adoption does not restart the sequence', () => {
    // Period from 1 Nov 2024, first review 29 Nov (on time); placed for adoption (A4) 1 Jan 2025; the next review is
    // the second, due 28 Feb 2025; held 10 Mar → late (a restarted sequence would have made it on time).
    const c = child('J', {
      episodes: chain([{ decom: '2024-11-01' }, { decom: '2025-01-01', place: 'A4' }]),
      reviews: [['2024-11-29', 'PN1'], ['2025-03-10', 'PN1']],
    });
    expect(metricsOf(c).reviewTimeliness.onTime).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('overdue: due before the as-at date is overdue (30 Mar → 1 day); due on it is not', () => {
    // O1: period from 8 Jan 2024; reviews 31 Jan, 30 Apr, 30 Sept 2024 → next due 30 Sept + 6 months = 30 Mar 2025 → 1 day.
    const o1 = child('O1', { episodes: chain([{ decom: '2024-01-08' }]), reviews: [['2024-01-31', 'PN1'], ['2024-04-30', 'PN1'], ['2024-09-30', 'PN1']] });
    // O2: period from 2 Dec 2024; first review 31 Dec 2024 → second due 31 Dec + 3 months = 31 Mar 2025 = as-at → not overdue.
    const o2 = child('O2', { episodes: chain([{ decom: '2024-12-02' }]), reviews: [['2024-12-31', 'PN1']] });
    // O3: period from Mon 3 Feb 2025, no review: first due 3 Mar → 28 days overdue on 31 Mar.
    const o3 = child('O3', { episodes: chain([{ decom: '2025-02-03' }]) });
    // O4: period from Mon 3 Mar 2025, no review: first due Mon 31 Mar (Mar 4–7: 4, … 24–28: 19, 31: 20) → not overdue.
    const o4 = child('O4', { episodes: chain([{ decom: '2025-03-03' }]) });
    // O5: left care before the as-at date; O6: short breaks only → neither is looked after, never overdue.
    const o5 = child('O5', { episodes: chain([{ decom: '2024-01-08' }], { dec: '2025-01-01', rec: 'E4A' }) });
    const o6 = child('O6', { episodes: [episode({ decom: '2024-01-08', ls: 'V3' })] });
    const overdue = metricsOf(o1, o2, o3, o4, o5, o6).reviewTimeliness.overdue;
    expect(overdue).toEqual({
      count: 2,
      children: [
        { child: 'O3', due: '2025-03-03', daysOverdue: 28 },
        { child: 'O1', due: '2025-03-30', daysOverdue: 1 },
      ],
    });
  });

  it('overdue at another as-at date ignores reviews held after it', () => {
    // Reviews 31 Jan, 30 Apr, 30 Sept 2024. As at 29 Sept 2024 only the first two are held → next due 30 Apr + 6 months
    // = 30 Oct 2024 → not overdue; in-year reviews by then: 30 Apr (second, due 30 Apr: on time) → 1 of 1.
    const o1 = child('O1', { episodes: chain([{ decom: '2024-01-08' }]), reviews: [['2024-01-31', 'PN1'], ['2024-04-30', 'PN1'], ['2024-09-30', 'PN1']] });
    const early = computeLaMetrics(dataset(o1), { yearEnding: 2025, asAt: '2024-09-29' }).reviewTimeliness;
    expect(early.overdue.count).toBe(0);
    expect(early.onTime).toMatchObject({ numerator: 1, denominator: 1 });
    // Without the 30 Sept review, as at 31 Oct 2024 the child is 1 day overdue (due 30 Oct).
    const o1b = child('O1', { episodes: chain([{ decom: '2024-01-08' }]), reviews: [['2024-01-31', 'PN1'], ['2024-04-30', 'PN1']] });
    expect(computeLaMetrics(dataset(o1b), { yearEnding: 2025, asAt: '2024-10-31' }).reviewTimeliness.overdue.children).toEqual([
      { child: 'O1', due: '2024-10-30', daysOverdue: 1 },
    ]);
  });
});

describe('metric 6: participation', () => {
  it('PN0–PN7 over reviews in the year; rate = PN1–PN6 / PN1–PN7 (PN0, children under 4, left out)', () => {
    // Under-4 child: two PN0 reviews. Older child: PN1 ×3, PN3, PN5, PN7 ×2 in the year; PN1 on 31 Mar 2024 is
    // before the year. Codes: PN0 2, PN1 3, PN3 1, PN5 1, PN7 2. Rate: (3+1+1) / (3+1+1+2) = 5/7.
    const baby = child('Y', { dob: '2023-05-01', episodes: chain([{ decom: '2023-06-01' }]), reviews: [['2024-05-01', 'PN0'], ['2024-11-01', 'PN0']] });
    const older = child('Z', {
      dob: '2012-01-01',
      episodes: chain([{ decom: '2022-01-03' }]),
      reviews: [['2024-03-31', 'PN1'], ['2024-04-01', 'PN1'], ['2024-06-01', 'PN1'], ['2024-08-01', 'PN1'], ['2024-09-01', 'PN3'],
        ['2024-10-01', 'PN5'], ['2024-12-01', 'PN7'], ['2025-03-31', 'PN7']],
    });
    const p = metricsOf(baby, older).participation;
    expect(p.codes).toEqual({ PN0: 2, PN1: 3, PN2: 0, PN3: 1, PN4: 0, PN5: 1, PN6: 0, PN7: 2 });
    expect(p.rate).toEqual({ numerator: 5, denominator: 7, rate: 5 / 7 });
  });
});
