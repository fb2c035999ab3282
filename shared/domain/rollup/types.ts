import type { PublishedIroPractice } from './practice-shape.ts';
import type { PublishedCount, PublishedRatio, PublishedValue, SuppressedCell } from '../disclosure/types.ts';
import type { LaMetrics, OverdueChild, ParticipationCode, Ratio } from '../metrics/types.ts';
import type { IroPracticeMetrics } from '../practice/metrics.ts';
import type { IsoDate } from '../ssda903/records.ts';
import type { RegionName } from '../tenancy/regions.ts';

export type { PublishedCount, PublishedRatio, PublishedValue, SuppressedCell };

/**
 * An LA's metrics with every child-level list taken out (today the overdue-review list, which becomes its count):
 * the only form of an LA's figures that may sit where an aggregate role (rollup, regional, national) can read.
 */
export type AggregateMetrics = Omit<LaMetrics, 'reviewTimeliness'> & {
  reviewTimeliness: { onTime: Ratio; overdue: { count: number } };
  /** Metric 9, counts only; absent for an LA that keeps no practice records in the platform. */
  iroPractice?: IroPracticeMetrics;
};

/** What the tenant job writes per LA and collection year, and what the rollup aggregates: child-free only. */
export interface LaSnapshot {
  la: string;
  name: string;
  region: RegionName;
  yearEnding: number;
  asAt: IsoDate;
  datasetVersion: string;
  metrics: AggregateMetrics;
}

/** Splits an LA's metrics into the child-free aggregate and the child-level lists that stay in tenant-only items. */
export function separateChildLevel(metrics: LaMetrics): { aggregate: AggregateMetrics; overdue: OverdueChild[] } {
  const { onTime, overdue } = metrics.reviewTimeliness;
  return {
    aggregate: { ...metrics, reviewTimeliness: { onTime, overdue: { count: overdue.count } } },
    overdue: overdue.children,
  };
}


/**
 * Metrics 1–8 as regional chairs and national users see them (DESIGN §5): no child ids (the overdue list is
 * reduced to its count), counts of 1–5 and cells that would reveal them suppressed, percentages whole numbers.
 */
export interface PublishedMetrics {
  cla: { count: PublishedValue; duringYear: PublishedValue };
  shortTermStability: PublishedRatio;
  longTermStability: PublishedRatio;
  placementMoves: { oneOrMore: PublishedRatio; twoOrMore: PublishedRatio; total: PublishedValue; reasons: Record<string, PublishedValue> };
  reviewTimeliness: { onTime: PublishedRatio; overdue: { count: PublishedValue } };
  participation: { codes: Record<ParticipationCode, PublishedValue>; rate: PublishedRatio };
  missing: {
    children: PublishedRatio;
    incidents: PublishedValue;
    /** One decimal place. */
    incidentsPerMissingChild: number | SuppressedCell | null;
    away: { children: PublishedRatio; incidents: PublishedValue };
  };
  longTermStabilitySameCarer: PublishedRatio;
  reunification: {
    episodes: PublishedValue;
    children: PublishedValue;
    reentryWithin12Months: PublishedRatio;
    /** The earliest as-at date of the LAs aggregated: re-entry is observed at least up to it. */
    censoredAt: IsoDate | null;
    /** null when no LA aggregated has previous-year returners in its data. */
    previousYear: PublishedRatio | null;
  };
  twoYearStability: PublishedRatio;
  /** null when no LA aggregated has social worker episodes in its data. */
  socialWorkerChanges: { one: PublishedRatio; two: PublishedRatio; threePlus: PublishedRatio } | null;
  /** Metric 9; null when no LA aggregated keeps practice records in the platform. */
  iroPractice: PublishedIroPractice | null;
}

export interface RegionalSnapshot {
  region: RegionName;
  yearEnding: number;
  /** LAs named side by side (regional chairs only), by LA code. LA counts are not rounded. */
  las: { la: string; name: string; cla: PublishedValue; metrics: PublishedMetrics }[];
  /** Regional totals, counts rounded to the nearest 10. */
  total: { cla: PublishedValue; metrics: PublishedMetrics };
}

export interface NationalSnapshot {
  yearEnding: number;
  /** Regions and England, counts rounded to the nearest 10; no LA is named or coded anywhere. */
  regions: { region: RegionName; cla: PublishedValue; metrics: PublishedMetrics }[];
  england: { cla: PublishedValue; metrics: PublishedMetrics };
}
