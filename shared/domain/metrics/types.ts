import type { IsoDate } from '../ssda903/records.ts';

/** A ratio as DESIGN.md §7 prints it: `rate` is a fraction 0–1, or null when the denominator is 0. */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** The metrics of one LA for a collection year (DESIGN.md §7 `metrics --json`). Widened metric by metric. */
export interface LaMetrics {
  yearEnding: number;
  asAt: IsoDate;
  cla: { count: number; duringYear: number };
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
