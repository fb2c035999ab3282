import { placementsInYear } from './placements.ts';
import { lookedAfterInYear, type ChildTimeline, type YearWindow } from './timeline.ts';
import { PLACE_CHANGE_REASONS, ratio, type LaMetrics } from './types.ts';

/**
 * Metric 4 (Stability Index style): of children looked after at any time in the year, those with 1+ and 2+
 * placement changes in the year; reasons from REASON_PLACE_CHANGE on the ending episode, "NONE" when blank, so
 * the reasons sum to the total. Every known reason is always present (zero included) so tables line up.
 */
export function placementMoves(timelines: readonly ChildTimeline[], window: YearWindow): LaMetrics['placementMoves'] {
  let denominator = 0;
  let one = 0;
  let two = 0;
  let total = 0;
  const counts = new Map<string, number>(PLACE_CHANGE_REASONS.map((r) => [r, 0]));
  for (const t of timelines) {
    if (!lookedAfterInYear(t, window)) continue;
    denominator++;
    const { moves } = placementsInYear(t, window);
    if (moves.length >= 1) one++;
    if (moves.length >= 2) two++;
    total += moves.length;
    for (const m of moves) {
      const reason = m.reason ?? 'NONE';
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  const known: readonly string[] = PLACE_CHANGE_REASONS;
  const unknown = [...counts.keys()].filter((k) => !known.includes(k)).sort();
  const reasons: Record<string, number> = {};
  for (const k of [...known, ...unknown]) reasons[k] = counts.get(k) ?? 0;
  return { oneOrMore: ratio(one, denominator), twoOrMore: ratio(two, denominator), total, reasons };
}
