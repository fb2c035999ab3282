import type { IsoDate } from '../ssda903/records.ts';

/** A ratio as DESIGN.md §7 prints it: `rate` is a fraction 0–1, or null when the denominator is 0. */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export const PARTICIPATION_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export type ParticipationCode = (typeof PARTICIPATION_CODES)[number];

/** REASON_PLACE_CHANGE codes (DESIGN §3) plus "NONE" for a counted move whose ending episode has none (§4). */
export const PLACE_CHANGE_REASONS = [
  'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER', 'NONE',
] as const;

export interface OverdueChild {
  child: string;
  due: IsoDate;
  daysOverdue: number;
}

/** The metrics of one LA for a collection year: exactly the DESIGN.md §7 `metrics --json` shape. */
export interface LaMetrics {
  yearEnding: number;
  asAt: IsoDate;
  cla: { count: number; duringYear: number };
  shortTermStability: Ratio;
  longTermStability: Ratio;
  placementMoves: { oneOrMore: Ratio; twoOrMore: Ratio; total: number; reasons: Record<string, number> };
  reviewTimeliness: { onTime: Ratio; overdue: { count: number; children: OverdueChild[] } };
  participation: { codes: Record<ParticipationCode, number>; rate: Ratio };
  missing: {
    children: Ratio;
    incidents: number;
    incidentsPerMissingChild: number | null;
    away: { children: Ratio; incidents: number };
  };
  longTermStabilitySameCarer: Ratio;
  reunification: {
    episodes: number;
    children: number;
    /** Over children who went home in the year; re-entry observed only up to `censoredAt`. */
    reentryWithin12Months: Ratio;
    censoredAt: IsoDate;
    /** Last year's returners (the settled figure), or null when the dataset holds none of them. */
    previousYear: Ratio | null;
  };
  /** The DfE's second short-term measure: looked after for the two years to the as-at date, 3+ placements in them. */
  twoYearStability: Ratio;
  /** Children looked after at the as-at date with 1, 2 and 3+ changes of social worker in the year; null before SWEpisodes. */
  socialWorkerChanges: { one: Ratio; two: Ratio; threePlus: Ratio } | null;
  /**
   * How far back the stored returns reach (null: whole periods of care are stored) and, per look-back metric, the
   * children whose figure rests on history the store does not hold (DESIGN §4 look-back; see stored-history.ts).
   */
  historyShortfall: { storedFrom: IsoDate | null; longTermStability: number; reviewSequence: number; twoYearStability: number };
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
