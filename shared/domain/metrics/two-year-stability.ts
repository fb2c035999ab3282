import { placementsBetween } from './placements.ts';
import { twoYearStart } from './stored-history.ts';
import { episodeOn, periodOn, type ChildTimeline, type YearWindow } from './timeline.ts';
import { ratio, type Ratio } from './types.ts';

/**
 * The DfE's second short-term placement stability measure: of children looked after at the as-at date who have
 * been looked after for the two years ending then (their current period began on or before the first day), those
 * with 3 or more placements over the two years, counted as in the year (the one in force on the first day if it
 * began before, plus each placement starting in the two years).
 */
export function twoYearStability(timelines: readonly ChildTimeline[], window: YearWindow): Ratio {
  const from = twoYearStart(window);
  let denominator = 0;
  let numerator = 0;
  for (const t of timelines) {
    const period = periodOn(t, window.asAt);
    if (!period || !episodeOn(t, window.asAt) || period.start > from) continue;
    denominator++;
    if (placementsBetween(t, from, window.asAt).count >= 3) numerator++;
  }
  return ratio(numerator, denominator);
}
