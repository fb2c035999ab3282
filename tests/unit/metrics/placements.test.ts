import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { placementsInYear } from '../../../shared/domain/metrics/placements.ts';
import { timelineOf, yearWindow } from '../../../shared/domain/metrics/timeline.ts';
import { chain, child, dataset, episode } from './factories.ts';

const year = yearWindow(2025); // 1 April 2024 – 31 March 2025
const countOf = (c: ReturnType<typeof child>) => placementsInYear(timelineOf(c), year);

describe('placements in the year (DESIGN §4)', () => {
  it('placement in force on 1 April + two moves = 3', () => {
    const c = child('A', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-07-01', place: 'U5' }, { decom: '2024-12-01', place: 'U6' }]) });
    expect(countOf(c).count).toBe(3);
    expect(countOf(c).moves).toHaveLength(2);
  });

  it('an X1 continuation with RNE L (legal status only) is not a placement: 1 + 0 + 1 = 2', () => {
    const c = child('B', { episodes: chain([{ decom: '2023-05-01', ls: 'C1' }, { decom: '2024-06-01', rne: 'L', ls: 'C2' }, { decom: '2024-09-01', place: 'U5' }]) });
    expect(countOf(c).count).toBe(2);
    expect(countOf(c).moves).toHaveLength(1);
  });

  it('temporary T1 and the return to the interrupted placement (same 4 fields) count neither as placements nor moves', () => {
    // U4 in force on 1 April (1), hospital T1 (0), back to the same U4 (0), then a real move to U5 (1) = 2.
    const c = child('C', {
      episodes: chain([
        { decom: '2023-05-01' },
        { decom: '2024-06-01', place: 'T1', placeProvider: null, urn: 'XXXXXXX' },
        { decom: '2024-06-20', rne: 'P' },
        { decom: '2024-10-01', place: 'U5', urn: '1234567' },
      ]),
    });
    expect(countOf(c).count).toBe(2);
    expect(countOf(c).moves.map((m) => m.start)).toEqual(['2024-10-01']);
  });

  it('a run of T0–T4 episodes then a different placement: that one is a new placement and a move', () => {
    // U4 (1), T3 then T4 (0), then U6 with another provider (1): 2 placements, 1 move.
    const c = child('D', {
      episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-06-01', place: 'T3' }, { decom: '2024-06-10', place: 'T4' }, { decom: '2024-06-15', place: 'U6', placeProvider: 'PR2' }]),
    });
    expect(countOf(c).count).toBe(2);
    expect(countOf(c).moves).toHaveLength(1);
  });

  it('a P move with the four placement fields unchanged (not after a temporary) is still a new placement and a move', () => {
    const c = child('E', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-06-01', rne: 'P' }]) });
    expect(countOf(c).count).toBe(2);
  });

  it('a placement beginning on 1 April counts only as a start (not also as the one in force): 1 + 1 = 2', () => {
    const c = child('F', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-04-01', place: 'U5' }, { decom: '2024-10-01', place: 'U6' }]) });
    expect(countOf(c).count).toBe(2);
  });

  it('in force on 1 April in a temporary placement: the interrupted placement counts once, its return does not', () => {
    // U4 since 2023, T1 from 20 Mar to 10 Apr 2024 (the 1 April episode), back to U4 (0), U5 (1), U6 (1) = 3.
    const c = child('G', {
      episodes: chain([
        { decom: '2023-05-01' },
        { decom: '2024-03-20', place: 'T1' },
        { decom: '2024-04-10' },
        { decom: '2024-07-01', place: 'U5' },
        { decom: '2024-11-01', place: 'U6' },
      ]),
    });
    expect(countOf(c).count).toBe(3);
    expect(countOf(c).moves).toHaveLength(2);
  });

  it('an S re-entry is a new placement, not a move', () => {
    // U4 in force (1), home 1 June, S re-entry 1 Sept (1), move 1 Jan (1) = 3 placements, 1 move.
    const c = child('H', {
      episodes: [
        ...chain([{ decom: '2023-05-01' }], { dec: '2024-06-01', rec: 'E4A' }),
        ...chain([{ decom: '2024-09-01' }, { decom: '2025-01-01', place: 'U5' }]),
      ],
    });
    expect(countOf(c).count).toBe(3);
    expect(countOf(c).moves).toHaveLength(1);
  });

  it('V3 → C2: short breaks removed, the C2 (RNE L) episode starts the period and its first placement; no move', () => {
    // V3 in force on 1 April is not care (0); C2 from 1 June = first placement (1); P on 1 Dec (1) = 2.
    const c = child('I', {
      episodes: [
        episode({ decom: '2023-06-01', ls: 'V3', dec: '2024-06-01', rec: 'X1' }),
        ...chain([{ decom: '2024-06-01', rne: 'L', ls: 'C2' }, { decom: '2024-12-01', place: 'U5' }]),
      ],
    });
    expect(countOf(c).count).toBe(2);
    expect(countOf(c).moves).toHaveLength(1);
  });

  it('a placement starting after the as-at date is not counted (metric 2 uses the as-at date)', () => {
    const c = child('J', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-07-01', place: 'U5' }, { decom: '2024-12-01', place: 'U6' }]) });
    expect(placementsInYear(timelineOf(c), yearWindow(2025, '2024-11-30')).count).toBe(2);
  });
});

describe('metric 2: short-term placement stability', () => {
  it('of CLA at 31 March, those with 3+ placements in the year', () => {
    const ds = dataset(
      // A: 1 + 2 moves = 3 → counted.
      child('A', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-07-01', place: 'U5' }, { decom: '2024-12-01', place: 'U6' }]) }),
      // F: 1 April start rule → 2 → not counted.
      child('F', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-04-01', place: 'U5' }, { decom: '2024-10-01', place: 'U6' }]) }),
      // G: temporary on 1 April → 3 → counted.
      child('G', {
        episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-03-20', place: 'T1' }, { decom: '2024-04-10' }, { decom: '2024-07-01', place: 'U5' }, { decom: '2024-11-01', place: 'U6' }]),
      }),
      // K: 3 placements but left care before 31 March → not in the denominator.
      child('K', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2024-07-01', place: 'U5' }, { decom: '2024-12-01', place: 'U6' }], { dec: '2025-02-01', rec: 'E4A' }) }),
      // L: stable, CLA.
      child('L', { episodes: chain([{ decom: '2020-05-01' }]) }),
    );
    // Denominator A, F, G, L = 4; numerator A, G = 2.
    expect(computeLaMetrics(ds, { yearEnding: 2025 }).shortTermStability).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    // As at 30 Nov 2024: K is still CLA (5). A has 2 by then (its U6 is 1 Dec), K 2, F 2; G has 3 (its U6 is
    // 1 Nov) → 1 of 5.
    expect(computeLaMetrics(ds, { yearEnding: 2025, asAt: '2024-11-30' }).shortTermStability).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
  });
});

describe('metric 4: placement moves and reasons', () => {
  const ds = dataset(
    // A: two moves; the first ending episode says CARPL, the second has no reason → "NONE".
    child('A', { episodes: chain([{ decom: '2023-05-01', reasonPlaceChange: 'CARPL' }, { decom: '2024-07-01', place: 'U5' }, { decom: '2024-12-01', place: 'U6' }]) }),
    // B: one move (CHILD) plus a temporary placement and return (never moves).
    child('B', {
      episodes: chain([
        { decom: '2023-05-01' },
        { decom: '2024-05-01', place: 'T3' },
        { decom: '2024-05-15', reasonPlaceChange: 'CHILD' },
        { decom: '2024-08-01', place: 'U5' },
      ]),
    }),
    // C: a legal status change only: no move.
    child('C', { episodes: chain([{ decom: '2023-05-01', ls: 'C1' }, { decom: '2024-06-01', rne: 'L' }]) }),
    // D: S re-entry in the year: a new placement, not a move.
    child('D', { episodes: [...chain([{ decom: '2023-05-01' }], { dec: '2024-06-01', rec: 'E4A' }), ...chain([{ decom: '2024-09-01' }])] }),
    // E: ended on 1 April 2024: not looked after in the year, so out of the denominator.
    child('E', { episodes: chain([{ decom: '2023-05-01' }], { dec: '2024-04-01', rec: 'E4A' }) }),
    // F: its move is on 1 April 2025, after the year.
    child('F', { episodes: chain([{ decom: '2023-05-01' }, { decom: '2025-04-01', place: 'U5' }]) }),
    // G: V3 → C2 in the year: the C2 episode starts the period, it is not a move.
    child('G', { episodes: [episode({ decom: '2023-06-01', ls: 'V3', dec: '2024-06-01', rec: 'X1' }), ...chain([{ decom: '2024-06-01', rne: 'L' }])] }),
  );

  it('denominator A B C D F G = 6; 1+: A, B; 2+: A; total 3; reasons CARPL 1, CHILD 1, NONE 1', () => {
    const m = computeLaMetrics(ds, { yearEnding: 2025 }).placementMoves;
    expect(m.oneOrMore).toEqual({ numerator: 2, denominator: 6, rate: 2 / 6 });
    expect(m.twoOrMore).toEqual({ numerator: 1, denominator: 6, rate: 1 / 6 });
    expect(m.total).toBe(3);
    expect(m.reasons).toMatchObject({ CARPL: 1, CHILD: 1, NONE: 1, ALLEG: 0 });
    expect(Object.values(m.reasons).reduce((a, b) => a + b, 0)).toBe(m.total);
  });
});
