/**
 * How far back an LA's stored returns reach, and which children's look-back figures they cannot settle.
 *
 * A return in the DfE's form holds its year's events plus the episode open on 1 April, so a store of such
 * returns reaches back to 1 April of its earliest year: before that only the open episode's DECOM is known. A
 * return that also holds episodes ended before its year carries whole periods of care (the form earlier returns
 * took), so the store reaches back to every period's start.
 */
import { addDays, addMonths, ageOn } from '../calendar/dates.ts';
import type { IsoDate, LaDataset } from '../ssda903/records.ts';
import { reviewsByPeriod, scheduleOf } from './review-schedule.ts';
import { episodeOn, inRange, periodOn, yearStart, type ChildTimeline, type YearWindow } from './timeline.ts';
import type { LaMetrics } from './types.ts';

/** The first day from which every event is stored, or null when the store holds whole periods of care. */
export function storedFrom(datasets: readonly LaDataset[]): IsoDate | null {
  let from: IsoDate | null = null;
  for (const d of datasets) {
    const start = yearStart(d.yearEnding);
    if (d.children.some((c) => c.episodes.some((e) => e.dec !== null && e.dec < start))) return null;
    if (from === null || start < from) from = start;
  }
  return from;
}

/** The first day of the two years ending on the as-at date (1 April two years before, for 31 March). */
export function twoYearStart(window: YearWindow): IsoDate {
  return addDays(addMonths(window.asAt, -24), 1);
}

/**
 * Children whose figure in a look-back metric rests on history the store does not hold:
 *  - long-term stability: looked after under 16 at the as-at date, whose current period's first stored episode is
 *    the one open when the store begins and is not its start (RNE S), and began after the 30-month cut-off (so
 *    neither the period's start nor the placement's is known to be early enough);
 *  - review sequence: a review in the year among the first two stored reviews of a period that began before the
 *    store does (its due date depends on whether it was the first, the second or a later review);
 *  - two-year stability: in its denominator while the two years begin before the store does.
 */
export function historyShortfall(
  timelines: readonly ChildTimeline[], window: YearWindow, from: IsoDate | null,
): LaMetrics['historyShortfall'] {
  const result = { storedFrom: from, longTermStability: 0, reviewSequence: 0, twoYearStability: 0 };
  if (from === null) return result;
  const periodCutoff = addMonths(window.asAt, -30);
  const twoYears = twoYearStart(window);
  for (const t of timelines) {
    const period = periodOn(t, window.asAt);
    if (period && episodeOn(t, window.asAt)) {
      const first = period.episodes[0]!;
      const startUnknown = first.decom < from && first.rne !== 'S';
      if (startUnknown && ageOn(t.dob, window.asAt) < 16 && first.decom > periodCutoff) result.longTermStability++;
      if (period.start <= twoYears && twoYears < from) result.twoYearStability++;
    }
    for (const [p, reviews] of reviewsByPeriod(t)) {
      if (p.start >= from) continue;
      const ambiguous = scheduleOf(p, reviews).some((s, i) => i < 2 && inRange(s.review.review, window.start, window.asAt));
      if (ambiguous) {
        result.reviewSequence++;
        break;
      }
    }
  }
  return result;
}
