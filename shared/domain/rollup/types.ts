import type { LaMetrics } from '../metrics/types.ts';
import type { IsoDate } from '../ssda903/records.ts';
import type { RegionName } from '../tenancy/regions.ts';

/** What the tenant job writes per LA and collection year: child-free aggregates only. */
export interface LaSnapshot {
  la: string;
  name: string;
  region: RegionName;
  yearEnding: number;
  asAt: IsoDate;
  datasetVersion: string;
  metrics: LaMetrics;
}

/** DESIGN.md §5: a suppressed cell is never a number. */
export interface SuppressedCell {
  suppressed: 'c';
  reason: string;
}
export type PublishedCount = number | SuppressedCell;

export interface RegionalSnapshot {
  region: RegionName;
  yearEnding: number;
  /** LAs named side by side (regional chairs only). */
  las: { la: string; name: string; cla: PublishedCount }[];
  total: { cla: PublishedCount };
}

export interface NationalSnapshot {
  yearEnding: number;
  /** Regions and England; no LA is named. */
  regions: { region: RegionName; cla: PublishedCount }[];
  england: { cla: PublishedCount };
}
