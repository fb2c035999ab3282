import type { EpisodeRecord, IsoDate, LaDataset } from '../ssda903/records.ts';
import type { ChildTimeline, YearWindow } from './timeline.ts';

/** Short-break (respite) legal statuses, excluded episode by episode from every metric (DESIGN.md §4). */
export const SHORT_BREAK_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);

export function isShortBreak(episode: EpisodeRecord): boolean {
  return SHORT_BREAK_STATUSES.has(episode.ls);
}

/** Looked after on d: DECOM ≤ d and (DEC blank or DEC > d), short breaks excluded. */
export function isLookedAfterOn(episode: EpisodeRecord, date: IsoDate): boolean {
  return !isShortBreak(episode) && episode.decom <= date && (episode.dec === null || episode.dec > date);
}

/** Metric 1: the number of children looked after on a date. */
export function childrenLookedAfterOn(dataset: LaDataset, date: IsoDate): number {
  return dataset.children.filter((c) => c.episodes.some((e) => isLookedAfterOn(e, date))).length;
}

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
