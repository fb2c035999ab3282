import type { EpisodeRecord, IsoDate } from '../ssda903/records.ts';

/** Short-break (respite) legal statuses, excluded episode by episode from every metric (DESIGN.md §4). */
export const SHORT_BREAK_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);

export function isShortBreak(episode: EpisodeRecord): boolean {
  return SHORT_BREAK_STATUSES.has(episode.ls);
}

/** Looked after on d: DECOM ≤ d and (DEC blank or DEC > d), short breaks excluded. */
export function isLookedAfterOn(episode: EpisodeRecord, date: IsoDate): boolean {
  return !isShortBreak(episode) && episode.decom <= date && (episode.dec === null || episode.dec > date);
}

