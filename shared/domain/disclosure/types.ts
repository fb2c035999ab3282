/** DESIGN.md §5: a suppressed cell is serialised as `{"suppressed": "c", "reason": "..."}`, never as a number. */
export interface SuppressedCell {
  suppressed: 'c';
  reason: string;
}
export type PublishedCount = number | SuppressedCell;
/** null = not available (DfE symbol `x`): e.g. no LA of a region has a snapshot for the year. */
export type PublishedValue = PublishedCount | null;

/** A disclosure-controlled ratio: counts (rounded above LA level) and a whole-number percentage. */
export interface PublishedRatio {
  numerator: PublishedValue;
  denominator: PublishedValue;
  percent: number | SuppressedCell | null;
}

export type SuppressionKind = 'primary' | 'secondary';

/**
 * Primary and secondary suppressions share one reason on purpose: telling them apart would tell an attacker
 * which cells hold 1 to 5, and with a rounded total that can pin a value.
 */
const SMALL_OR_PROTECTING = 'suppressed to protect confidentiality: a count of 1 to 5, or a cell that would reveal one';
export const REASONS = {
  primary: SMALL_OR_PROTECTING,
  secondary: SMALL_OR_PROTECTING,
  rate: 'rate of a suppressed count',
} as const;

export function isSuppressed(value: unknown): value is SuppressedCell {
  return typeof value === 'object' && value !== null && (value as { suppressed?: unknown }).suppressed === 'c';
}
