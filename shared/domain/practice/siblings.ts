/**
 * Siblings placed together (Children Act 1989 s.22C; IRO-PRACTICE.md §6): for each child looked after on a date
 * who has a looked-after sibling that day, whether the child is placed with all, some or none of them. Same
 * placement = same PL_POST, URN and PLACE_PROVIDER on that date; an episode without PL_POST is never matched
 * (an unknown address cannot prove two children live together).
 */
import { isLookedAfterOn } from '../metrics/looked-after.ts';
import type { EpisodeRecord, IsoDate, LaDataset } from '../ssda903/records.ts';
import type { SiblingGroup } from './records.ts';

export const FOSTER_PLACEMENTS: ReadonlySet<string> = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

export type SiblingPlacement = 'all' | 'some' | 'none';

export interface ChildSiblingPlacement {
  child: string;
  placement: SiblingPlacement;
  /** In foster care (U1–U6) on the date: seed 002's "37% of those in foster care placed with siblings". */
  foster: boolean;
  /** Looked-after siblings on the date, and how many of them share the child's placement. */
  siblings: number;
  together: number;
}

function placementKey(e: EpisodeRecord): string | null {
  return e.plPost === null ? null : `${e.plPost}|${e.urn ?? ''}|${e.placeProvider ?? ''}`;
}

/** Sibling sets per child: the union of every group the child is in (a child may be recorded in two groups). */
export function siblingsByChild(groups: readonly SiblingGroup[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const c of g.children) {
      let set = out.get(c);
      if (!set) out.set(c, (set = new Set()));
      for (const other of g.children) if (other !== c) set.add(other);
    }
  }
  return out;
}

export function classifySiblingPlacements(dataset: LaDataset, groups: readonly SiblingGroup[], date: IsoDate): ChildSiblingPlacement[] {
  const siblings = siblingsByChild(groups);
  const episodeOn = new Map<string, EpisodeRecord>();
  for (const c of dataset.children) {
    if (!siblings.has(c.child)) continue;
    const e = c.episodes.find((x) => isLookedAfterOn(x, date));
    if (e) episodeOn.set(c.child, e);
  }
  const rows: ChildSiblingPlacement[] = [];
  for (const [child, episode] of episodeOn) {
    const key = placementKey(episode);
    let count = 0;
    let together = 0;
    for (const s of siblings.get(child)!) {
      const other = episodeOn.get(s);
      if (!other) continue;
      count++;
      if (key !== null && placementKey(other) === key) together++;
    }
    if (count === 0) continue;
    const placement: SiblingPlacement = together === count ? 'all' : together > 0 ? 'some' : 'none';
    rows.push({ child, placement, foster: FOSTER_PLACEMENTS.has(episode.place), siblings: count, together });
  }
  return rows;
}

export interface SiblingPlacementSummary {
  all: number;
  some: number;
  none: number;
  /** The same counts for children in foster care on the date. */
  foster: { all: number; some: number; none: number };
}

export function summariseSiblingPlacements(rows: readonly ChildSiblingPlacement[]): SiblingPlacementSummary {
  const out: SiblingPlacementSummary = { all: 0, some: 0, none: 0, foster: { all: 0, some: 0, none: 0 } };
  for (const r of rows) {
    out[r.placement]++;
    if (r.foster) out.foster[r.placement]++;
  }
  return out;
}
