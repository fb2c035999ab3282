import { placementsInYear } from './placements.ts';
import { episodeOn, type ChildTimeline, type YearWindow } from './timeline.ts';
import { ratio, type Ratio } from './types.ts';

/** Metric 2 (DfE short-term placement stability): of CLA at the as-at date, those with 3 or more placements in the year. */
export function shortTermStability(timelines: readonly ChildTimeline[], window: YearWindow): Ratio {
  let denominator = 0;
  let numerator = 0;
  for (const t of timelines) {
    if (!episodeOn(t, window.asAt)) continue;
    denominator++;
    if (placementsInYear(t, window).count >= 3) numerator++;
  }
  return ratio(numerator, denominator);
}
