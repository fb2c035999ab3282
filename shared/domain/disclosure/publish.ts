import { REASONS, type PublishedValue, type SuppressedCell, type SuppressionKind } from './types.ts';

/** DESIGN §5: national and regional counts are rounded to the nearest 10; LA counts are not rounded. */
export function roundToTen(value: number): number {
  return Math.round(value / 10) * 10;
}

export function suppressedCell(kind: SuppressionKind | 'rate'): SuppressedCell {
  return { suppressed: 'c', reason: REASONS[kind] };
}

export function publishCount(value: number | null, kind: SuppressionKind | undefined, round: boolean): PublishedValue {
  if (value === null) return null;
  if (kind) return suppressedCell(kind);
  return round ? roundToTen(value) : value;
}

/**
 * A percentage, a whole number computed from the unrounded counts (DESIGN §5); suppressed when its numerator
 * or denominator is; null when not available or the denominator is 0.
 */
export function publishPercent(
  numerator: number | null,
  denominator: number | null,
  hidden: boolean,
): number | SuppressedCell | null {
  if (numerator === null || denominator === null) return null;
  if (hidden) return suppressedCell('rate');
  if (denominator === 0) return null;
  return Math.round((100 * numerator) / denominator);
}
