/**
 * Reviews held: the 903 Reviews rows and the reviews chaired in the platform, merged on child and date (a review
 * recorded here and later uploaded in the 903 is one review, not two).
 */
import type { ChildRecords, IsoDate } from '../ssda903/records.ts';
import type { PracticeReview } from './records.ts';

export interface HeldReview {
  child: string;
  date: IsoDate;
  /** The platform's record of it, when chaired here. */
  practice: PracticeReview | null;
  /** Recorded in the uploaded 903 Reviews table. */
  in903: boolean;
}

export function groupByChild<T extends { child: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    let list = out.get(item.child);
    if (!list) out.set(item.child, (list = []));
    list.push(item);
  }
  return out;
}

/** A child's reviews in date order, one per date. */
export function heldReviews(records: ChildRecords | undefined, practice: readonly PracticeReview[] | undefined, child: string): HeldReview[] {
  const byDate = new Map<IsoDate, HeldReview>();
  for (const r of records?.reviews ?? []) byDate.set(r.review, { child, date: r.review, practice: null, in903: true });
  for (const p of practice ?? []) {
    const known = byDate.get(p.date);
    byDate.set(p.date, { child, date: p.date, practice: p, in903: known?.in903 ?? false });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The collection year (named by the year it ends) that contains `date`: 1 April – 31 March. */
export function collectionYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year + 1 : year;
}
