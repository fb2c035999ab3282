import { daysBetween } from '../calendar/dates.ts';
import { nextReviewDue, reviewsByPeriod, scheduleOf } from './review-schedule.ts';
import { inRange, periodOn, type ChildTimeline, type YearWindow } from './timeline.ts';
import { ratio, type LaMetrics, type OverdueChild } from './types.ts';

/**
 * Metric 5 (reg. 33 review timeliness): reviews in the year (dated 1 April – as-at) held by their due date, and
 * the children looked after on the as-at date whose next review is overdue (due date before the as-at date;
 * due on it is not overdue), with days overdue = as-at − due. Sorted most overdue first, then by child.
 */
export function reviewTimeliness(timelines: readonly ChildTimeline[], window: YearWindow): LaMetrics['reviewTimeliness'] {
  let denominator = 0;
  let numerator = 0;
  const children: OverdueChild[] = [];
  for (const t of timelines) {
    const byPeriod = reviewsByPeriod(t);
    for (const [period, reviews] of byPeriod) {
      for (const s of scheduleOf(period, reviews)) {
        if (!inRange(s.review.review, window.start, window.asAt)) continue;
        denominator++;
        if (s.onTime) numerator++;
      }
    }
    const current = periodOn(t, window.asAt);
    if (!current) continue;
    const held = (byPeriod.get(current) ?? []).filter((r) => r.review <= window.asAt).map((r) => r.review);
    const due = nextReviewDue(current.start, held);
    if (due < window.asAt) children.push({ child: t.child, due, daysOverdue: daysBetween(due, window.asAt) });
  }
  children.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  return { onTime: ratio(numerator, denominator), overdue: { count: children.length, children } };
}
