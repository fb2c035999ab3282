/**
 * Which children are behind each figure of the LA dashboard. Every metric of §4 (and metric 9) is a sum over
 * children, so a child's own share of a figure is that metric computed over the child alone: the child is in the
 * numerator (or the denominator) when its share of it is above zero. Nothing here restates a definition: it calls
 * the same functions the snapshot is computed with, so the list a figure links to has exactly its children.
 * Review-level figures (timeliness, participation, seen before the review) count reviews: a child is behind them
 * when at least one of its reviews is.
 */
import type { PracticeRecords } from '../practice/records.ts';
import { iroPracticeMetrics } from '../practice/metrics.ts';
import { classifySiblingPlacements, type SiblingPlacement } from '../practice/siblings.ts';
import type { IsoDate, LaDataset } from '../ssda903/records.ts';
import { childrenLookedAfter } from './cla.ts';
import { longTermStability } from './long-term-stability.ts';
import { missing } from './missing.ts';
import { participation } from './participation.ts';
import { placementMoves } from './placement-moves.ts';
import { reunification } from './reunification.ts';
import { reviewTimeliness } from './review-timeliness.ts';
import { shortTermStability } from './short-term-stability.ts';
import { timelineOf, yearWindow, type ChildTimeline, type YearWindow } from './timeline.ts';
import { twoYearStability } from './two-year-stability.ts';

/** A child's share of a figure: a count has numerator = denominator. */
export interface Share {
  numerator: number;
  denominator: number;
}

const count = (n: number): Share => ({ numerator: n, denominator: n });

/** Figures of metrics 1–8 whose children can be listed, each as the child's share. */
const FIGURES_1_TO_8 = {
  cla: (t, w) => count(childrenLookedAfter([t], w).count),
  lookedAfterInYear: (t, w) => count(childrenLookedAfter([t], w).duringYear),
  shortTermStability: (t, w) => shortTermStability([t], w),
  longTermStability: (t, w) => longTermStability([t], w, 'placement'),
  longTermStabilitySameCarer: (t, w) => longTermStability([t], w, 'sameCarer'),
  movesOneOrMore: (t, w) => placementMoves([t], w).oneOrMore,
  movesTwoOrMore: (t, w) => placementMoves([t], w).twoOrMore,
  reviewsOnTime: (t, w) => reviewTimeliness([t], w).onTime,
  reviewOverdue: (t, w) => count(reviewTimeliness([t], w).overdue.count),
  participation: (t, w) => participation([t], w).rate,
  missing: (t, w) => missing([t], w).children,
  away: (t, w) => missing([t], w).away.children,
  reentry: (t, w) => reunification([t], w).reentryWithin12Months,
  twoYearStability: (t, w) => twoYearStability([t], w),
} satisfies Record<string, (t: ChildTimeline, w: YearWindow) => Share>;

/** Metric 9's figures whose children can be listed (IRO caseload bands and FTE are about staff, not children). */
const PRACTICE_FIGURES = [
  'caseload', 'sameIroThroughYear', 'allocatedWithin5WorkingDays', 'seenBeforeReview', 'contactBetweenReviews',
  'decisionsMade', 'decisionsImplemented', 'decisionsOverdue', 'disputes', 'rateMyReview',
] as const;
const SIBLING_FIGURES = ['siblingsAll', 'siblingsSome', 'siblingsNone'] as const;

export const MEMBERSHIP_FIGURES = [...Object.keys(FIGURES_1_TO_8) as (keyof typeof FIGURES_1_TO_8)[], ...PRACTICE_FIGURES, ...SIBLING_FIGURES] as const;
export type MembershipFigure = (typeof MEMBERSHIP_FIGURES)[number];
export type Membership = Partial<Record<MembershipFigure, Share>>;

/** Whether a figure is metric 9's: its children come from the practice records, not the 903 returns alone. */
export function isPracticeFigure(figure: MembershipFigure): boolean {
  return (PRACTICE_FIGURES as readonly string[]).includes(figure) || (SIBLING_FIGURES as readonly string[]).includes(figure);
}

const SIBLING_FIGURE: Record<SiblingPlacement, (typeof SIBLING_FIGURES)[number]> = { all: 'siblingsAll', some: 'siblingsSome', none: 'siblingsNone' };

export interface MembershipOptions {
  yearEnding: number;
  asAt?: IsoDate;
}

/**
 * Each listed child's share of every figure. `dataset` is the LA's returns up to the year, merged (as the snapshot
 * is computed); `practice` its practice records, or null when it keeps none (metric 9 is then absent).
 */
export function memberships(dataset: LaDataset, children: readonly string[], practice: PracticeRecords | null, options: MembershipOptions): Map<string, Membership> {
  const window = yearWindow(options.yearEnding, options.asAt);
  const wanted = new Set(children);
  const siblings = practice ? new Map(classifySiblingPlacements(dataset, practice.siblingGroups, window.asAt).map((s) => [s.child, s.placement])) : new Map<string, SiblingPlacement>();
  const out = new Map<string, Membership>();
  for (const records of dataset.children) {
    if (!wanted.has(records.child)) continue;
    const timeline = timelineOf(records);
    const shares: Membership = {};
    for (const [figure, share] of Object.entries(FIGURES_1_TO_8)) shares[figure as MembershipFigure] = share(timeline, window);
    if (practice) {
      const own = practiceOf(practice, records.child);
      const m = iroPracticeMetrics({ yearEnding: options.yearEnding, children: [records] }, own, options);
      Object.assign(shares, {
        caseload: count(m.caseload.children),
        sameIroThroughYear: m.sameIroThroughYear,
        allocatedWithin5WorkingDays: m.allocatedWithin5WorkingDays,
        seenBeforeReview: m.seenBeforeReview,
        contactBetweenReviews: m.contactBetweenReviews,
        decisionsMade: count(m.decisions.made),
        decisionsImplemented: m.decisions.implementedRate,
        decisionsOverdue: count(m.decisions.overdue),
        disputes: count(m.disputes.raised.numerator),
        rateMyReview: m.rateMyReview.responseRate,
      } satisfies Record<(typeof PRACTICE_FIGURES)[number], Share>);
      for (const placement of Object.keys(SIBLING_FIGURE) as SiblingPlacement[]) shares[SIBLING_FIGURE[placement]] = count(siblings.get(records.child) === placement ? 1 : 0);
    }
    out.set(records.child, shares);
  }
  return out;
}

/** The practice records about one child (the IROs kept whole: their FTE is not a child's). */
function practiceOf(all: PracticeRecords, child: string): PracticeRecords {
  const mine = <T extends { child: string }>(rows: readonly T[]) => rows.filter((r) => r.child === child);
  return {
    ...all,
    allocations: mine(all.allocations), reviews: mine(all.reviews), contacts: mine(all.contacts), decisions: mine(all.decisions),
    disputes: mine(all.disputes), cards: mine(all.cards), siblingGroups: [],
  };
}
