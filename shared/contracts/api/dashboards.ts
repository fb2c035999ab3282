import * as z from 'zod';
import { IsoDate, LaCode, PublishedRatio, PublishedValue, Ratio, Suppressed, Timestamp } from './common.ts';

const REGION = z.string().meta({ description: 'one of the nine English regions', example: 'North East' });
const byCode = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/**
 * Metrics 1–8 (DESIGN.md §4) of one LA. Objects are open (`looseObject`): metrics added later (metric 9,
 * social-worker stability) appear without breaking clients; the fields listed here are guaranteed.
 */
export const LaMetrics = z.looseObject({
  yearEnding: z.number().int(),
  asAt: IsoDate,
  cla: z.object({ count: z.number().int(), duringYear: z.number().int() }),
  shortTermStability: Ratio,
  longTermStability: Ratio,
  placementMoves: z.object({ oneOrMore: Ratio, twoOrMore: Ratio, total: z.number().int(), reasons: byCode(z.number().int()) }),
  reviewTimeliness: z.looseObject({ onTime: Ratio, overdue: z.looseObject({ count: z.number().int() }) }),
  participation: z.object({ codes: byCode(z.number().int()), rate: Ratio }),
  missing: z.object({
    children: Ratio,
    incidents: z.number().int(),
    incidentsPerMissingChild: z.number().nullable(),
    away: z.object({ children: Ratio, incidents: z.number().int() }),
  }),
  longTermStabilitySameCarer: Ratio,
  reunification: z.object({
    episodes: z.number().int(),
    children: z.number().int(),
    reentryWithin12Months: Ratio,
    censoredAt: IsoDate,
    previousYear: Ratio.nullable(),
  }),
}).meta({ id: 'LaMetrics' });

/** Metrics as regional chairs and national users see them: disclosure-controlled, no child-level data. */
export const PublishedMetrics = z.looseObject({
  cla: z.object({ count: PublishedValue, duringYear: PublishedValue }),
  shortTermStability: PublishedRatio,
  longTermStability: PublishedRatio,
  placementMoves: z.object({ oneOrMore: PublishedRatio, twoOrMore: PublishedRatio, total: PublishedValue, reasons: byCode(PublishedValue) }),
  reviewTimeliness: z.object({ onTime: PublishedRatio, overdue: z.object({ count: PublishedValue }) }),
  participation: z.object({ codes: byCode(PublishedValue), rate: PublishedRatio }),
  missing: z.object({
    children: PublishedRatio,
    incidents: PublishedValue,
    incidentsPerMissingChild: z.union([z.number(), Suppressed]).nullable(),
    away: z.object({ children: PublishedRatio, incidents: PublishedValue }),
  }),
  longTermStabilitySameCarer: PublishedRatio,
  reunification: z.object({
    episodes: PublishedValue,
    children: PublishedValue,
    reentryWithin12Months: PublishedRatio,
    censoredAt: IsoDate.nullable(),
    previousYear: PublishedRatio.nullable(),
  }),
}).meta({ id: 'PublishedMetrics' });

const Area = z.object({ cla: PublishedValue, metrics: PublishedMetrics });

export const LaDashboard = z.object({
  computedAt: Timestamp,
  la: LaCode,
  name: z.string(),
  region: REGION,
  yearEnding: z.number().int(),
  asAt: IsoDate,
  datasetVersion: z.string(),
  metrics: LaMetrics,
  comparators: z.object({
    region: Area.extend({ name: REGION }).nullable(),
    england: Area.nullable(),
  }).meta({ description: 'the region and England as published (disclosure-controlled)' }),
}).meta({ id: 'LaDashboard' });

export const RegionalDashboard = z.object({
  computedAt: Timestamp,
  region: REGION,
  yearEnding: z.number().int(),
  las: z.array(Area.extend({ la: LaCode, name: z.string() })).meta({ description: "the region's LAs named side by side; LA counts are not rounded" }),
  total: Area,
}).meta({ id: 'RegionalDashboard' });

export const NationalDashboard = z.object({
  computedAt: Timestamp,
  yearEnding: z.number().int(),
  regions: z.array(Area.extend({ region: REGION })),
  england: Area,
}).meta({ id: 'NationalDashboard', description: 'regions and England; no LA is named or coded anywhere' });
