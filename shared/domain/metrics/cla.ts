import { isLookedAfterOn } from './looked-after.ts';
import type { ChildTimeline, YearWindow } from './timeline.ts';

/**
 * Metric 1 (CLA): looked after on the as-at date, and during the year (DECOM ≤ as-at and DEC blank or
 * DEC > 1 April: an episode ending on 1 April does not count).
 */
export function childrenLookedAfter(timelines: readonly ChildTimeline[], window: YearWindow): { count: number; duringYear: number } {
  let count = 0;
  let duringYear = 0;
  for (const t of timelines) {
    if (t.episodes.some((e) => isLookedAfterOn(e, window.asAt))) count++;
    if (t.episodes.some((e) => e.decom <= window.asAt && (e.dec === null || e.dec > window.start))) duringYear++;
  }
  return { count, duringYear };
}
