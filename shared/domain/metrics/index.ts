/**
 * The metrics engine: DESIGN.md §4 metrics 1–8 for one LA, as pure functions of its 903 records.
 *
 * Interpretations of DfE / DESIGN definitions made here (also in the issue report):
 *  I1  "In the year" for events (placement starts, reviews, missing starts, return-home DEC) is 1 April to the
 *      as-at date inclusive. "Looked after in the year" excludes an episode ending on 1 April (DESIGN §4), but a
 *      return home with DEC on 1 April is a return in that year (the day it happened is in the year; otherwise it
 *      would fall in no year at all).
 *  I2  The placement in force on 1 April is judged by the placement, not the episode: it counts when the
 *      placement in force that day (for a T0–T4 episode, the one it interrupted) began before 1 April, so an `L`
 *      change or a temporary episode starting on 1 April does not lose it.
 *  I3  A period that begins in a temporary placement (nothing to interrupt): the temporary run is not counted as
 *      a placement; the first non-temporary P/T/U/B episode after it is a new placement and a move (DESIGN §4:
 *      "any other P/T/U/B episode is a new placement and a move"); an `L` episode while still there continues
 *      it; if that run is in force on 1 April and began before, it counts as the placement in force.
 *  I4  A move's reason is REASON_PLACE_CHANGE on the episode immediately before the move; blank → "NONE"
 *      (a move out of a temporary placement to a different one is normally "NONE": §3 puts no reason there).
 *  I5  Review sequence: the earliest review present in a period is its first review (an extract without the
 *      earlier reviews of a long period makes its first in-year review look late). Reviews that fall in no period
 *      of care (short breaks only) are left out of metrics 5 and 6; metric 6 counts the same reviews as metric 5.
 *  I6  Overdue: the next due date comes from the current period's reviews dated on or before the as-at date;
 *      a child with no review yet is due 20 working days after the period start.
 *  I7  Age under 16 on the as-at date: the 16th birthday is reached on its month-day; a 29 February child ages on
 *      1 March in common years.
 *  I8  Adoptive placement (metric 3): temporary episodes inside the A3–A6 run do not break it; "the placement
 *      before the adoptive one" is the placement in force on the episode just before the run (if temporary, the
 *      placement it interrupted); when nothing precedes the run in the period, the run's own start is used.
 *      The same rule is applied in the same-carer reading, where T/U changes continue a placement.
 *  I9  Metric 7 counts an incident when MIS_START is in the year and the child was looked after in the year, even
 *      if the child was not looked after on the incident day (DESIGN §4 wording).
 *  I10 Metric 8: re-entry = the next period of care (any legal status but V3/V4) with DECOM − DEC ≤ 365 days and
 *      DECOM ≤ as-at; a child re-enters if any of its returns in the year is followed. `previousYear` = returns
 *      with DEC in the previous collection year, re-entry observed to the same as-at date; null when the dataset
 *      holds none of them. A single-year upload only holds last year's returners who are in this year's return,
 *      so pass `history` (earlier uploads) for a settled figure that is not biased upwards.
 *  I11 Metric 4's numerators are restricted to its denominator (children looked after in the year); metric 2's
 *      denominator is every child looked after on the as-at date.
 */
import type { IsoDate, LaDataset } from '../ssda903/records.ts';
import { mergeDatasets } from './history.ts';
import { longTermStability } from './long-term-stability.ts';
import { childrenLookedAfter } from './cla.ts';
import { missing } from './missing.ts';
import { participation } from './participation.ts';
import { placementMoves } from './placement-moves.ts';
import { reunification } from './reunification.ts';
import { reviewTimeliness } from './review-timeliness.ts';
import { shortTermStability } from './short-term-stability.ts';
import { socialWorkerStability } from './social-worker-stability.ts';
import { historyShortfall, storedFrom } from './stored-history.ts';
import { timelinesOf, yearEnd, yearStart, yearWindow } from './timeline.ts';
import { twoYearStability } from './two-year-stability.ts';
import type { LaMetrics } from './types.ts';

export { yearEnd, yearStart, yearWindow, mergeDatasets };
export type { LaMetrics };

export interface MetricsOptions {
  yearEnding: number;
  /** Defaults to 31 March of `yearEnding`. */
  asAt?: IsoDate;
  /** Earlier uploads of the same LA (oldest first), merged under `dataset` for the look-back metrics. */
  history?: readonly LaDataset[];
}

/**
 * Every metric of DESIGN.md §4 (1–8) for one LA and collection year, in the §7 `metrics --json` shape, with the
 * two further stability measures (two-year placements, social worker changes) and the history shortfall of the
 * look-back metrics. Pure.
 */
export function computeLaMetrics(dataset: LaDataset, options: MetricsOptions): LaMetrics {
  const window = yearWindow(options.yearEnding, options.asAt);
  const stored = [...(options.history ?? []), dataset];
  const timelines = timelinesOf(stored.length > 1 ? mergeDatasets(stored) : dataset);
  return {
    yearEnding: options.yearEnding,
    asAt: window.asAt,
    cla: childrenLookedAfter(timelines, window),
    shortTermStability: shortTermStability(timelines, window),
    longTermStability: longTermStability(timelines, window, 'placement'),
    placementMoves: placementMoves(timelines, window),
    reviewTimeliness: reviewTimeliness(timelines, window),
    participation: participation(timelines, window),
    missing: missing(timelines, window),
    longTermStabilitySameCarer: longTermStability(timelines, window, 'sameCarer'),
    reunification: reunification(timelines, window),
    twoYearStability: twoYearStability(timelines, window),
    socialWorkerChanges: socialWorkerStability(timelines, window),
    historyShortfall: historyShortfall(timelines, window, storedFrom(stored)),
  };
}
