/**
 * Placements of a period of care (DESIGN.md §4 "Placements in the year" and "Placement changes").
 *
 * Walking a period's episodes in order:
 *  - the first episode starts the period's first placement (not a move), whatever its RNE;
 *  - `T0`–`T4` temporary episodes never start a placement: the placement they interrupted stays in force;
 *  - the episode after a run of temporary ones that has the same PLACE, PLACE_PROVIDER, PL_POST and URN as the
 *    last non-temporary episode before the run is the return to the interrupted placement: not a new placement;
 *  - `RNE L` (legal status only) continues the placement;
 *  - any other `P`/`T`/`U`/`B` episode is a new placement and a move, even with the four fields unchanged.
 * In the "same carer" reading (long-term stability as the DfE now words it, `longTermStabilitySameCarer`),
 * `T` and `U` (new placement, same carers) also continue the placement.
 */
import type { EpisodeRecord, IsoDate } from '../ssda903/records.ts';
import { episodeOn, type ChildTimeline, type Period, type YearWindow } from './timeline.ts';

export const TEMPORARY_PLACEMENTS: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6']);
const SAME_CARER_RNE: ReadonlySet<string> = new Set(['T', 'U']);

export type PlacementReading = 'placement' | 'sameCarer';

export interface Placement {
  /** DECOM of the episode that started it. */
  start: IsoDate;
  /** `first` of the period, a `move`, or a `temporary` run that began the period (nothing to interrupt). */
  kind: 'first' | 'move' | 'temporary';
  /** Its non-temporary episodes, in order (for `temporary`, the temporary ones). */
  episodes: EpisodeRecord[];
  /** For a move: REASON_PLACE_CHANGE on the episode that ended before it, "NONE" when blank (DESIGN §4). */
  reason: string | null;
}

export interface PeriodPlacements {
  placements: Placement[];
  /** The placement in force during each episode of the period (a temporary episode maps to the one it interrupted). */
  effective: Map<EpisodeRecord, Placement>;
}

export function isTemporary(e: EpisodeRecord): boolean {
  return TEMPORARY_PLACEMENTS.has(e.place);
}

function samePlacement(a: EpisodeRecord, b: EpisodeRecord): boolean {
  return a.place === b.place && a.placeProvider === b.placeProvider && a.plPost === b.plPost && a.urn === b.urn;
}

export function placementsOfPeriod(period: Period, reading: PlacementReading = 'placement'): PeriodPlacements {
  const placements: Placement[] = [];
  const effective = new Map<EpisodeRecord, Placement>();
  let current: Placement | undefined;
  let temporaryRun: Placement | undefined; // the period began in a temporary placement
  let previous: EpisodeRecord | undefined;
  let afterTemporary = false;
  for (const e of period.episodes) {
    if (isTemporary(e)) {
      if (!current) {
        if (!temporaryRun) {
          temporaryRun = { start: e.decom, kind: 'temporary', episodes: [], reason: null };
          placements.push(temporaryRun);
        }
        temporaryRun.episodes.push(e);
      }
      effective.set(e, current ?? temporaryRun!);
      afterTemporary = true;
      previous = e;
      continue;
    }
    const last = current?.episodes[current.episodes.length - 1];
    if (previous === undefined) {
      current = { start: e.decom, kind: 'first', episodes: [e], reason: null };
      placements.push(current);
    } else if (current && last && afterTemporary && samePlacement(e, last)) {
      current.episodes.push(e); // return to the interrupted placement: never a placement or a move
    } else if (e.rne === 'L' || (reading === 'sameCarer' && SAME_CARER_RNE.has(e.rne))) {
      if (current) current.episodes.push(e);
      else temporaryRun!.episodes.push(e); // legal change while still in the opening temporary placement
    } else {
      current = { start: e.decom, kind: 'move', episodes: [e], reason: previous.reasonPlaceChange ?? 'NONE' };
      placements.push(current);
    }
    effective.set(e, current ?? temporaryRun!);
    afterTemporary = false;
    previous = e;
  }
  return { placements, effective };
}

export interface YearPlacements {
  /** Placements in the year: the one in force on 1 April (if it began before) plus each start in the year. */
  count: number;
  /** Moves in the year (placement changes), in date order. */
  moves: Placement[];
}

/**
 * DESIGN §4: the placement in force on 1 April counts once when the child was looked after on 1 April in a
 * placement that began before 1 April (if the episode that day is temporary, the placement it interrupted);
 * a placement beginning on 1 April counts only as a start.
 */
export function placementsInYear(timeline: ChildTimeline, window: YearWindow): YearPlacements {
  return placementsBetween(timeline, window.start, window.asAt);
}

/** Placements from `from` to `to` inclusive, counted as in the year: the one in force on `from` plus each start. */
export function placementsBetween(timeline: ChildTimeline, from: IsoDate, to: IsoDate): YearPlacements {
  let count = 0;
  const moves: Placement[] = [];
  const onFirstDay = episodeOn(timeline, from);
  for (const period of timeline.periods) {
    const { placements, effective } = placementsOfPeriod(period);
    if (onFirstDay && period.episodes.includes(onFirstDay)) {
      const inForce = effective.get(onFirstDay);
      if (inForce && inForce.start < from) count++;
    }
    for (const p of placements) {
      if (p.kind === 'temporary' || p.start < from || p.start > to) continue;
      count++;
      if (p.kind === 'move') moves.push(p);
    }
  }
  return { count, moves };
}
