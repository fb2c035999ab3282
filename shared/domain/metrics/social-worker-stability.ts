import { inRange, episodeOn, type ChildTimeline, type YearWindow } from './timeline.ts';
import { ratio, type LaMetrics } from './types.ts';

/**
 * Social worker stability (the third domain of the DfE's stability measures and of the Children's
 * Commissioner's Stability Index): of children looked after at the as-at date, those with 1, 2, and 3 or more
 * changes of social worker in the year. A change is a social worker episode starting in the year (1 April to the
 * as-at date) after an earlier episode of the child with a different worker; a child's first worker is no change,
 * nor is the same worker again. Null when the data holds no social worker episode running in the year (SWEpisodes
 * are collected from 2023-24).
 */
export function socialWorkerStability(timelines: readonly ChildTimeline[], window: YearWindow): LaMetrics['socialWorkerChanges'] {
  let collected = false;
  let denominator = 0;
  const byChanges = [0, 0, 0, 0];
  for (const t of timelines) {
    const workers = t.records.socialWorkers ?? [];
    if (!collected) collected = workers.some((w) => w.swDecom <= window.asAt && (w.swDec === null || w.swDec >= window.start));
    if (!episodeOn(t, window.asAt)) continue;
    denominator++;
    let changes = 0;
    for (let i = 1; i < workers.length; i++) {
      if (inRange(workers[i]!.swDecom, window.start, window.asAt) && workers[i]!.swId !== workers[i - 1]!.swId) changes++;
    }
    byChanges[Math.min(3, changes)]!++;
  }
  if (!collected) return null;
  return { one: ratio(byChanges[1]!, denominator), two: ratio(byChanges[2]!, denominator), threePlus: ratio(byChanges[3]!, denominator) };
}
