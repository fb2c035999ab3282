/**
 * Shared building blocks of metrics 1–8 (DESIGN.md §4): the year window, care episodes with short breaks
 * removed, and periods of care.
 */
import { addMonths } from '../calendar/dates.ts';
import type { ChildRecords, EpisodeRecord, IsoDate, LaDataset } from '../ssda903/records.ts';
import { isShortBreak } from './looked-after.ts';

export interface YearWindow {
  yearEnding: number;
  /** 1 April of the collection year. */
  start: IsoDate;
  /** The as-at date: 31 March unless another is given; metrics 2 and 3 use it in place of 31 March. */
  asAt: IsoDate;
}

export function yearStart(yearEnding: number): IsoDate {
  return `${yearEnding - 1}-04-01`;
}

export function yearEnd(yearEnding: number): IsoDate {
  return `${yearEnding}-03-31`;
}

export function yearWindow(yearEnding: number, asAt?: IsoDate): YearWindow {
  return { yearEnding, start: yearStart(yearEnding), asAt: asAt ?? yearEnd(yearEnding) };
}

/** The collection year before, observed up to the same as-at date (metric 8's settled figure). */
export function previousYearWindow(window: YearWindow): { start: IsoDate; end: IsoDate } {
  return { start: addMonths(window.start, -12), end: yearEnd(window.yearEnding - 1) };
}

/** Episodes chained by `REC = X1` into one period of care (DESIGN §4). */
export interface Period {
  episodes: EpisodeRecord[];
  /** DECOM of its first care episode: the period start for reviews and long-term stability. */
  start: IsoDate;
  /** DEC of its last episode, null while open. */
  end: IsoDate | null;
}

export interface ChildTimeline {
  child: string;
  dob: IsoDate;
  records: ChildRecords;
  /** Care episodes: V3/V4 short breaks removed episode by episode, sorted by DECOM. */
  episodes: EpisodeRecord[];
  periods: Period[];
}

function byDecom(a: EpisodeRecord, b: EpisodeRecord): number {
  if (a.decom !== b.decom) return a.decom < b.decom ? -1 : 1;
  if (a.dec === b.dec) return 0;
  if (a.dec === null) return 1;
  if (b.dec === null) return -1;
  return a.dec < b.dec ? -1 : 1;
}

/**
 * Periods of care: an episode continues the previous one's period when that one ended `X1` on the day it
 * starts and it is not an `S` episode. Short breaks are removed first, so the first remaining episode of a
 * chain starts a period whatever its RNE (a V3 → C2 move counts from the C2 episode).
 */
export function periodsOf(episodes: readonly EpisodeRecord[]): Period[] {
  const periods: Period[] = [];
  let current: Period | undefined;
  let last: EpisodeRecord | undefined;
  for (const e of episodes) {
    const continues = current !== undefined && last !== undefined && e.rne !== 'S' && last.rec === 'X1' && last.dec === e.decom;
    if (!continues || !current) {
      current = { episodes: [], start: e.decom, end: null };
      periods.push(current);
    }
    current.episodes.push(e);
    current.end = e.dec;
    last = e;
  }
  return periods;
}

export function timelineOf(records: ChildRecords): ChildTimeline {
  const episodes = records.episodes.filter((e) => !isShortBreak(e)).sort(byDecom);
  return { child: records.child, dob: records.header.dob, records, episodes, periods: periodsOf(episodes) };
}

export function timelinesOf(dataset: LaDataset): ChildTimeline[] {
  return dataset.children.map(timelineOf);
}

/** Looked after on d (DECOM ≤ d < DEC), care episodes only. */
export function episodeOn(timeline: ChildTimeline, date: IsoDate): EpisodeRecord | undefined {
  return timeline.episodes.find((e) => e.decom <= date && (e.dec === null || e.dec > date));
}

export function periodOn(timeline: ChildTimeline, date: IsoDate): Period | undefined {
  return timeline.periods.find((p) => p.start <= date && (p.end === null || p.end > date));
}

/** Looked after on at least one day of the year: DECOM ≤ as-at and (DEC blank or DEC > 1 April). */
export function lookedAfterInYear(timeline: ChildTimeline, window: YearWindow): boolean {
  return timeline.episodes.some((e) => e.decom <= window.asAt && (e.dec === null || e.dec > window.start));
}

export function inRange(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return date >= from && date <= to;
}
