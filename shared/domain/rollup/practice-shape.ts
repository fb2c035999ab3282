/**
 * The published shape of metric 9 (what regional chairs and national users see) and the bands it is counted in:
 * a leaf module, so the rollup's types and its builders can both use it.
 */
import type { PublishedRatio, PublishedValue, SuppressedCell } from '../disclosure/types.ts';
import type { DisputeTheme, FeedbackAnswer, NOT_IMPLEMENTED_REASONS } from '../practice/records.ts';

/** An escalation chain has at most 8 formal stages (records.ts `escalationSchema`). */
export const HIGHEST_STAGES = ['informal', ...Array.from({ length: 8 }, (_, i) => `stage${i + 1}`)] as const;
export const BANDS = ['upTo20', 'from21To40', 'over40'] as const;
export const OUTCOMES = ['open', 'resolved', 'withdrawn', 'referred_to_cafcass'] as const;
export const CASELOAD_BANDS = ['below', 'within', 'above'] as const;
export const PLACED = ['all', 'some', 'none'] as const;

export type Counts<K extends string> = Record<K, PublishedValue>;

/** Metric 9 as regional chairs and national users see it. */
export interface PublishedIroPractice {
  caseload: {
    children: PublishedValue;
    /** Summed FTE of the IROs active on the as-at date, one decimal place (staff, not children: not suppressed). */
    fte: number;
    /** One decimal place; suppressed with the children count. */
    perFte: number | SuppressedCell | null;
    iros: Counts<(typeof CASELOAD_BANDS)[number]>;
  };
  sameIroThroughYear: PublishedRatio;
  allocatedWithin5WorkingDays: PublishedRatio;
  seenBeforeReview: PublishedRatio;
  contactBetweenReviews: PublishedRatio;
  decisions: {
    made: PublishedValue;
    implemented: PublishedValue;
    notImplemented: PublishedValue;
    notImplementedReasons: Counts<(typeof NOT_IMPLEMENTED_REASONS)[number]>;
    awaiting: PublishedValue;
    overdue: PublishedValue;
    implementedRate: PublishedRatio;
  };
  disputes: {
    raised: PublishedRatio;
    /** One decimal place. */
    per100Cla: number | SuppressedCell | null;
    byTheme: Counts<DisputeTheme>;
    byHighestStage: Counts<(typeof HIGHEST_STAGES)[number]>;
    byOutcome: Counts<(typeof OUTCOMES)[number]>;
    openByAge: Counts<(typeof BANDS)[number]>;
    resolvedByWorkingDays: Counts<(typeof BANDS)[number]>;
  };
  rateMyReview: { answers: Counts<FeedbackAnswer>; responseRate: PublishedRatio };
  siblings: Counts<(typeof PLACED)[number]> & { foster: Counts<(typeof PLACED)[number]> };
}

