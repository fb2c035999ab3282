/**
 * The additive counts behind the published metrics, named once each ("canonical measures"): a count that
 * appears in several places (CLA at the as-at date is also metric 2's denominator; children looked after in the
 * year are the denominator of metrics 4 and 7) is one cell, so it is suppressed or shown the same everywhere.
 * Row relations between measures are equations for secondary suppression, like the column totals.
 */
import type { Equation } from '../disclosure/suppress.ts';
import { PARTICIPATION_CODES, PLACE_CHANGE_REASONS } from '../metrics/types.ts';
import { practiceEquations, PRACTICE_MEASURES } from './practice.ts';
import type { AggregateMetrics } from './types.ts';

type Getter = (m: AggregateMetrics) => number | null | undefined;

const FIXED: readonly (readonly [string, Getter])[] = [
  ['cla.count', (m) => m.cla?.count],
  ['cla.duringYear', (m) => m.cla?.duringYear],
  ['shortTermStability.numerator', (m) => m.shortTermStability?.numerator],
  ['longTermStability.numerator', (m) => m.longTermStability?.numerator],
  ['longTermStability.denominator', (m) => m.longTermStability?.denominator],
  ['longTermStabilitySameCarer.numerator', (m) => m.longTermStabilitySameCarer?.numerator],
  ['placementMoves.oneOrMore.numerator', (m) => m.placementMoves?.oneOrMore.numerator],
  ['placementMoves.twoOrMore.numerator', (m) => m.placementMoves?.twoOrMore.numerator],
  ['placementMoves.total', (m) => m.placementMoves?.total],
  ['reviewTimeliness.onTime.numerator', (m) => m.reviewTimeliness?.onTime.numerator],
  ['reviewTimeliness.onTime.denominator', (m) => m.reviewTimeliness?.onTime.denominator],
  ['reviewTimeliness.overdue.count', (m) => m.reviewTimeliness?.overdue.count],
  ...PARTICIPATION_CODES.map((c): [string, Getter] => [`participation.codes.${c}`, (m) => m.participation?.codes[c]]),
  ['participation.rate.numerator', (m) => m.participation?.rate.numerator],
  ['participation.rate.denominator', (m) => m.participation?.rate.denominator],
  ['missing.children.numerator', (m) => m.missing?.children.numerator],
  ['missing.incidents', (m) => m.missing?.incidents],
  ['missing.away.children.numerator', (m) => m.missing?.away.children.numerator],
  ['missing.away.incidents', (m) => m.missing?.away.incidents],
  ['reunification.episodes', (m) => m.reunification?.episodes],
  ['reunification.children', (m) => m.reunification?.children],
  ['reunification.reentryWithin12Months.numerator', (m) => m.reunification?.reentryWithin12Months.numerator],
  ['reunification.previousYear.numerator', (m) => m.reunification?.previousYear?.numerator ?? null],
  ['reunification.previousYear.denominator', (m) => m.reunification?.previousYear?.denominator ?? null],
  ['twoYearStability.numerator', (m) => m.twoYearStability?.numerator],
  ['twoYearStability.denominator', (m) => m.twoYearStability?.denominator],
  // Over CLA at the as-at date (cla.count); null for an LA whose data holds no social worker episodes.
  ['socialWorkerChanges.one.numerator', (m) => m.socialWorkerChanges?.one.numerator ?? null],
  ['socialWorkerChanges.two.numerator', (m) => m.socialWorkerChanges?.two.numerator ?? null],
  ['socialWorkerChanges.threePlus.numerator', (m) => m.socialWorkerChanges?.threePlus.numerator ?? null],
  ...PRACTICE_MEASURES,
];

export const reasonKey = (reason: string) => `placementMoves.reasons.${reason}`;

/** Known reasons in DESIGN order, then any other reason seen in the snapshots, sorted. */
export function reasonsOf(all: readonly AggregateMetrics[]): string[] {
  const known: readonly string[] = PLACE_CHANGE_REASONS;
  const extra = new Set<string>();
  for (const m of all) for (const r of Object.keys(m.placementMoves?.reasons ?? {})) if (!known.includes(r)) extra.add(r);
  return [...known, ...[...extra].sort()];
}

export interface MeasureSet {
  names: string[];
  read(m: AggregateMetrics): Map<string, number | null>;
}

export function measureSet(reasons: readonly string[]): MeasureSet {
  const getters: (readonly [string, Getter])[] = [
    ...FIXED,
    ...reasons.map((r): [string, Getter] => [reasonKey(r), (m) => (m.placementMoves ? (m.placementMoves.reasons[r] ?? 0) : undefined)]),
  ];
  return {
    names: getters.map(([k]) => k),
    read(m) {
      const values = new Map<string, number | null>();
      for (const [k, get] of getters) {
        const v = get(m);
        values.set(k, typeof v === 'number' && Number.isFinite(v) ? v : null);
      }
      return values;
    },
  };
}

/** Row relations of one entity's cells (`cell(name)` gives the entity's key for a measure). */
export function rowEquations(cell: (measure: string) => string, reasons: readonly string[]): Equation[] {
  const code = (c: string) => cell(`participation.codes.${c}`);
  return [
    // DESIGN §4: the reasons (with "NONE") sum to the total moves.
    { total: cell('placementMoves.total'), parts: reasons.map((r) => cell(reasonKey(r))) },
    // DESIGN §3: participation rate = PN1–PN6 / PN1–PN7.
    { total: cell('participation.rate.numerator'), parts: ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6'].map(code) },
    { total: cell('participation.rate.denominator'), parts: [cell('participation.rate.numerator'), code('PN7')] },
    // Metrics 5 and 6 count the same reviews: all reviews = PN0 + (PN1–PN7). Written as a tree (not as the sum
    // of the eight codes) so that single-equation suppression sees the nesting.
    { total: cell('reviewTimeliness.onTime.denominator'), parts: [code('PN0'), cell('participation.rate.denominator')] },
    ...practiceEquations(cell),
  ];
}
