/** DESIGN.md §5: a suppressed cell is serialised as `{"suppressed": "c", "reason": "..."}`, never as a number. */
export interface SuppressedCell {
  suppressed: 'c';
  reason: string;
}
export type PublishedCount = number | SuppressedCell;
/** null = not available (DfE symbol `x`): e.g. no LA of a region has a snapshot for the year. */
export type PublishedValue = PublishedCount | null;

export type SuppressionKind = 'primary' | 'secondary';

export const REASONS = {
  primary: 'count of 1 to 5 (DfE primary suppression)',
  secondary: 'secondary suppression: would let a suppressed count be recovered from totals',
  rate: 'rate of a suppressed count',
} as const;

export function isSuppressed(value: unknown): value is SuppressedCell {
  return typeof value === 'object' && value !== null && (value as { suppressed?: unknown }).suppressed === 'c';
}
