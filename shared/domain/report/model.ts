/**
 * The annual report as data: what the page, the Word document and the CSV downloads all render, so the three say
 * the same. Aggregates only: the builder reads the child-free LA snapshot and the published (disclosure-controlled)
 * regional and England figures; nothing in the model names a child, an IRO or a record, or carries free text.
 */
import type { RegionName } from '../tenancy/regions.ts';
import type { ReportValue, Unit } from './sentences.ts';

/** One figure beside the LA's previous year, its region and England. */
export interface ReportFigure {
  /** Stable id (chart and test hooks). */
  id: string;
  label: string;
  unit: Unit;
  la: ReportValue;
  previous: ReportValue;
  region: ReportValue;
  england: ReportValue;
  /** What a rate counts, for the LA this year: "174 of 200 reviews". */
  basis?: string;
}

/** A bar chart: the LA this year (highlighted) and last year, the region and England as reference lines. */
export interface ReportChart {
  title: string;
  unit: '%';
  max: 100;
  bars: { label: string; value: number | null; highlight?: boolean }[];
  references: { label: string; value: number | null }[];
}

/** A breakdown (participation codes, dispute themes …), already formatted: the page, docx and CSV print it as is. */
export interface ReportTable {
  /** Unique in the report: the CSV download's `?csv=` id. */
  id: string;
  caption: string;
  head: string[];
  rows: string[][];
  /** The columns of figures (right-aligned), by index. */
  numericColumns: number[];
}

export interface ReportSection {
  id: string;
  title: string;
  /** Honest notes: what the stored data does not hold, how a comparison was worked out. */
  notes: string[];
  figures: ReportFigure[];
  sentences: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

export interface AnnualReport {
  la: { code: string; name: string; region: RegionName };
  yearEnding: number;
  /** The previous year's collection year when the LA has figures for it, else null. */
  previousYear: number | null;
  /** e.g. "1 April 2024 to 31 March 2025". */
  period: string;
  sections: ReportSection[];
}
