/**
 * Metric 8 (return home / reunification): care episodes (short breaks excluded) ending E4A, E4B or E13 in the
 * year and the children they concern; of those children, the number who start a new period of care (not V3/V4)
 * with DECOM − DEC ≤ 365 days and DECOM ≤ the as-at date. Re-entry is censored at the as-at date, so last year's
 * returners are reported too as the settled figure.
 */
import { daysBetween } from '../calendar/dates.ts';
import type { IsoDate } from '../ssda903/records.ts';
import { inRange, previousYearWindow, type ChildTimeline, type YearWindow } from './timeline.ts';
import { ratio, type LaMetrics, type Ratio } from './types.ts';

export const RETURN_HOME_REASONS: ReadonlySet<string> = new Set(['E4A', 'E4B', 'E13']);

interface Returners {
  episodes: number;
  children: number;
  reentered: number;
}

/** Return-home episodes with DEC in [from, to]; re-entry observed up to `observedTo`. */
export function returnersBetween(timelines: readonly ChildTimeline[], from: IsoDate, to: IsoDate, observedTo: IsoDate): Returners {
  const result: Returners = { episodes: 0, children: 0, reentered: 0 };
  for (const t of timelines) {
    let returned = false;
    let reentered = false;
    t.periods.forEach((period, i) => {
      for (const e of period.episodes) {
        if (e.dec === null || e.rec === null || !RETURN_HOME_REASONS.has(e.rec) || !inRange(e.dec, from, to)) continue;
        result.episodes++;
        returned = true;
        // A return-home REC is never X1, so it ends its period; the next period is the re-entry, if any.
        const next = t.periods[i + 1];
        if (next && next.start <= observedTo && daysBetween(e.dec, next.start) <= 365) reentered = true;
      }
    });
    if (returned) result.children++;
    if (reentered) result.reentered++;
  }
  return result;
}

export function reunification(timelines: readonly ChildTimeline[], window: YearWindow): LaMetrics['reunification'] {
  const current = returnersBetween(timelines, window.start, window.asAt, window.asAt);
  const prev = previousYearWindow(window);
  const last = returnersBetween(timelines, prev.start, prev.end, window.asAt);
  const previousYear: Ratio | null = last.children === 0 ? null : ratio(last.reentered, last.children);
  return {
    episodes: current.episodes,
    children: current.children,
    reentryWithin12Months: ratio(current.reentered, current.children),
    censoredAt: window.asAt,
    previousYear,
  };
}
