import { reviewsByPeriod } from './review-schedule.ts';
import { inRange, type ChildTimeline, type YearWindow } from './timeline.ts';
import { PARTICIPATION_CODES, ratio, type LaMetrics, type ParticipationCode } from './types.ts';

const PARTICIPATED: ReadonlySet<string> = new Set(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6']);

/**
 * Metric 6: PN0–PN7 over the reviews in the year (the same reviews as metric 5), and the participation rate
 * PN1–PN6 / PN1–PN7 (DESIGN §3): PN0 (child under 4) is reported but is in neither side of the rate.
 */
export function participation(timelines: readonly ChildTimeline[], window: YearWindow): LaMetrics['participation'] {
  const codes = Object.fromEntries(PARTICIPATION_CODES.map((c) => [c, 0])) as Record<ParticipationCode, number>;
  for (const t of timelines) {
    for (const reviews of reviewsByPeriod(t).values()) {
      for (const r of reviews) {
        if (!inRange(r.review, window.start, window.asAt)) continue;
        if (r.reviewCode in codes) codes[r.reviewCode as ParticipationCode]++;
      }
    }
  }
  let numerator = 0;
  for (const c of PARTICIPATED) numerator += codes[c as ParticipationCode];
  return { codes, rate: ratio(numerator, numerator + codes.PN7) };
}
