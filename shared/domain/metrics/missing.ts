import { inRange, lookedAfterInYear, type ChildTimeline, type YearWindow } from './timeline.ts';
import { ratio, type LaMetrics } from './types.ts';

/**
 * Metric 7: of children looked after in the year, those with a missing (`M`) incident starting in the year
 * (1 April – as-at), incidents and incidents per missing child; away without authorisation (`A`) the same way.
 */
export function missing(timelines: readonly ChildTimeline[], window: YearWindow): LaMetrics['missing'] {
  let denominator = 0;
  const children = { M: 0, A: 0 };
  const incidents = { M: 0, A: 0 };
  for (const t of timelines) {
    if (!lookedAfterInYear(t, window)) continue;
    denominator++;
    const counted = { M: 0, A: 0 };
    for (const m of t.records.missing) {
      if ((m.missing === 'M' || m.missing === 'A') && inRange(m.misStart, window.start, window.asAt)) counted[m.missing]++;
    }
    for (const k of ['M', 'A'] as const) {
      incidents[k] += counted[k];
      if (counted[k] > 0) children[k]++;
    }
  }
  return {
    children: ratio(children.M, denominator),
    incidents: incidents.M,
    incidentsPerMissingChild: children.M === 0 ? null : incidents.M / children.M,
    away: { children: ratio(children.A, denominator), incidents: incidents.A },
  };
}
