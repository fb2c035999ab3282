/**
 * The reg. 33 review sequence (Care Planning, Placement and Case Review (England) Regulations 2010; DESIGN §4/5):
 * first review within 20 working days of the period of care starting (start day not counted), the second within
 * 3 calendar months of the first, each later one within 6 months of the previous. Month addition clamps to the
 * month's end; the due date itself is on time and is not moved off a weekend or bank holiday. A new period of
 * care restarts the sequence; placement for adoption does not.
 */
import { addMonths } from '../calendar/dates.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { IsoDate, ReviewRecord } from '../ssda903/records.ts';
import type { ChildTimeline, Period } from './timeline.ts';

/** The due date of the review that follows `previous` (the reviews of the period so far, in date order). */
export function nextReviewDue(periodStart: IsoDate, previous: readonly IsoDate[]): IsoDate {
  const last = previous[previous.length - 1];
  if (last === undefined) return addWorkingDays(periodStart, 20);
  return addMonths(last, previous.length === 1 ? 3 : 6);
}

/**
 * Each review of the child with the period it belongs to: the first period (in date order) with
 * start ≤ review ≤ end, so a review on a day that ends one period and starts the next belongs to the ending one.
 * Reviews outside every period of care (e.g. during short breaks only) belong to none and are left out.
 */
export function reviewsByPeriod(timeline: ChildTimeline): Map<Period, ReviewRecord[]> {
  const result = new Map<Period, ReviewRecord[]>();
  const reviews = [...timeline.records.reviews].sort((a, b) => (a.review < b.review ? -1 : a.review > b.review ? 1 : 0));
  for (const r of reviews) {
    const period = timeline.periods.find((p) => p.start <= r.review && (p.end === null || r.review <= p.end));
    if (!period) continue;
    let list = result.get(period);
    if (!list) result.set(period, (list = []));
    list.push(r);
  }
  return result;
}

export interface ScheduledReview {
  review: ReviewRecord;
  due: IsoDate;
  onTime: boolean;
}

/** The period's reviews with their due dates: the earliest review present is taken as the first of the sequence. */
export function scheduleOf(period: Period, reviews: readonly ReviewRecord[]): ScheduledReview[] {
  const dates: IsoDate[] = [];
  return reviews.map((review) => {
    const due = nextReviewDue(period.start, dates);
    dates.push(review.review);
    return { review, due, onTime: review.review <= due };
  });
}
